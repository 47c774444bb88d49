package com.schwabot.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.schwabot.config.RollCycle;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;
import com.schwabot.journal.JournalDamagedException;
import com.schwabot.journal.JournalRollCycle;
import com.schwabot.journal.JournalStats;

/**
 * Opening a journal for the {@code journal} commands, with one-line errors for the usual mistakes (a missing
 * directory, a directory that is not a journal), and the time format they print.
 */
final class JournalFiles
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final DateTimeFormatter ISO_NANOS = new DateTimeFormatterBuilder()
        .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
        .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
        .appendLiteral('Z')
        .toFormatter()
        .withZone(ZoneOffset.UTC);

    private JournalFiles()
    {
    }

    /**
     * Open an existing journal read-only.
     *
     * @param dir the journal directory.
     * @return the open journal; close it.
     * @throws CliException with {@link ExitCodes#IO} when the directory is missing, holds no queue file or cannot
     *                      be opened.
     */
    static Journal openReadOnly(final Path dir)
    {
        return openReadOnly(dir, new JournalContext().directory(dir).readOnly(true));
    }

    /**
     * Open a journal that its writer may still be appending to, for following it (see
     * {@link JournalContext#follow(boolean)}): the cycle files the writer creates later are read once
     * {@link Journal#refresh()} has found them, and a queue file named after no cycle is left out, as the other
     * readers leave it out; saying on a stream which files were left out at open.
     *
     * @param dir      the journal directory.
     * @param warnings where to say it, one "warning:" line per file.
     * @return the open journal; close it.
     * @throws CliException with {@link ExitCodes#IO} as {@link #openReadOnly(Path)}.
     */
    static Journal openToFollow(final Path dir, final PrintWriter warnings)
    {
        return warnDamage(openReadOnly(dir, new JournalContext().directory(dir).readOnly(true).follow(true)),
            warnings);
    }

    private static Journal openReadOnly(final Path dir, final JournalContext context)
    {
        if (!Files.isDirectory(dir))
        {
            throw new CliException(ExitCodes.IO, Files.exists(dir) ?
                dir + " is not a journal: it is a file, and a journal is a directory" :
                "journal directory does not exist: " + dir);
        }
        if (!holdsQueueFiles(dir))
        {
            throw new CliException(ExitCodes.IO,
                dir + " is not a journal: it holds no Chronicle Queue file (*.cq4)");
        }
        try
        {
            return Journal.open(context);
        }
        catch (final RuntimeException ex)
        {
            throw new CliException(ExitCodes.IO, "cannot open journal " + dir + ": " + ex.getMessage());
        }
    }

    /**
     * Open an existing journal read-only, saying on a stream which of its files were cut short (those are read from
     * a padded copy up to the cut; see {@link Journal#damage()}).
     *
     * @param dir      the journal directory.
     * @param warnings where to say it, one "warning:" line per file.
     * @return the open journal; close it.
     */
    static Journal openReadOnly(final Path dir, final PrintWriter warnings)
    {
        return warnDamage(openReadOnly(dir), warnings);
    }

    /**
     * Say on a stream, one "warning:" line each, what a journal's reader found wrong with its files (see
     * {@link Journal#damage()} and {@link Journal#refresh()}).
     *
     * @param dir      the journal directory.
     * @param damage   one line per file.
     * @param warnings where to say it.
     */
    static void warnDamage(final Path dir, final List<String> damage, final PrintWriter warnings)
    {
        for (final String line : damage)
        {
            warnings.println("warning: journal " + dir + ": " + line);
        }
        warnings.flush();
    }

    private static Journal warnDamage(final Journal journal, final PrintWriter warnings)
    {
        warnDamage(journal.directory(), journal.damage(), warnings);
        return journal;
    }

    /**
     * Refuse a journal with a queue file cut short, one that is not a queue file, or an excerpt header damaged to read
     * "incomplete" before further excerpts ({@link Journal#requireWhole}), before it is written to or read in place.
     *
     * @param dir    the journal directory.
     * @param prefix put before the message, e.g. what could not start; empty for none.
     * @throws CliException with {@link ExitCodes#IO} naming each damaged file.
     */
    static void requireWhole(final Path dir, final String prefix)
    {
        try
        {
            Journal.requireWhole(dir);
        }
        catch (final JournalDamagedException | UncheckedIOException ex)
        {
            throw new CliException(ExitCodes.IO, prefix + ex.getMessage());
        }
    }

    /**
     * Say on a stream what a read of a journal left out: excerpts that are not valid records, records whose payload
     * fails its CRC32C, and the excerpts past a point no read gets beyond (nothing when there were none).
     *
     * @param dir      the journal directory.
     * @param stats    what a full read found.
     * @param warnings where to say it, one "warning:" line each.
     */
    static void warnLeftOut(final Path dir, final JournalStats stats, final PrintWriter warnings)
    {
        warnLeftOut(dir, stats.skippedRecords(), stats.checksumFailures(), warnings);
        warnUnread(dir, stats.unreadFromIndex(), warnings);
    }

    /**
     * Say on a stream that a read stopped before the journal's last excerpt (nothing when it did not).
     *
     * @param dir             the journal directory.
     * @param unreadFromIndex where the read stopped, -1 when it reached the last excerpt.
     * @param warnings        where to say it, one "warning:" line.
     */
    static void warnUnread(final Path dir, final long unreadFromIndex, final PrintWriter warnings)
    {
        if (unreadFromIndex >= 0)
        {
            warnings.println("warning: journal " + dir + ": the read stopped at index 0x" +
                Long.toHexString(unreadFromIndex) + ", before the journal's last excerpt: what follows is out of " +
                "reach (`schwabot journal verify` says why)");
            warnings.flush();
        }
    }

    /**
     * Say on a stream what a read of a journal left out: excerpts that are not valid records and records whose
     * payload fails its CRC32C (nothing when there were none).
     *
     * @param dir              the journal directory.
     * @param skippedExcerpts  excerpts that are not valid records.
     * @param checksumFailures records whose payload does not match its checksum.
     * @param warnings         where to say it, one "warning:" line.
     */
    static void warnLeftOut(
        final Path dir, final long skippedExcerpts, final long checksumFailures, final PrintWriter warnings)
    {
        if (skippedExcerpts > 0 || checksumFailures > 0)
        {
            warnings.println("warning: journal " + dir + ": left out " + skippedExcerpts +
                " excerpts that are not valid records and " + checksumFailures +
                " records whose payload fails its CRC32C (`schwabot journal verify` names them)");
            warnings.flush();
        }
    }

    /**
     * Say on a stream that an existing journal rolls by another cycle than the configuration's: it keeps the one its
     * files are named by ({@link Journal#rollCycleOf}), and {@code journal.roll_cycle} applies to a new journal only
     * (nothing when there is no journal yet, or they agree).
     *
     * @param dir        the journal directory.
     * @param configured {@code journal.roll_cycle}.
     * @param warnings   where to say it, one "warning:" line.
     */
    static void warnRollCycle(final Path dir, final RollCycle configured, final PrintWriter warnings)
    {
        final JournalRollCycle existing = Journal.rollCycleOf(dir);
        if (null != existing && !existing.name().equals(configured.name()))
        {
            warnings.println("warning: journal " + dir + " rolls " + existing.name().toLowerCase(Locale.ROOT) +
                ", as its files are named: config.yaml journal.roll_cycle = " + configured.label() +
                " applies to a new journal only");
            warnings.flush();
        }
    }

    /**
     * @param epochNanos epoch nanoseconds.
     * @return ISO-8601 UTC with all nine fraction digits, e.g. {@code 2023-11-14T22:13:20.123456789Z}.
     */
    static String isoTime(final long epochNanos)
    {
        return ISO_NANOS.format(Instant.ofEpochSecond(
            Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND)));
    }

    private static boolean holdsQueueFiles(final Path dir)
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.anyMatch((file) -> file.getFileName().toString().endsWith(".cq4"));
        }
        catch (final IOException ex)
        {
            throw new CliException(ExitCodes.IO, "cannot list " + dir + ": " + ex.getMessage());
        }
    }
}
