package com.schwabot.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.report.BacktestRecorder;
import com.schwabot.engine.report.BacktestReport;
import com.schwabot.engine.report.ReportFiles;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalStats;
import com.schwabot.tensor.TensorBackend;

/**
 * The replay that {@code replay} and {@code report} share: the journal through a {@link Replayer} with a
 * {@link BacktestRecorder} watching (unless no report is wanted) and a {@link ProgressBar} on a terminal, then the
 * report written as JSON and HTML.
 */
final class BacktestReports
{
    private BacktestReports()
    {
    }

    /**
     * A replay and its recorder.
     *
     * @param result   what the replay did.
     * @param recorder what it recorded for the report, or null when none was wanted.
     * @param fills    how the simulated venue filled.
     */
    record Run(ReplayResult result, BacktestRecorder recorder, FillSettings fills)
    {
    }

    /**
     * Replay a journal.
     *
     * @param config    the configuration.
     * @param backend   the tensor backend.
     * @param counters  the counters the replay counts into (the progress bar reads them).
     * @param journal   the open journal.
     * @param stats     its statistics.
     * @param simulated true for fills from the simulated venue.
     * @param fillSettings how the simulated venue fills.
     * @param record    true to record for a report.
     * @param progress  where to draw a progress bar, or null for none.
     * @return the replay.
     */
    static Run replay(
        final SchwabotConfig config,
        final TensorBackend backend,
        final EngineCounters counters,
        final Journal journal,
        final JournalStats stats,
        final boolean simulated,
        final FillSettings fillSettings,
        final boolean record,
        final PrintWriter progress)
    {
        final BacktestRecorder recorder = record ? BacktestRecorder.forJournal(config, stats) : null;
        final ReplayResult result;
        final ProgressBar bar = ProgressBar.start(null != progress, progress,
            () -> counters.value(EngineCounter.INBOUND_FRAMES), inboundRecords(stats));
        try
        {
            result = new Replayer(config, backend, counters).fillSettings(fillSettings).observer(recorder)
                .replay(journal, simulated);
        }
        finally
        {
            bar.close();
        }
        return new Run(result, recorder, fillSettings);
    }

    /**
     * The report of a replay.
     *
     * @param run   the replay, with its recorder.
     * @param stats the journal's statistics.
     * @return the report.
     */
    static BacktestReport report(final Run run, final JournalStats stats)
    {
        return run.recorder().report(run.result(), stats, run.fills());
    }

    /**
     * Write a report.
     *
     * @param report the report.
     * @param dir    the directory.
     * @return the files written.
     * @throws CliException with {@link ExitCodes#IO} when they cannot be written.
     */
    static ReportFiles write(final BacktestReport report, final Path dir)
    {
        try
        {
            return ReportFiles.write(report, dir);
        }
        catch (final IOException ex)
        {
            throw new CliException(ExitCodes.IO, "cannot write the report to " + dir + ": " + reason(ex));
        }
    }

    /**
     * Refuse, before a replay, a reports directory the report cannot be written into: a path that is a file, or under
     * a file, or in a directory that is not writable (what can be told without writing; {@link #write} says why if
     * writing fails all the same). Nothing is created.
     *
     * @param dir the reports directory, as given.
     * @throws CliException with {@link ExitCodes#IO} naming the path and why.
     */
    static void requireWritable(final Path dir)
    {
        final String why = Directories.whyNotWritable(dir, "the directory",
            " (--reports names the directory the report's two files go into)");
        if (null != why)
        {
            throw new CliException(ExitCodes.IO, "cannot write the report to " + dir + ": " + why);
        }
    }

    /**
     * What went wrong writing a file, naming the path: the message of a {@link FileSystemException} is only its path.
     */
    static String reason(final IOException ex)
    {
        if (ex instanceof FileAlreadyExistsException io)
        {
            return io.getFile() + " exists and is not a directory";
        }
        if (ex instanceof AccessDeniedException io)
        {
            return io.getFile() + ": permission denied";
        }
        if (ex instanceof NoSuchFileException io)
        {
            return io.getFile() + ": no such file or directory";
        }
        if (ex instanceof FileSystemException io)
        {
            return io.getFile() + ": " + (null == io.getReason() ? io.getClass().getSimpleName() : io.getReason());
        }
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

    /**
     * Print where the report went.
     *
     * @param out   standard output.
     * @param files the files.
     */
    static void print(final PrintWriter out, final ReportFiles files)
    {
        out.println("report " + files.json());
        out.println("report " + files.html());
    }

    /**
     * Records a replay feeds through the pipeline: all but the orders and cancels a live run sent.
     *
     * @param stats the journal's statistics.
     * @return the count.
     */
    static long inboundRecords(final JournalStats stats)
    {
        return stats.recordCount() - stats.count(MessageHeaderDecoder.SCHEMA_ID, NewOrderDecoder.TEMPLATE_ID) -
            stats.count(MessageHeaderDecoder.SCHEMA_ID, CancelOrderDecoder.TEMPLATE_ID);
    }
}
