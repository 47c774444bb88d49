/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.core.time.TimeProvider;

/**
 * Settings for opening a {@link Journal}. Fluent setters, validated once by {@link #conclude()} (called by
 * {@link Journal#open(JournalContext)}). Not thread-safe.
 */
public final class JournalContext
{
    /** Default roll cycle. */
    public static final JournalRollCycle ROLL_CYCLE_DEFAULT = JournalRollCycle.DAILY;
    /** Default largest payload accepted by the appender: 1 MiB. */
    public static final int MAX_PAYLOAD_LENGTH_DEFAULT = 1024 * 1024;
    /**
     * Largest payload that can be configured: 16 MiB. The record must also fit the window Chronicle maps contiguously
     * for an excerpt (a quarter of the block size), which {@link Journal#open(JournalContext)} checks: payloads above
     * about 16 MiB - 44 bytes need a block size above Chronicle's default 64 MiB.
     */
    public static final int MAX_PAYLOAD_LENGTH_LIMIT = 16 * 1024 * 1024;
    /** Default number of problems a verify lists before only counting the rest. */
    public static final int MAX_REPORTED_PROBLEMS_DEFAULT = 100;

    private Path directory;
    private JournalRollCycle rollCycle = ROLL_CYCLE_DEFAULT;
    private boolean readOnly;
    private boolean readInPlace;
    private boolean follow;
    private boolean checksum = true;
    private int maxPayloadLength = MAX_PAYLOAD_LENGTH_DEFAULT;
    private int maxReportedProblems = MAX_REPORTED_PROBLEMS_DEFAULT;
    private long blockSize;
    private TimeProvider timeProvider;
    private boolean concluded;

    /**
     * Directory holding the queue files.
     *
     * @param directory of the journal.
     * @return this for a fluent API.
     */
    public JournalContext directory(final Path directory)
    {
        this.directory = directory;
        return this;
    }

    /**
     * Directory holding the queue files.
     *
     * @return the directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * Roll cycle used when creating files. An existing journal keeps the roll cycle it was created with.
     *
     * @param rollCycle roll cycle.
     * @return this for a fluent API.
     */
    public JournalContext rollCycle(final JournalRollCycle rollCycle)
    {
        this.rollCycle = rollCycle;
        return this;
    }

    /**
     * Roll cycle used when creating files.
     *
     * @return the roll cycle.
     */
    public JournalRollCycle rollCycle()
    {
        return rollCycle;
    }

    /**
     * Open read-only (tools: dump, verify, stats, replay). A read-only journal has no appender.
     *
     * @param readOnly true to open read-only.
     * @return this for a fluent API.
     */
    public JournalContext readOnly(final boolean readOnly)
    {
        this.readOnly = readOnly;
        return this;
    }

    /**
     * Is the journal opened read-only.
     *
     * @return true when read-only.
     */
    public boolean readOnly()
    {
        return readOnly;
    }

    /**
     * Read-only: read the journal directory in place, with its metadata file, without first checking the queue files
     * for a cut (see {@link Journal#damage()}), for a reader that tails a journal while its writer appends (the writer
     * keeps each file extended past its data, a file it is just creating could look cut for an instant, and the
     * cycle files it creates later must be seen). Default false.
     *
     * @param readInPlace true to read in place.
     * @return this for a fluent API.
     */
    public JournalContext readInPlace(final boolean readInPlace)
    {
        this.readInPlace = readInPlace;
        return this;
    }

    /**
     * Are the queue files read in place, unchecked.
     *
     * @return true when read in place.
     */
    public boolean readInPlace()
    {
        return readInPlace;
    }

    /**
     * Read-only: follow a journal that its writer may still be appending to, through a view of links to its queue
     * files that {@link Journal#refresh()} brings up to date with the cycle files created since (see
     * {@link #readInPlace(boolean)} for why the files are not checked for a cut). A queue file named after no cycle
     * (a copy such as {@code 20261207F copy.cq4}), which makes a reader of the directory itself fail when it looks for
     * the next cycle, is left out and reported ({@link Journal#damage()} at open, {@link Journal#refresh()} after).
     * Default false.
     *
     * @param follow true to follow.
     * @return this for a fluent API.
     */
    public JournalContext follow(final boolean follow)
    {
        this.follow = follow;
        return this;
    }

    /**
     * Is the journal followed through a view that {@link Journal#refresh()} keeps up to date.
     *
     * @return true when followed.
     */
    public boolean follow()
    {
        return follow;
    }

    /**
     * Write a CRC32C of each payload in the record header (verify then checks it).
     *
     * @param checksum true to write checksums.
     * @return this for a fluent API.
     */
    public JournalContext checksum(final boolean checksum)
    {
        this.checksum = checksum;
        return this;
    }

    /**
     * Are payload checksums written.
     *
     * @return true when checksums are written.
     */
    public boolean checksum()
    {
        return checksum;
    }

    /**
     * Largest payload the appender accepts. Its record (40-byte header plus payload) must fit the window Chronicle
     * maps contiguously for an excerpt, a quarter of {@link #blockSize(long)}; {@link Journal#open} checks it.
     *
     * @param maxPayloadLength in bytes.
     * @return this for a fluent API.
     */
    public JournalContext maxPayloadLength(final int maxPayloadLength)
    {
        this.maxPayloadLength = maxPayloadLength;
        return this;
    }

    /**
     * Largest payload the appender accepts.
     *
     * @return the limit in bytes.
     */
    public int maxPayloadLength()
    {
        return maxPayloadLength;
    }

    /**
     * Number of problems a verify lists before it only counts the rest.
     *
     * @param maxReportedProblems cap on listed problems.
     * @return this for a fluent API.
     */
    public JournalContext maxReportedProblems(final int maxReportedProblems)
    {
        this.maxReportedProblems = maxReportedProblems;
        return this;
    }

    /**
     * Number of problems a verify lists before it only counts the rest.
     *
     * @return the cap.
     */
    public int maxReportedProblems()
    {
        return maxReportedProblems;
    }

    /**
     * Chronicle block size (mapping chunk) in bytes; 0 keeps Chronicle's default.
     *
     * @param blockSize in bytes or 0.
     * @return this for a fluent API.
     */
    public JournalContext blockSize(final long blockSize)
    {
        this.blockSize = blockSize;
        return this;
    }

    /**
     * Chronicle block size in bytes, 0 for Chronicle's default.
     *
     * @return the block size.
     */
    public long blockSize()
    {
        return blockSize;
    }

    /**
     * Clock Chronicle uses to choose the file to roll to; null keeps Chronicle's system clock. Records never read
     * it: their times come from the caller. Tests and simulations set it to control rolling.
     *
     * @param timeProvider clock for rolling or null.
     * @return this for a fluent API.
     */
    public JournalContext timeProvider(final TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
        return this;
    }

    /**
     * Clock Chronicle uses to choose the file to roll to, or null.
     *
     * @return the clock or null.
     */
    public TimeProvider timeProvider()
    {
        return timeProvider;
    }

    /**
     * Validate the settings once.
     *
     * @return this for a fluent API.
     * @throws IllegalArgumentException naming the setting and what is allowed.
     */
    public JournalContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        if (null == directory)
        {
            throw new IllegalArgumentException("journal directory must be set");
        }
        if (readOnly && !Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("journal directory does not exist (read-only open): " + directory);
        }
        if (follow && (!readOnly || readInPlace))
        {
            throw new IllegalArgumentException("journal follow is for a read-only journal not read in place");
        }
        if (null == rollCycle)
        {
            throw new IllegalArgumentException(
                "journal rollCycle must be one of MINUTELY, FIVE_MINUTELY, HOURLY, DAILY");
        }
        if (maxPayloadLength < SbeHeader.LENGTH || maxPayloadLength > MAX_PAYLOAD_LENGTH_LIMIT)
        {
            throw new IllegalArgumentException("journal maxPayloadLength=" + maxPayloadLength +
                " must be in [" + SbeHeader.LENGTH + ", " + MAX_PAYLOAD_LENGTH_LIMIT + "]");
        }
        if (maxReportedProblems < 0)
        {
            throw new IllegalArgumentException("journal maxReportedProblems=" + maxReportedProblems + " must be >= 0");
        }
        if (blockSize < 0)
        {
            throw new IllegalArgumentException("journal blockSize=" + blockSize + " must be >= 0 (0 = default)");
        }
        concluded = true;
        return this;
    }
}
