package com.schwabot.engine.persist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.binance.DepthDiffStreamEventDecoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.ConnectionStateDecoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.TimerDecoder;
import com.schwabot.engine.ring.JournalFlags;

/**
 * schwabot_monitoring.db: metrics over time, computed from the journal alone (so the database can be rebuilt from
 * it): one {@code metrics} row per {@code metricsIntervalMs} of journal time, counting the records of each kind, the
 * orders and cancels sent, the execution reports, fills and venue rejects since the previous row. A row closes at
 * the first record whose ingress time is at least the interval past the row's first record (timer ticks, every
 * 100 ms in a live run, close them on time) and before each SESSION_START, so a row never spans two runs. The
 * counts of the row still open are kept in {@code metrics_pending}, committed with the journal position, so a
 * restart carries on counting where it stopped. Risk-gate rejects are not journaled and so not counted here.
 */
final class MonitoringWriter extends DatabaseWriter
{
    /** The database's file name. */
    static final String DATABASE = "schwabot_monitoring.db";

    /** What a row counts, in column order. */
    enum Metric
    {
        RECORDS, TRADE_FRAMES, BOOK_TOP_FRAMES, DEPTH_FRAMES, TIMERS, ADMIN_COMMANDS, CONNECTION_STATES,
        EXECUTION_REPORTS, ORDERS, CANCELS, FILLS, VENUE_REJECTS, OTHER_FRAMES, BAD_FRAMES;

        String column()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Metric[] METRICS = Metric.values();
    private static final String COLUMNS = columns("");
    private static final String COLUMN_TYPES = columns(" INTEGER NOT NULL");

    static final Schema SCHEMA = new Schema(DATABASE, List.of(List.of(
        SqliteDatabase.POSITION_TABLE,
        "CREATE TABLE metrics (sequence INTEGER PRIMARY KEY, run_sequence INTEGER NOT NULL, " +
            "start_ns INTEGER NOT NULL, end_ns INTEGER NOT NULL, " + COLUMN_TYPES + ")",
        "CREATE TABLE metrics_pending (id INTEGER PRIMARY KEY CHECK (id = 1), run_sequence INTEGER NOT NULL, " +
            "start_ns INTEGER NOT NULL, last_sequence INTEGER NOT NULL, last_ns INTEGER NOT NULL, " +
            COLUMN_TYPES + ")")));

    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final long intervalNanos;
    private final long[] counts = new long[METRICS.length];
    private long rowRun;
    private long rowStartNs;
    private long rowLastSequence;
    private long rowLastNs;
    private PreparedStatement insertRow;
    private PreparedStatement savePending;

    MonitoringWriter(final PersistenceContext context)
    {
        super(SCHEMA, context);
        this.intervalNanos = context.metricsIntervalMs() * 1_000_000L;
    }

    private static String columns(final String type)
    {
        final List<String> names = new ArrayList<>();
        for (final Metric metric : Metric.values())
        {
            names.add(metric.column() + type);
        }
        return String.join(", ", names);
    }

    private static String marks(final int count)
    {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    void prepare(final Connection connection) throws SQLException
    {
        insertRow = connection.prepareStatement("INSERT INTO metrics (sequence, run_sequence, start_ns, end_ns, " +
            COLUMNS + ") VALUES (?, ?, ?, ?, " + marks(METRICS.length) + ")");
        savePending = connection.prepareStatement("INSERT OR REPLACE INTO metrics_pending (id, run_sequence, " +
            "start_ns, last_sequence, last_ns, " + COLUMNS + ") VALUES (1, ?, ?, ?, ?, " + marks(METRICS.length) + ")");
    }

    void reload(final Connection connection) throws SQLException
    {
        Arrays.fill(counts, 0);
        rowRun = 0;
        rowStartNs = 0;
        rowLastSequence = 0;
        rowLastNs = 0;
        try (Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("SELECT run_sequence, start_ns, last_sequence, last_ns, " + COLUMNS +
                " FROM metrics_pending WHERE id = 1"))
        {
            if (rs.next())
            {
                rowRun = rs.getLong(1);
                rowStartNs = rs.getLong(2);
                rowLastSequence = rs.getLong(3);
                rowLastNs = rs.getLong(4);
                for (int m = 0; m < METRICS.length; m++)
                {
                    counts[m] = rs.getLong(5 + m);
                }
            }
        }
    }

    void onFrame(
        final long sequence,
        final long ingressNanos,
        final int flags,
        final DirectBuffer buffer,
        final int offset,
        final FrameStatus status,
        final long runSequence,
        final boolean sessionStart) throws SQLException
    {
        if (sessionStart && counts[Metric.RECORDS.ordinal()] > 0)
        {
            closeRow(rowLastSequence, rowLastNs);
        }
        if (0 == counts[Metric.RECORDS.ordinal()])
        {
            rowRun = runSequence;
            rowStartNs = ingressNanos;
        }
        count(flags, buffer, offset, status);
        rowLastSequence = sequence;
        rowLastNs = Math.max(rowLastNs, ingressNanos);
        if (ingressNanos - rowStartNs >= intervalNanos)
        {
            closeRow(sequence, ingressNanos);
        }
    }

    private void count(final int flags, final DirectBuffer buffer, final int offset, final FrameStatus status)
    {
        counts[Metric.RECORDS.ordinal()]++;
        if (status != FrameStatus.OK)
        {
            counts[Metric.BAD_FRAMES.ordinal()]++;
            return;
        }
        final Metric metric = checker.isBinance() ? binance(checker.templateId()) : canonical(checker.templateId(),
            (flags & JournalFlags.OUTBOUND) != 0);
        counts[metric.ordinal()]++;
        if (metric == Metric.EXECUTION_REPORTS)
        {
            report.wrap(buffer, offset + FrameChecker.HEADER_LENGTH, checker.blockLength(), checker.version());
            if (report.lastQty() > 0)
            {
                counts[Metric.FILLS.ordinal()]++;
            }
            if (report.execType() == ExecType.REJECTED)
            {
                counts[Metric.VENUE_REJECTS.ordinal()]++;
            }
        }
    }

    private static Metric binance(final int templateId)
    {
        return switch (templateId)
        {
            case TradesStreamEventDecoder.TEMPLATE_ID -> Metric.TRADE_FRAMES;
            case BestBidAskStreamEventDecoder.TEMPLATE_ID -> Metric.BOOK_TOP_FRAMES;
            case DepthSnapshotStreamEventDecoder.TEMPLATE_ID, DepthDiffStreamEventDecoder.TEMPLATE_ID ->
                Metric.DEPTH_FRAMES;
            default -> Metric.OTHER_FRAMES;
        };
    }

    private static Metric canonical(final int templateId, final boolean outbound)
    {
        return switch (templateId)
        {
            case TimerDecoder.TEMPLATE_ID -> Metric.TIMERS;
            case AdminCommandDecoder.TEMPLATE_ID -> Metric.ADMIN_COMMANDS;
            case ConnectionStateDecoder.TEMPLATE_ID -> Metric.CONNECTION_STATES;
            case ExecutionReportDecoder.TEMPLATE_ID -> outbound ? Metric.OTHER_FRAMES : Metric.EXECUTION_REPORTS;
            case NewOrderDecoder.TEMPLATE_ID -> outbound ? Metric.ORDERS : Metric.OTHER_FRAMES;
            case CancelOrderDecoder.TEMPLATE_ID -> outbound ? Metric.CANCELS : Metric.OTHER_FRAMES;
            default -> Metric.OTHER_FRAMES;
        };
    }

    private void closeRow(final long sequence, final long endNs) throws SQLException
    {
        insertRow.setLong(1, sequence);
        insertRow.setLong(2, rowRun);
        insertRow.setLong(3, rowStartNs);
        insertRow.setLong(4, endNs);
        for (int m = 0; m < METRICS.length; m++)
        {
            insertRow.setLong(5 + m, counts[m]);
        }
        insertRow.executeUpdate();
        Arrays.fill(counts, 0);
        rowLastNs = 0;
    }

    void beforeCommit(final long sequence) throws SQLException
    {
        savePending.setLong(1, rowRun);
        savePending.setLong(2, rowStartNs);
        savePending.setLong(3, rowLastSequence);
        savePending.setLong(4, rowLastNs);
        for (int m = 0; m < METRICS.length; m++)
        {
            savePending.setLong(5 + m, counts[m]);
        }
        savePending.executeUpdate();
    }

    List<String> tables()
    {
        return List.of("metrics");
    }
}
