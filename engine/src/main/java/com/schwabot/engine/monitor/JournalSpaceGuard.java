package com.schwabot.engine.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.engine.ring.JournalGate;

/**
 * The journal's full-disk policy, off the business thread. Chronicle Queue maps its files and grows them sparsely, so
 * a full disk is not an error on a write call but a SIGBUS when the business thread first touches a page the file
 * system cannot back: an {@link InternalError} at best, a dead JVM at worst. So free space is checked ahead, every
 * {@link #check(long)} (the monitor thread calls it every {@value MonitorAgent#TICK_MS} ms; one {@code statvfs}):
 * <ul>
 *     <li>below the reserve ({@code journal.min_free_mb}): trading halts. The guard publishes an AdminCommand HALT
 *     with the reason JOURNAL_SPACE into the input ring, so the business thread halts in order and the journal
 *     records it (a replay halts at the same place); new orders are refused as JOURNAL_SPACE; market data, execution
 *     reports and admin commands are still journaled. One WARN line names the directory, the free bytes and the
 *     reserve; the state is {@link State#LOW_SPACE}, the {@code journal} alert is raised and
 *     {@code journal.space.halts} counted. The halt lasts until an operator resumes (POST /resume); resumed while
 *     still below the reserve, trading is halted again (at most once per {@value #RE_HALT_INTERVAL_MS} ms). Back
 *     above the reserve, the state is OK again but trading stays halted until resumed.</li>
 *     <li>below the stop limit ({@code journal.stop_free_mb}): the {@link JournalGate} is stopped. The business
 *     thread appends nothing more (it refuses every event, never writing part of a record) and the engine's owner
 *     closes the engine, which closes the journal. One ERROR line; the state is {@link State#STOPPED}, for good.</li>
 *     <li>the business thread stopped the gate itself (an append threw): the state is STOPPED too, and the failure is
 *     logged once with its stack trace.</li>
 * </ul>
 * Free space that cannot be measured changes nothing.
 * <p>
 * Not thread-safe: one thread calls {@link #check(long)} (the monitor, or a test with its own clock); {@link #status()}
 * may be read from any thread.
 */
public final class JournalSpaceGuard
{
    /** Least time between two halts published while trading is found resumed below the reserve. */
    public static final long RE_HALT_INTERVAL_MS = 1_000;
    /** A value in bytes that could not be measured. */
    public static final long UNKNOWN = -1;

    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.LOGGER);

    /**
     * Publishes an AdminCommand HALT with the reason JOURNAL_SPACE into the input ring.
     */
    @FunctionalInterface
    public interface Halt
    {
        /**
         * Halt trading.
         *
         * @param note why, for the journal (at most 255 bytes are kept).
         */
        void halt(String note);
    }

    /**
     * The journal's state.
     */
    public enum State
    {
        /** Free space at or above the reserve. */
        OK("ok"),
        /** Free space below the reserve: trading halted, journaling goes on. */
        LOW_SPACE("low_space"),
        /** Nothing more is journaled: below the stop limit, or an append failed. */
        STOPPED("stopped");

        private final String label;

        State(final String label)
        {
            this.label = label;
        }

        /**
         * Name in JSON and logs.
         *
         * @return e.g. {@code low_space}.
         */
        public String label()
        {
            return label;
        }
    }

    /**
     * The guard's last check. Immutable.
     *
     * @param directory    the journal's directory.
     * @param state        its state.
     * @param freeBytes    free bytes on its disk at the last check, or {@link #UNKNOWN}.
     * @param reserveBytes {@code journal.min_free_mb} in bytes.
     * @param stopBytes    {@code journal.stop_free_mb} in bytes.
     * @param cause        what stopped the journal, or null.
     */
    public record Status(Path directory, State state, long freeBytes, long reserveBytes, long stopBytes, String cause)
    {
    }

    private final Path directory;
    private final long reserveBytes;
    private final long stopBytes;
    private final LongSupplier freeBytes;
    private final JournalGate gate;
    private final Halt halt;
    private final BooleanSupplier tradingHalted;
    private final AtomicCounter spaceHalts;
    private final AtomicCounter stateGauge;
    private State state = State.OK;
    private long lastFreeBytes = UNKNOWN;
    private long lastHaltMs;
    private volatile Status status;

    /**
     * A guard.
     *
     * @param directory     the journal's directory (for messages).
     * @param reserveBytes  below this, trading halts ({@code journal.min_free_mb}).
     * @param stopBytes     below this, the journal stops ({@code journal.stop_free_mb}); less than the reserve.
     * @param freeBytes     free bytes on the journal's disk, negative when unknown (see {@link #usableSpace(Path)}).
     * @param gate          the business thread's journal gate.
     * @param halt          publishes the halt.
     * @param tradingHalted whether trading is halted, as the business thread last published it.
     * @param counters      where {@code journal.space.halts} and the {@code journal.state} gauge live.
     */
    public JournalSpaceGuard(
        final Path directory,
        final long reserveBytes,
        final long stopBytes,
        final LongSupplier freeBytes,
        final JournalGate gate,
        final Halt halt,
        final BooleanSupplier tradingHalted,
        final EngineCounters counters)
    {
        if (stopBytes <= 0 || stopBytes >= reserveBytes)
        {
            throw new IllegalArgumentException(
                "need 0 < stopBytes < reserveBytes: stopBytes=" + stopBytes + " reserveBytes=" + reserveBytes);
        }
        this.directory = directory;
        this.reserveBytes = reserveBytes;
        this.stopBytes = stopBytes;
        this.freeBytes = freeBytes;
        this.gate = gate;
        this.halt = halt;
        this.tradingHalted = tradingHalted;
        this.spaceHalts = counters.get(EngineCounter.JOURNAL_SPACE_HALTS);
        this.stateGauge = counters.newGauge("journal.state");
        publish();
    }

    /**
     * Free space for this JVM on the file system of a directory, read through a {@link FileStore} found once.
     *
     * @param directory an existing directory.
     * @return a source of free bytes, negative when they cannot be read.
     * @throws IOException when the directory's file store cannot be found.
     */
    public static LongSupplier usableSpace(final Path directory) throws IOException
    {
        final FileStore store = Files.getFileStore(directory);
        return () ->
        {
            try
            {
                return store.getUsableSpace();
            }
            catch (final IOException | UncheckedIOException ex)
            {
                return UNKNOWN;
            }
        };
    }

    /**
     * Measure the free space once and act on it.
     *
     * @param nowMs epoch milliseconds.
     * @return 1 when the space was checked, 0 once the journal has stopped.
     */
    public int check(final long nowMs)
    {
        if (state == State.STOPPED)
        {
            return 0;
        }
        lastFreeBytes = freeBytes.getAsLong();
        if (!gate.isOpen())
        {
            stopped();
        }
        else if (lastFreeBytes < 0)
        {
            return 1;
        }
        else if (lastFreeBytes < stopBytes)
        {
            stop();
        }
        else if (lastFreeBytes < reserveBytes)
        {
            lowSpace(nowMs);
        }
        else if (state == State.LOW_SPACE)
        {
            state = State.OK;
            LOG.info("journal space: {} bytes free on the disk of {}, at or above the reserve journal.min_free_mb " +
                "({} bytes) again; trading stays halted until an operator resumes it (POST /resume)",
                lastFreeBytes, directory, reserveBytes);
        }
        publish();
        return 1;
    }

    /**
     * The last check.
     *
     * @return the status (any thread).
     */
    public Status status()
    {
        return status;
    }

    /**
     * The state after the last check.
     *
     * @return the state.
     */
    public State state()
    {
        return status.state();
    }

    /**
     * Free bytes at the last check.
     *
     * @return bytes, or {@link #UNKNOWN}.
     */
    public long freeBytes()
    {
        return status.freeBytes();
    }

    /**
     * The reserve.
     *
     * @return {@code journal.min_free_mb} in bytes.
     */
    public long reserveBytes()
    {
        return reserveBytes;
    }

    private void lowSpace(final long nowMs)
    {
        if (state == State.OK)
        {
            state = State.LOW_SPACE;
            LOG.warn("journal space low: {} bytes free on the disk of {}, below the reserve journal.min_free_mb ({} " +
                "bytes): trading halted (JOURNAL_SPACE), journaling goes on; below journal.stop_free_mb ({} bytes) " +
                "the journal stops and the engine must stop. Free space, then resume trading (POST /resume)",
                lastFreeBytes, directory, reserveBytes, stopBytes);
            publishHalt(nowMs);
        }
        else if (!tradingHalted.getAsBoolean() && nowMs - lastHaltMs >= RE_HALT_INTERVAL_MS)
        {
            LOG.warn("journal space low: trading was resumed with {} bytes free on the disk of {}, below the reserve " +
                "journal.min_free_mb ({} bytes): halted again (JOURNAL_SPACE)", lastFreeBytes, directory, reserveBytes);
            publishHalt(nowMs);
        }
    }

    private void publishHalt(final long nowMs)
    {
        lastHaltMs = nowMs;
        spaceHalts.incrementRelease();
        halt.halt("journal space: " + lastFreeBytes + " bytes free, below journal.min_free_mb (" + reserveBytes +
            " bytes)");
    }

    private void stop()
    {
        final String cause = lastFreeBytes + " bytes free on the disk of " + directory +
            ", below journal.stop_free_mb (" + stopBytes + " bytes)";
        if (gate.stop(cause))
        {
            state = State.STOPPED;
            LOG.error("journal stopped: {}: nothing more is journaled or acted on, every inbound event is refused; " +
                "the journal ends on its last whole record. Stop the engine, free space, then restart it (it " +
                "continues its session halted if it was halted; resume with POST /resume)", cause);
        }
        else
        {
            stopped();
        }
    }

    private void stopped()
    {
        state = State.STOPPED;
        LOG.error("journal stopped: {} ({} bytes free on the disk of {}): nothing more is journaled or acted on, " +
            "every inbound event is refused; stop the engine", gate.cause(), lastFreeBytes, directory,
            gate.failure());
    }

    private void publish()
    {
        stateGauge.setRelease(state.ordinal());
        status = new Status(directory, state, lastFreeBytes, reserveBytes, stopBytes, gate.cause());
    }
}
