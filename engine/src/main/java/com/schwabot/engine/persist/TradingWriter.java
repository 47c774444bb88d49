package com.schwabot.engine.persist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

import com.schwabot.codecs.Decimals;
import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.engine.ring.JournalFlags;

/**
 * schwabot_trading.db: the orders the engine sent (OUTBOUND NewOrder records), its cancel requests (OUTBOUND
 * CancelOrder), every execution report it received (one row per ExecutionReport record; {@code fills} is the view
 * of those with a quantity), and the position per instrument recomputed from the fills. Each order row carries its
 * latest status and cumulative quantity from the reports. Prices and quantities are integer mantissas with their
 * exponents (value = mantissa x 10^exponent) plus the exact decimal as text; times are epoch nanoseconds.
 */
final class TradingWriter extends DatabaseWriter
{
    /** The database's file name. */
    static final String DATABASE = "schwabot_trading.db";

    static final Schema SCHEMA = new Schema(DATABASE, List.of(List.of(
        SqliteDatabase.POSITION_TABLE,
        "CREATE TABLE orders (cl_ord_id INTEGER PRIMARY KEY, sequence INTEGER NOT NULL, " +
            "run_sequence INTEGER NOT NULL, time_ns INTEGER NOT NULL, instrument_id INTEGER NOT NULL, " +
            "venue_id INTEGER NOT NULL, strategy_id INTEGER NOT NULL, side TEXT NOT NULL, order_type TEXT NOT NULL, " +
            "time_in_force TEXT NOT NULL, price INTEGER NOT NULL, price_exponent INTEGER NOT NULL, " +
            "price_text TEXT NOT NULL, qty INTEGER NOT NULL, qty_exponent INTEGER NOT NULL, qty_text TEXT NOT NULL, " +
            "status TEXT NOT NULL, cum_qty INTEGER NOT NULL, updated_sequence INTEGER NOT NULL)",
        "CREATE TABLE cancels (cl_ord_id INTEGER PRIMARY KEY, sequence INTEGER NOT NULL, " +
            "run_sequence INTEGER NOT NULL, time_ns INTEGER NOT NULL, orig_cl_ord_id INTEGER NOT NULL, " +
            "exchange_order_id INTEGER, instrument_id INTEGER NOT NULL, venue_id INTEGER NOT NULL)",
        "CREATE TABLE executions (sequence INTEGER PRIMARY KEY, run_sequence INTEGER NOT NULL, " +
            "ingress_ns INTEGER NOT NULL, transact_time_ns INTEGER NOT NULL, cl_ord_id INTEGER NOT NULL, " +
            "exchange_order_id INTEGER, exec_id INTEGER, instrument_id INTEGER NOT NULL, venue_id INTEGER NOT NULL, " +
            "side TEXT NOT NULL, exec_type TEXT NOT NULL, order_price INTEGER NOT NULL, last_price INTEGER NOT NULL, " +
            "last_qty INTEGER NOT NULL, cum_qty INTEGER NOT NULL, leaves_qty INTEGER NOT NULL, " +
            "price_exponent INTEGER NOT NULL, qty_exponent INTEGER NOT NULL, fee INTEGER NOT NULL, " +
            "fee_exponent INTEGER NOT NULL, reject_reason TEXT NOT NULL, liquidity TEXT NOT NULL, " +
            "last_price_text TEXT NOT NULL, last_qty_text TEXT NOT NULL, fee_text TEXT NOT NULL)",
        "CREATE INDEX executions_by_order ON executions (cl_ord_id)",
        "CREATE VIEW fills AS SELECT sequence, run_sequence, transact_time_ns, cl_ord_id, exec_id, instrument_id, " +
            "side, last_price, last_qty, price_exponent, qty_exponent, fee, fee_exponent, liquidity, " +
            "last_price_text, last_qty_text, fee_text FROM executions WHERE last_qty > 0",
        "CREATE TABLE positions (instrument_id INTEGER PRIMARY KEY, qty INTEGER NOT NULL, " +
            "qty_exponent INTEGER NOT NULL, qty_text TEXT NOT NULL, bought INTEGER NOT NULL, " +
            "sold INTEGER NOT NULL, buy_fills INTEGER NOT NULL, sell_fills INTEGER NOT NULL, " +
            "last_sequence INTEGER NOT NULL, last_time_ns INTEGER NOT NULL)")));

    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancel = new CancelOrderDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final Int2ObjectHashMap<Position> positions = new Int2ObjectHashMap<>();
    private final StringBuilder text = new StringBuilder(32);
    private PreparedStatement insertOrder;
    private PreparedStatement insertCancel;
    private PreparedStatement insertExecution;
    private PreparedStatement updateOrder;
    private PreparedStatement savePosition;

    TradingWriter(final PersistenceContext context)
    {
        super(SCHEMA, context);
    }

    void prepare(final Connection connection) throws SQLException
    {
        insertOrder = connection.prepareStatement("INSERT INTO orders (cl_ord_id, sequence, run_sequence, time_ns, " +
            "instrument_id, venue_id, strategy_id, side, order_type, time_in_force, price, price_exponent, " +
            "price_text, qty, qty_exponent, qty_text, status, cum_qty, updated_sequence) " +
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENT', 0, ?)");
        insertCancel = connection.prepareStatement("INSERT INTO cancels (cl_ord_id, sequence, run_sequence, " +
            "time_ns, orig_cl_ord_id, exchange_order_id, instrument_id, venue_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insertExecution = connection.prepareStatement("INSERT INTO executions (sequence, run_sequence, ingress_ns, " +
            "transact_time_ns, cl_ord_id, exchange_order_id, exec_id, instrument_id, venue_id, side, exec_type, " +
            "order_price, last_price, last_qty, cum_qty, leaves_qty, price_exponent, qty_exponent, fee, " +
            "fee_exponent, reject_reason, liquidity, last_price_text, last_qty_text, fee_text) " +
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        updateOrder = connection.prepareStatement(
            "UPDATE orders SET status = ?, cum_qty = ?, updated_sequence = ? WHERE cl_ord_id = ?");
        savePosition = connection.prepareStatement("INSERT OR REPLACE INTO positions (instrument_id, qty, " +
            "qty_exponent, qty_text, bought, sold, buy_fills, sell_fills, last_sequence, last_time_ns) " +
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    void reload(final Connection connection) throws SQLException
    {
        positions.clear();
        try (Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("SELECT instrument_id, qty, qty_exponent, bought, sold, " +
                "buy_fills, sell_fills, last_sequence, last_time_ns FROM positions"))
        {
            while (rs.next())
            {
                final Position p = new Position(rs.getInt(1), rs.getInt(3));
                p.qty = rs.getLong(2);
                p.bought = rs.getLong(4);
                p.sold = rs.getLong(5);
                p.buyFills = rs.getLong(6);
                p.sellFills = rs.getLong(7);
                p.lastSequence = rs.getLong(8);
                p.lastTimeNs = rs.getLong(9);
                positions.put(p.instrumentId, p);
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
        if (status != FrameStatus.OK || !checker.isCanonical())
        {
            return;
        }
        final int body = offset + FrameChecker.HEADER_LENGTH;
        final boolean outbound = (flags & JournalFlags.OUTBOUND) != 0;
        switch (checker.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID:
                if (outbound)
                {
                    onNewOrder(newOrder.wrap(buffer, body, checker.blockLength(), checker.version()), sequence,
                        runSequence);
                }
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                if (outbound)
                {
                    onCancel(cancel.wrap(buffer, body, checker.blockLength(), checker.version()), sequence,
                        runSequence);
                }
                break;
            case ExecutionReportDecoder.TEMPLATE_ID:
                if (!outbound)
                {
                    onReport(report.wrap(buffer, body, checker.blockLength(), checker.version()), sequence,
                        ingressNanos, runSequence);
                }
                break;
            default:
                break;
        }
    }

    private void onNewOrder(final NewOrderDecoder d, final long sequence, final long runSequence)
        throws SQLException
    {
        final PreparedStatement s = insertOrder;
        s.setLong(1, d.clOrdId());
        s.setLong(2, sequence);
        s.setLong(3, runSequence);
        s.setLong(4, d.timeNs());
        s.setInt(5, d.instrumentId());
        s.setInt(6, d.venueId());
        s.setInt(7, d.strategyId());
        s.setString(8, d.side().name());
        s.setString(9, d.orderType().name());
        s.setString(10, d.timeInForce().name());
        s.setLong(11, d.price());
        s.setInt(12, d.priceExponent());
        s.setString(13, decimal(d.price(), d.priceExponent()));
        s.setLong(14, d.qty());
        s.setInt(15, d.qtyExponent());
        s.setString(16, decimal(d.qty(), d.qtyExponent()));
        s.setLong(17, sequence);
        s.executeUpdate();
    }

    private void onCancel(final CancelOrderDecoder d, final long sequence, final long runSequence)
        throws SQLException
    {
        final PreparedStatement s = insertCancel;
        s.setLong(1, d.clOrdId());
        s.setLong(2, sequence);
        s.setLong(3, runSequence);
        s.setLong(4, d.timeNs());
        s.setLong(5, d.origClOrdId());
        optional(s, 6, d.exchangeOrderId());
        s.setInt(7, d.instrumentId());
        s.setInt(8, d.venueId());
        s.executeUpdate();
    }

    private void onReport(
        final ExecutionReportDecoder d, final long sequence, final long ingressNanos, final long runSequence)
        throws SQLException
    {
        final PreparedStatement s = insertExecution;
        s.setLong(1, sequence);
        s.setLong(2, runSequence);
        s.setLong(3, ingressNanos);
        s.setLong(4, d.transactTimeNs());
        s.setLong(5, d.clOrdId());
        optional(s, 6, d.exchangeOrderId());
        optional(s, 7, d.execId());
        s.setInt(8, d.instrumentId());
        s.setInt(9, d.venueId());
        s.setString(10, d.side().name());
        s.setString(11, d.execType().name());
        s.setLong(12, d.orderPrice());
        s.setLong(13, d.lastPrice());
        s.setLong(14, d.lastQty());
        s.setLong(15, d.cumQty());
        s.setLong(16, d.leavesQty());
        s.setInt(17, d.priceExponent());
        s.setInt(18, d.qtyExponent());
        s.setLong(19, d.fee());
        s.setInt(20, d.feeExponent());
        s.setString(21, d.rejectReason().name());
        s.setString(22, d.liquidity().name());
        s.setString(23, decimal(d.lastPrice(), d.priceExponent()));
        s.setString(24, decimal(d.lastQty(), d.qtyExponent()));
        s.setString(25, decimal(d.fee(), d.feeExponent()));
        s.executeUpdate();

        updateOrder.setString(1, d.execType().name());
        updateOrder.setLong(2, d.cumQty());
        updateOrder.setLong(3, sequence);
        updateOrder.setLong(4, d.clOrdId());
        updateOrder.executeUpdate();

        if (d.lastQty() > 0)
        {
            Position p = positions.get(d.instrumentId());
            if (null == p)
            {
                p = new Position(d.instrumentId(), d.qtyExponent());
                positions.put(d.instrumentId(), p);
            }
            p.fill(d.side() == Side.BUY, d.lastQty(), d.qtyExponent(), sequence, d.transactTimeNs());
        }
    }

    void beforeCommit(final long sequence) throws SQLException
    {
        for (final Position p : positions.values())
        {
            if (p.dirty)
            {
                savePosition.setInt(1, p.instrumentId);
                savePosition.setLong(2, p.qty);
                savePosition.setInt(3, p.exponent);
                savePosition.setString(4, decimal(p.qty, p.exponent));
                savePosition.setLong(5, p.bought);
                savePosition.setLong(6, p.sold);
                savePosition.setLong(7, p.buyFills);
                savePosition.setLong(8, p.sellFills);
                savePosition.setLong(9, p.lastSequence);
                savePosition.setLong(10, p.lastTimeNs);
                savePosition.executeUpdate();
                p.dirty = false;
            }
        }
    }

    List<String> tables()
    {
        return List.of("orders", "cancels", "executions", "fills", "positions");
    }

    private String decimal(final long mantissa, final int exponent)
    {
        text.setLength(0);
        return Decimals.appendDecimal(text, mantissa, exponent).toString();
    }

    private static void optional(final PreparedStatement s, final int index, final long value) throws SQLException
    {
        if (value == Long.MIN_VALUE)
        {
            s.setNull(index, Types.INTEGER);
        }
        else
        {
            s.setLong(index, value);
        }
    }

    /**
     * The position of one instrument: the sum of its fills, buys positive.
     */
    private static final class Position
    {
        private final int instrumentId;
        private int exponent;
        private long qty;
        private long bought;
        private long sold;
        private long buyFills;
        private long sellFills;
        private long lastSequence;
        private long lastTimeNs;
        private boolean dirty;

        Position(final int instrumentId, final int exponent)
        {
            this.instrumentId = instrumentId;
            this.exponent = exponent;
        }

        void fill(final boolean buy, final long lastQty, final int qtyExponent, final long sequence, final long timeNs)
        {
            if (qtyExponent < exponent)
            {
                qty = Decimals.rescale(qty, exponent, qtyExponent);
                bought = Decimals.rescale(bought, exponent, qtyExponent);
                sold = Decimals.rescale(sold, exponent, qtyExponent);
                exponent = qtyExponent;
            }
            final long q = Decimals.rescale(lastQty, qtyExponent, exponent);
            if (buy)
            {
                qty = Math.addExact(qty, q);
                bought = Math.addExact(bought, q);
                buyFills++;
            }
            else
            {
                qty = Math.subtractExact(qty, q);
                sold = Math.addExact(sold, q);
                sellFills++;
            }
            lastSequence = sequence;
            lastTimeNs = timeNs;
            dirty = true;
        }
    }
}
