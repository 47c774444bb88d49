package com.schwabot.engine.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.sbe.ConnectionStateDecoder;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.Venues;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.OrderDigest;
import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalStats;
import com.schwabot.journal.RecordHandler;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorBatch;

/**
 * Replays a journal through a fresh {@link TradingCore} built from the same configuration, on the calling thread,
 * as fast as it can read: each inbound record goes through the same pipeline with its journaled ingress time,
 * sequence and end-of-batch mark, so the replay takes the same decisions at the same points as the live run.
 * <p>
 * Two modes. A live run's journal (it holds connection states and execution reports) is replayed as recorded: the
 * venue's reports are re-fed like everything else and the orders the replay sends go nowhere but into the digest,
 * which then equals the live run's. A journal of market data only (a backtest) gets its fills from a
 * {@link SimulatedVenue} (latency and fees from {@link #fillSettings}, by default config.yaml's {@code backtest}
 * section), which acts after each market-data record. Outbound records (the orders the live run sent) are skipped
 * as input.
 * <p>
 * Not thread-safe: one replay per instance.
 */
public final class Replayer
{
    private static final int SCHEMA_ID_OFFSET = 4;

    private final SchwabotConfig config;
    private final TensorBackend backend;
    private final EngineCounters counters;
    private OrderSender orderTap;
    private ReplayObserver observer;
    private FillSettings fillSettings;

    /**
     * A replayer.
     *
     * @param config   the configuration the run used (instruments, strategies, risk).
     * @param backend  the tensor backend.
     * @param counters counters the replay's stages count into.
     */
    public Replayer(final SchwabotConfig config, final TensorBackend backend, final EngineCounters counters)
    {
        this.config = config;
        this.backend = backend;
        this.counters = counters;
        this.fillSettings = FillSettings.of(config.backtest());
    }

    /**
     * How the simulated venue fills (default: config.yaml's {@code backtest} section).
     *
     * @param settings latency and fees.
     * @return this.
     */
    public Replayer fillSettings(final FillSettings settings)
    {
        this.fillSettings = settings;
        return this;
    }

    /**
     * Whether a frame is venue market data (a Binance stream frame): the simulated venue acts after those only.
     *
     * @param buffer holding the frame.
     * @param offset of its SBE header.
     * @param length of the frame.
     * @return true for market data.
     */
    public static boolean isMarketData(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= MessageHeaderDecoder.ENCODED_LENGTH &&
            (buffer.getShort(offset + SCHEMA_ID_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF) ==
            FrameChecker.BINANCE_SCHEMA_ID;
    }

    /**
     * See every order and cancel frame the replay sends, before the (simulated or digest-only) venue does: for
     * backtest reports and tests. The frame is valid only during the call.
     *
     * @param tap receives the frames; its return value is ignored. Null for none.
     * @return this.
     */
    public Replayer orderTap(final OrderSender tap)
    {
        this.orderTap = tap;
        return this;
    }

    /**
     * Watch the replay (runs, event times, ends) for backtest reports.
     *
     * @param observer the observer, or null for none.
     * @return this.
     */
    public Replayer observer(final ReplayObserver observer)
    {
        this.observer = observer;
        return this;
    }

    /**
     * Replay a journal directory (opened read-only).
     *
     * @param journalDir the journal.
     * @return what the replay did.
     */
    public ReplayResult replay(final Path journalDir)
    {
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            return replay(journal, !isLiveRun(journal.stats()));
        }
    }

    /**
     * Whether a journal was written by a live run (it holds the venue connections' state changes or execution
     * reports) rather than imported market data.
     *
     * @param stats the journal's statistics.
     * @return true for a live run's journal.
     */
    public static boolean isLiveRun(final JournalStats stats)
    {
        return stats.count(MessageHeaderDecoder.SCHEMA_ID, ExecutionReportDecoder.TEMPLATE_ID) > 0 ||
            stats.count(MessageHeaderDecoder.SCHEMA_ID, ConnectionStateDecoder.TEMPLATE_ID) > 0;
    }

    /**
     * Replay an open journal.
     *
     * @param journal   the journal.
     * @param simulated true to fill orders with a {@link SimulatedVenue}, false to replay the recorded reports.
     * @return what the replay did.
     */
    public ReplayResult replay(final Journal journal, final boolean simulated)
    {
        final Sessions sessions = new Sessions(simulated);
        final RecordHandler handler = (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
        {
            sessions.records++;
            final long start = sessions.starts.sessionStart(buffer, offset, length);
            if (start == SessionStarts.FRESH || (start > SessionStarts.FRESH && !sessions.continues(start)))
            {
                sessions.finish();
            }
            final Session session = sessions.current(sequence);
            if ((flags & JournalFlags.OUTBOUND) != 0)
            {
                sessions.outbound++;
                session.recorded.update(buffer, offset, length);
                return;
            }
            sessions.inbound++;
            session.inbound++;
            if (null != observer)
            {
                observer.onEvent(ingressNanos);
            }
            feed(session.core.pipeline(), session.venue, buffer, offset, length, ingressNanos, source, sequence,
                flags);
        };
        final long start = System.nanoTime();
        journal.replay(0, handler);
        sessions.finish();
        final long elapsed = System.nanoTime() - start;
        return new ReplayResult(sessions.records, sessions.inbound, sessions.outbound, simulated,
            List.copyOf(sessions.results), elapsed);
    }

    /**
     * The runs of a journal as they are replayed: a fresh core per run.
     */
    private final class Sessions
    {
        private final boolean simulated;
        private final SessionStarts starts = new SessionStarts();
        private final List<ReplayResult.Session> results = new ArrayList<>();
        private Session session;
        private long records;
        private long inbound;
        private long outbound;

        Sessions(final boolean simulated)
        {
            this.simulated = simulated;
        }

        /**
         * Whether a restarted run continues the session being replayed (it names its first sequence).
         */
        boolean continues(final long firstSequence)
        {
            return null != session && session.firstSequence == firstSequence;
        }

        Session current(final long sequence)
        {
            if (null == session)
            {
                session = new Session(sequence, simulated);
            }
            return session;
        }

        void finish()
        {
            if (null != session)
            {
                results.add(session.finish());
                session = null;
            }
        }
    }

    /**
     * One run being replayed.
     */
    private final class Session
    {
        private final long firstSequence;
        private final TradingCore core;
        private final SimulatedVenue venue;
        private final OrderDigest recorded = new OrderDigest();
        private long inbound;

        Session(final long firstSequence, final boolean simulated)
        {
            this.firstSequence = firstSequence;
            final EventClock clock = new EventClock();
            venue = simulated ?
                new SimulatedVenue(new InstrumentTable(config.instruments()), fillSettings) : null;
            final OrderSender sender = tapped(simulated ? venue : (buffer, offset, length, clOrdId, dest) -> true);
            core = new TradingCore(config, backend, clock, sender, Venues.orderDestination(config), counters);
            if (simulated)
            {
                venue.market(core.market());
                core.risk().gateway(true);
                core.risk().feed(true);
            }
            if (null != observer)
            {
                observer.onSessionStart(firstSequence, core);
            }
        }

        ReplayResult.Session finish()
        {
            final Pipeline pipeline = core.pipeline();
            pipeline.endOfBatch();
            pipeline.publishStatus();
            final ReplayResult.Session result = new ReplayResult.Session(firstSequence, inbound,
                core.digest().frames(), core.digest().hex(), recorded.hex(), core.status().pnl(),
                core.tensor().updates(), weights(core.tensor().batch()));
            if (null != observer)
            {
                observer.onSessionEnd(result);
            }
            return result;
        }
    }

    private OrderSender tapped(final OrderSender sender)
    {
        final OrderSender tap = orderTap;
        return null == tap ? sender : (buffer, offset, length, clOrdId, destination) ->
        {
            tap.send(buffer, offset, length, clOrdId, destination);
            return sender.send(buffer, offset, length, clOrdId, destination);
        };
    }

    private static float[] weights(final TensorBatch batch)
    {
        final int w = batch.featureCount() * batch.outputCount();
        final float[] copy = new float[w + batch.outputCount()];
        System.arraycopy(batch.weights(), 0, copy, 0, w);
        System.arraycopy(batch.bias(), 0, copy, w, batch.outputCount());
        return copy;
    }

    /**
     * One record's frame into a pipeline, then, when it was market data, into the simulated venue (which fills the
     * orders waiting on it): how a replay feeds a core, and how the engine's JIT warm-up feeds its throwaway one.
     *
     * @param pipeline     the core's pipeline.
     * @param venue        the simulated venue, or null when the record's venue reports are replayed instead.
     * @param buffer       holding the frame.
     * @param offset       of the frame.
     * @param length       of the frame.
     * @param ingressNanos its ingress (event) time.
     * @param source       its source.
     * @param sequence     its journal sequence.
     * @param flags        its journal flags ({@link JournalFlags#END_OF_BATCH} ends a batch).
     */
    public static void feed(
        final Pipeline pipeline,
        final SimulatedVenue venue,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long ingressNanos,
        final long source,
        final long sequence,
        final int flags)
    {
        final boolean endOfBatch = (flags & JournalFlags.END_OF_BATCH) != 0;
        pipeline.onFrame(buffer, offset, length, ingressNanos, source, sequence, endOfBatch);
        if (null != venue && pipeline.lastFrameIsMarketData())
        {
            venue.onMarketEvent(pipeline, ingressNanos);
        }
    }
}
