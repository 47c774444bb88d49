package com.schwabot.engine.monitor;

import java.nio.ByteBuffer;

import org.agrona.BitUtil;
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
 * Counters are created once at start; incrementing one allocates nothing. The values live in an off-heap buffer
 * that a monitor thread (or, once mapped to a file, another process) reads with {@link #reader()}.
 */
public final class EngineCounters
{
    private static final int MAX_COUNTERS = 256;

    private final CountersManager manager;
    private final AtomicCounter[] named = new AtomicCounter[EngineCounter.values().length];
    private final AtomicCounter[] badFrames = new AtomicCounter[FrameStatus.values().length];
    private final AtomicCounter[] validation = new AtomicCounter[ValidationReason.values().length];
    private final AtomicCounter[] risk;

    /**
     * Counters in a fresh off-heap region.
     */
    public EngineCounters()
    {
        final UnsafeBuffer metadata = new UnsafeBuffer(
            ByteBuffer.allocateDirect(MAX_COUNTERS * CountersReader.METADATA_LENGTH));
        final UnsafeBuffer values = new UnsafeBuffer(
            ByteBuffer.allocateDirect(BitUtil.align(MAX_COUNTERS * CountersReader.COUNTER_LENGTH, 4096)));
        manager = new CountersManager(metadata, values);
        for (final EngineCounter c : EngineCounter.values())
        {
            named[c.ordinal()] = manager.newCounter(c.label());
        }
        for (final FrameStatus s : FrameStatus.values())
        {
            badFrames[s.ordinal()] = manager.newCounter("frames.bad." + s.name());
        }
        for (final ValidationReason r : ValidationReason.values())
        {
            validation[r.ordinal()] = manager.newCounter("validate.reject." + r.name());
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
                risk[r.value()] = manager.newCounter("risk.reject." + r.name());
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
