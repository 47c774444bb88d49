package com.schwabot.engine.monitor;

import java.nio.ByteBuffer;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.engine.stage.ValidationReason;

/**
 * Every counter of the engine as Agrona {@link AtomicCounter}s in one {@link CountersManager}: the named
 * {@link EngineCounter}s, one per bad-frame status, one per validation reason and one per risk reason.
 * <p>
 * Counters are created once at start; incrementing one allocates nothing. The values live in off-heap buffers
 * that a monitor thread reads with {@link #reader()}; a live engine puts them in a {@link CountersFile}, which
 * another process ({@code schwabot stat}) maps and reads.
 * <p>
 * Each counter carries a type id: {@link #TYPE_COUNT} (only grows: a Prometheus counter), {@link #TYPE_GAUGE} (a
 * value that goes up and down) or {@link #TYPE_LATENCY} (a latency gauge: the metrics endpoint shows latency as
 * summaries instead).
 */
public final class EngineCounters
{
    /** Most counters one engine holds. */
    public static final int MAX_COUNTERS = 1024;
    /** Type id of a counter that only grows. */
    public static final int TYPE_COUNT = 1;
    /** Type id of a value that goes up and down. */
    public static final int TYPE_GAUGE = 2;
    /** Type id of a latency gauge (nanoseconds), published by the monitor. */
    public static final int TYPE_LATENCY = 3;

    private final CountersManager manager;
    private final CountersFile file;
    private final AtomicCounter[] named = new AtomicCounter[EngineCounter.values().length];
    private final AtomicCounter[] badFrames = new AtomicCounter[FrameStatus.values().length];
    private final AtomicCounter[] validation = new AtomicCounter[ValidationReason.values().length];
    private final AtomicCounter[] risk;

    /**
     * Counters in a fresh off-heap region of this process only (tests, replays).
     */
    public EngineCounters()
    {
        this(new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_COUNTERS * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_COUNTERS * CountersReader.COUNTER_LENGTH)), null);
    }

    /**
     * Counters in a memory-mapped file that other processes read.
     *
     * @param file the file, created with room for {@link #MAX_COUNTERS}.
     */
    public EngineCounters(final CountersFile file)
    {
        this(file.metadataBuffer(), file.valuesBuffer(), file);
    }

    private EngineCounters(final AtomicBuffer metadata, final AtomicBuffer values, final CountersFile file)
    {
        this.file = file;
        manager = new CountersManager(metadata, values);
        for (final EngineCounter c : EngineCounter.values())
        {
            named[c.ordinal()] = newCounter(c.label());
        }
        for (final FrameStatus s : FrameStatus.values())
        {
            badFrames[s.ordinal()] = newCounter("frames.bad." + s.name());
        }
        for (final ValidationReason r : ValidationReason.values())
        {
            validation[r.ordinal()] = newCounter("validate.reject." + r.name());
        }
        int maxRisk = 0;
        for (final RiskReason r : RiskReason.values())
        {
            if (r != RiskReason.NULL_VAL)
            {
                maxRisk = Math.max(maxRisk, r.value());
            }
        }
        risk = new AtomicCounter[maxRisk + 1];
        for (final RiskReason r : RiskReason.values())
        {
            if (r != RiskReason.NULL_VAL)
            {
                risk[r.value()] = newCounter("risk.reject." + r.name());
            }
        }
    }

    /**
     * A named counter.
     *
     * @param counter which.
     * @return the counter.
     */
    public AtomicCounter get(final EngineCounter counter)
    {
        return named[counter.ordinal()];
    }

    /**
     * Value of a named counter.
     *
     * @param counter which.
     * @return its current value.
     */
    public long value(final EngineCounter counter)
    {
        return named[counter.ordinal()].get();
    }

    /**
     * The counter of frames found bad with a status.
     *
     * @param status the checker's verdict.
     * @return the counter.
     */
    public AtomicCounter badFrame(final FrameStatus status)
    {
        return badFrames[status.ordinal()];
    }

    /**
     * The counter of market events refused for a reason.
     *
     * @param reason the reason.
     * @return the counter.
     */
    public AtomicCounter validation(final ValidationReason reason)
    {
        return validation[reason.ordinal()];
    }

    /**
     * The counter of orders refused by the risk gate for a reason.
     *
     * @param reason the reason.
     * @return the counter.
     */
    public AtomicCounter risk(final RiskReason reason)
    {
        return risk[reason.value()];
    }

    /**
     * Total of the bad-frame counters.
     *
     * @return frames found bad, all statuses.
     */
    public long badFrameTotal()
    {
        long total = 0;
        for (final FrameStatus s : FrameStatus.values())
        {
            if (s != FrameStatus.OK)
            {
                total += badFrames[s.ordinal()].get();
            }
        }
        return total;
    }

    /**
     * Total of the validation counters.
     *
     * @return market events refused, all reasons.
     */
    public long validationTotal()
    {
        long total = 0;
        for (final AtomicCounter c : validation)
        {
            total += c.get();
        }
        return total;
    }

    /**
     * Allocate a counter that only grows (at start, never on the hot path; not thread-safe).
     *
     * @param label its label.
     * @return the counter.
     */
    public AtomicCounter newCounter(final String label)
    {
        return manager.newCounter(label, TYPE_COUNT);
    }

    /**
     * Allocate a gauge (at start, never on the hot path; not thread-safe).
     *
     * @param label its label.
     * @return the gauge.
     */
    public AtomicCounter newGauge(final String label)
    {
        return manager.newCounter(label, TYPE_GAUGE);
    }

    /**
     * Allocate a latency gauge in nanoseconds (at start; not thread-safe).
     *
     * @param label its label.
     * @return the gauge.
     */
    public AtomicCounter newLatencyGauge(final String label)
    {
        return manager.newCounter(label, TYPE_LATENCY);
    }

    /**
     * The file the counters live in.
     *
     * @return the file, or null when they live in this process only.
     */
    public CountersFile file()
    {
        return file;
    }

    /**
     * The manager, to allocate further counters at start (never on the hot path).
     *
     * @return the manager.
     */
    public CountersManager manager()
    {
        return manager;
    }

    /**
     * Reader over every counter (label and value), for monitoring.
     *
     * @return the reader.
     */
    public CountersReader reader()
    {
        return manager;
    }
}
