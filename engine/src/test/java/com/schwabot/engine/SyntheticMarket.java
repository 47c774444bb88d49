package com.schwabot.engine;

import java.util.SplittableRandom;

import org.agrona.DirectBuffer;

/**
 * A seeded random walk of BTCUSDT and ETHUSDT best bid/ask frames with trades, in Binance stream format, for
 * pipeline and replay tests: each step moves one instrument's mid by -1, 0 or +1 ticks with a slowly changing drift
 * (so trends and reversions both occur) and advances time by 10 ms.
 */
public final class SyntheticMarket
{
    /** Receives each frame. */
    @FunctionalInterface
    public interface FrameConsumer
    {
        /**
         * One frame.
         *
         * @param buffer      holding it at offset 0.
         * @param length      its length.
         * @param ingressNanos its time.
         */
        void onFrame(DirectBuffer buffer, int length, long ingressNanos);
    }

    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT"};
    private static final long[] START_MID = {6_500_000, 350_000};
    private static final int[][] EXPONENTS = {{-2, -5}, {-2, -4}};

    private final SplittableRandom random;
    private final BinanceFrames frames = new BinanceFrames();
    private final long[] mid = START_MID.clone();
    private final long[] updateId = {1, 1};
    private final double[] drift = {0, 0};
    private long timeNanos;
    private long tradeId = 1;

    /**
     * A market.
     *
     * @param seed        random seed.
     * @param startNanos  time of the first frame.
     */
    public SyntheticMarket(final long seed, final long startNanos)
    {
        this.random = new SplittableRandom(seed);
        this.timeNanos = startNanos;
    }

    /**
     * Emit frames.
     *
     * @param steps    number of steps (each one best bid/ask frame, some followed by a trade frame).
     * @param consumer receiving the frames.
     */
    public void run(final int steps, final FrameConsumer consumer)
    {
        for (int s = 0; s < steps; s++)
        {
            final int i = random.nextInt(2);
            if (random.nextInt(500) == 0)
            {
                drift[i] = random.nextDouble(-0.3, 0.3);
            }
            final double u = random.nextDouble() + drift[i] * 0.5;
            mid[i] += u < 0.33 ? -1 : u > 0.67 ? 1 : 0;
            timeNanos += 10_000_000L;
            frames.exponents(EXPONENTS[i][0], EXPONENTS[i][1]).bestBidAsk(SYMBOLS[i], timeNanos / 1000,
                updateId[i]++, mid[i] - 1, 1 + random.nextInt(5000), mid[i] + 1, 1 + random.nextInt(5000));
            consumer.onFrame(frames.buffer(), frames.length(), timeNanos);
            if (random.nextInt(4) == 0)
            {
                frames.trades(SYMBOLS[i], timeNanos / 1000, tradeId++, mid[i] + (random.nextBoolean() ? 1 : -1),
                    1 + random.nextInt(500));
                consumer.onFrame(frames.buffer(), frames.length(), timeNanos);
            }
        }
    }

    /**
     * Time of the last frame.
     *
     * @return epoch nanoseconds.
     */
    public long timeNanos()
    {
        return timeNanos;
    }
}
