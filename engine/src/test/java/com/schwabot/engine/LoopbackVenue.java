package com.schwabot.engine;

import java.nio.file.Path;
import java.util.List;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.ring.InputRing;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.venue.Sources;

/**
 * A venue without sockets for engine tests: a thread that brings both connections up, publishes a synthetic market
 * into the input ring in chunks (waiting for the business thread to take each) and answers every order on the output
 * ring with NEW then FILL at the order's price, through the same FrameSink calls the network threads make.
 */
final class LoopbackVenue implements AutoCloseable
{
    private final InputRing ring;
    private final EventPoller<OutboundEvent> poller;
    private final Thread thread;
    private final int steps;
    private final long seed;
    private final UnsafeBuffer report = new UnsafeBuffer(new byte[256]);
    private final ExecutionReportEncoder encoder = new ExecutionReportEncoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private volatile boolean done;
    private long execId;

    LoopbackVenue(final Engine engine, final long seed, final int steps)
    {
        this.ring = engine.inputRing();
        final RingBuffer<OutboundEvent> output = engine.outputRing();
        this.poller = output.newPoller();
        output.addGatingSequences(poller.getSequence());
        this.seed = seed;
        this.steps = steps;
        this.thread = new Thread(this::run, "loopback-venue");
    }

    LoopbackVenue start()
    {
        thread.start();
        return this;
    }

    boolean isDone()
    {
        return done;
    }

    /**
     * Wait until the venue has published its whole market and the business thread has taken it (a minute at most).
     *
     * @throws InterruptedException when interrupted.
     */
    void awaitDone() throws InterruptedException
    {
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (!done && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
    }

    /**
     * Start an engine on a journal with a venue of this kind, run the venue's market to its end and close the engine.
     *
     * @param config     the engine's configuration.
     * @param journalDir its journal.
     * @param seed       of the synthetic market.
     * @param steps      of the synthetic market.
     * @return the closed engine, for its counters and core.
     * @throws Exception when the engine cannot start.
     */
    static Engine runToEnd(final SchwabotConfig config, final Path journalDir, final long seed, final int steps)
        throws Exception
    {
        final LoopbackVenue[] venue = new LoopbackVenue[1];
        final Engine engine = Engine.start(config, journalDir, (e) ->
        {
            venue[0] = new LoopbackVenue(e, seed, steps).start();
            return List.of(venue[0]);
        });
        try
        {
            venue[0].awaitDone();
        }
        finally
        {
            engine.close();
        }
        return engine;
    }

    private void run()
    {
        final long source = Sources.source(Sources.VENUE_SIMULATOR, 1);
        final long t0 = System.currentTimeMillis() * 1_000_000L;
        ring.onConnectionState(source, Sources.CHANNEL_MARKET_DATA, true, t0);
        ring.onConnectionState(source, Sources.CHANNEL_ORDER_ENTRY, true, t0);
        final SyntheticMarket market = new SyntheticMarket(seed, t0);
        final int chunk = 200;
        for (int s = 0; s < steps; s += chunk)
        {
            market.run(chunk, (buffer, length, nanos) ->
            {
                while (!ring.onMarketData(source, buffer, 0, length, System.currentTimeMillis() * 1_000_000L))
                {
                    answerOrders();
                    Thread.onSpinWait();
                }
            });
            awaitBusinessThread();
        }
        final long until = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < until)
        {
            answerOrders();
            Thread.yield();
        }
        done = true;
    }

    /**
     * Let the business thread catch up with each chunk, so that its batches stay small and it decides often, as it
     * does with a real feed (publishing everything at once would make a few huge batches).
     */
    private void awaitBusinessThread()
    {
        final long deadline = System.nanoTime() + 5_000_000_000L;
        answerOrders();
        while (ring.ring().getMinimumGatingSequence() < ring.ring().getCursor() && System.nanoTime() < deadline)
        {
            answerOrders();
            Thread.yield();
        }
    }

    private void answerOrders()
    {
        try
        {
            poller.poll((event, sequence, endOfBatch) ->
            {
                answer(event);
                return true;
            });
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void answer(final OutboundEvent event)
    {
        if (event.length() == 0)
        {
            return;
        }
        header.wrap(event.buffer(), 0);
        if (header.templateId() != NewOrderDecoder.TEMPLATE_ID)
        {
            return;
        }
        order.wrap(event.buffer(), MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        send(ExecType.NEW, 0, 0);
        send(ExecType.FILL, order.price(), order.qty());
    }

    private void send(final ExecType type, final long price, final long qty)
    {
        encoder.wrapAndApplyHeader(report, 0, headerEncoder)
            .clOrdId(order.clOrdId()).exchangeOrderId(order.clOrdId()).execId(++execId)
            .transactTimeNs(order.timeNs()).orderPrice(order.price()).lastPrice(price).lastQty(qty)
            .cumQty(qty).leavesQty(type == ExecType.NEW ? order.qty() : 0).fee(0)
            .instrumentId(order.instrumentId()).venueId(order.venueId())
            .priceExponent(order.priceExponent()).qtyExponent(order.qtyExponent()).feeExponent((byte)0)
            .side(order.side()).execType(type).rejectReason(RejectReason.NONE)
            .liquidity(qty > 0 ? Liquidity.TAKER : Liquidity.NONE);
        ring.onExecution(Sources.source(Sources.VENUE_SIMULATOR, 2), report, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(), System.currentTimeMillis() * 1_000_000L);
    }

    public void close()
    {
        try
        {
            thread.join(30_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
