package com.schwabot.engine.signal;

/**
 * Session volume-weighted average price of trades: {@code sum(price * qty) / sum(qty)} over the trades of the current
 * session. Sessions are fixed windows of event time aligned on the epoch ({@code [k * sessionNanos,
 * (k + 1) * sessionNanos)}); with the default of one day a session is a UTC day, the usual crypto convention. The
 * first trade of a later session starts the sums again.
 * <p>
 * Warm-up: {@link #isWarm()} is false until the session has a trade with positive quantity; {@link #value()} is 0
 * until then. Quantities and prices are the caller's units (mantissas are fine: exact in a double below 2^53).
 * O(1) per trade, allocation-free, not thread-safe.
 */
public final class Vwap
{
    /** One day of event time: UTC-day sessions. */
    public static final long DAY_NANOS = 86_400_000_000_000L;

    private final long sessionNanos;
    private long session = Long.MIN_VALUE;
    private double notional;
    private double volume;

    /**
     * A session VWAP.
     *
     * @param sessionNanos session length, positive.
     */
    public Vwap(final long sessionNanos)
    {
        if (sessionNanos <= 0)
        {
            throw new IllegalArgumentException("session must be positive: " + sessionNanos);
        }
        this.sessionNanos = sessionNanos;
    }

    /**
     * Add a trade.
     *
     * @param timeNanos event time.
     * @param price     trade price.
     * @param qty       trade quantity; a non-positive one is ignored.
     */
    public void update(final long timeNanos, final double price, final double qty)
    {
        if (!(qty > 0))
        {
            return;
        }
        final long k = Math.floorDiv(timeNanos, sessionNanos);
        if (k > session)
        {
            session = k;
            notional = 0;
            volume = 0;
        }
        notional += price * qty;
        volume += qty;
    }

    /**
     * The VWAP of the current session.
     *
     * @return the price, 0 until warm.
     */
    public double value()
    {
        return volume > 0 ? notional / volume : 0.0;
    }

    /**
     * Volume traded in the session.
     *
     * @return the quantity.
     */
    public double volume()
    {
        return volume;
    }

    /**
     * Whether the session has traded.
     *
     * @return true when warm.
     */
    public boolean isWarm()
    {
        return volume > 0;
    }
}
