package com.schwabot.engine.persist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.ConnectionStateDecoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimerDecoder;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.journal.Journal;

/**
 * What a journal says, read on its own with the SBE decoders: the oracle the databases are compared with. Rows
 * are rendered as the same {@code |}-separated strings the tests select from SQLite.
 */
final class JournalFacts
{
    final List<String> executions = new ArrayList<>();
    final List<String> orders = new ArrayList<>();
    final List<String> cancels = new ArrayList<>();
    final Map<Integer, Long> positions = new TreeMap<>();
    final List<String> runs = new ArrayList<>();
    final Map<MonitoringWriter.Metric, Long> counts = new EnumMap<>(MonitoringWriter.Metric.class);
    long lastSequence;

    private final Map<Long, String> orderState = new TreeMap<>();
    private final Map<Long, Long> runRecords = new TreeMap<>();
    private final Map<Long, long[]> runLast = new TreeMap<>();

    static JournalFacts read(final Path dir)
    {
        final JournalFacts facts = new JournalFacts();
        final FrameChecker checker = new FrameChecker();
        final ExecutionReportDecoder report = new ExecutionReportDecoder();
        final NewOrderDecoder order = new NewOrderDecoder();
        final CancelOrderDecoder cancel = new CancelOrderDecoder();
        final AdminCommandDecoder admin = new AdminCommandDecoder();
        final long[] run = {0};
        final List<Object[]> runStarts = new ArrayList<>();
        try (Journal journal = Journal.openReadOnly(dir))
        {
            journal.replay(0, (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
            {
                facts.lastSequence = sequence;
                facts.add(MonitoringWriter.Metric.RECORDS);
                final FrameStatus status = checker.check(buffer, offset, length);
                final int body = offset + FrameChecker.HEADER_LENGTH;
                final boolean outbound = (flags & JournalFlags.OUTBOUND) != 0;
                if (status != FrameStatus.OK)
                {
                    facts.add(MonitoringWriter.Metric.BAD_FRAMES);
                }
                else if (checker.isBinance())
                {
                    facts.add(checker.templateId() == BestBidAskStreamEventDecoder.TEMPLATE_ID ?
                        MonitoringWriter.Metric.BOOK_TOP_FRAMES : MonitoringWriter.Metric.OTHER_FRAMES);
                }
                else if (checker.templateId() == AdminCommandDecoder.TEMPLATE_ID)
                {
                    facts.add(MonitoringWriter.Metric.ADMIN_COMMANDS);
                    admin.wrap(buffer, body, checker.blockLength(), checker.version());
                    if (admin.action() == AdminAction.SESSION_START)
                    {
                        run[0] = sequence;
                        runStarts.add(new Object[]{sequence, index, ingressNanos, admin.timeNs(), admin.note()});
                    }
                }
                else if (checker.templateId() == ExecutionReportDecoder.TEMPLATE_ID && !outbound)
                {
                    facts.onReport(report.wrap(buffer, body, checker.blockLength(), checker.version()), sequence,
                        ingressNanos, run[0]);
                }
                else if (checker.templateId() == NewOrderDecoder.TEMPLATE_ID && outbound)
                {
                    facts.add(MonitoringWriter.Metric.ORDERS);
                    order.wrap(buffer, body, checker.blockLength(), checker.version());
                    facts.orders.add(order.clOrdId() + "|" + sequence + "|" + run[0] + "|" + order.timeNs() + "|" +
                        order.instrumentId() + "|" + order.side() + "|" + order.orderType() + "|" +
                        order.timeInForce() + "|" + order.price() + "|" + order.priceExponent() + "|" + order.qty() +
                        "|" + order.qtyExponent());
                    facts.orderState.put(order.clOrdId(), "SENT|0|" + sequence);
                }
                else if (checker.templateId() == CancelOrderDecoder.TEMPLATE_ID && outbound)
                {
                    facts.add(MonitoringWriter.Metric.CANCELS);
                    cancel.wrap(buffer, body, checker.blockLength(), checker.version());
                    facts.cancels.add(cancel.clOrdId() + "|" + sequence + "|" + cancel.origClOrdId());
                }
                else
                {
                    facts.add(kind(checker.templateId()));
                }
                if (0 != run[0])
                {
                    facts.runRecords.merge(run[0], 1L, Long::sum);
                    facts.runLast.put(run[0], new long[]{sequence, ingressNanos});
                }
            });
        }
        for (final Object[] start : runStarts)
        {
            final long sequence = (Long)start[0];
            final long[] last = facts.runLast.get(sequence);
            facts.runs.add(sequence + "|" + start[1] + "|" + start[2] + "|" + start[3] + "|" + start[4] + "|" +
                last[0] + "|" + last[1] + "|" + facts.runRecords.get(sequence));
        }
        return facts;
    }

    private static MonitoringWriter.Metric kind(final int templateId)
    {
        return switch (templateId)
        {
            case TimerDecoder.TEMPLATE_ID -> MonitoringWriter.Metric.TIMERS;
            case ConnectionStateDecoder.TEMPLATE_ID -> MonitoringWriter.Metric.CONNECTION_STATES;
            default -> MonitoringWriter.Metric.OTHER_FRAMES;
        };
    }

    private void add(final MonitoringWriter.Metric metric)
    {
        counts.merge(metric, 1L, Long::sum);
    }

    private void onReport(final ExecutionReportDecoder d, final long sequence, final long ingress, final long run)
    {
        add(MonitoringWriter.Metric.EXECUTION_REPORTS);
        executions.add(sequence + "|" + run + "|" + ingress + "|" + d.transactTimeNs() + "|" + d.clOrdId() + "|" +
            optional(d.exchangeOrderId()) + "|" + optional(d.execId()) + "|" + d.instrumentId() + "|" + d.side() +
            "|" + d.execType() + "|" + d.orderPrice() + "|" + d.lastPrice() + "|" + d.lastQty() + "|" + d.cumQty() +
            "|" + d.leavesQty() + "|" + d.priceExponent() + "|" + d.qtyExponent() + "|" + d.fee() + "|" +
            d.feeExponent() + "|" + d.rejectReason() + "|" + d.liquidity());
        if (orderState.containsKey(d.clOrdId()))
        {
            orderState.put(d.clOrdId(), d.execType() + "|" + d.cumQty() + "|" + sequence);
        }
        if (d.lastQty() > 0)
        {
            add(MonitoringWriter.Metric.FILLS);
            positions.merge(d.instrumentId(), d.side() == Side.BUY ? d.lastQty() : -d.lastQty(), Long::sum);
        }
        if (d.execType() == ExecType.REJECTED)
        {
            add(MonitoringWriter.Metric.VENUE_REJECTS);
        }
    }

    /**
     * The orders with the status and cumulative quantity of their last report: {@code clOrdId|status|cumQty|seq}.
     *
     * @return one line per order.
     */
    List<String> orderStates()
    {
        final List<String> lines = new ArrayList<>();
        orderState.forEach((id, state) -> lines.add(id + "|" + state));
        return lines;
    }

    private static String optional(final long value)
    {
        return value == Long.MIN_VALUE ? "null" : Long.toString(value);
    }
}
