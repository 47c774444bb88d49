package com.schwabot.engine.persist;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandEncoder;
import com.schwabot.codecs.sbe.CancelOrderEncoder;
import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ConnectionStateEncoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.LinkState;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderEncoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.codecs.sbe.TimerEncoder;
import com.schwabot.engine.BinanceFrames;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.venue.Sources;
import com.schwabot.journal.JournalAppender;

/**
 * Appends a seeded, engine-like journal for the persistence tests: runs that each start with an AdminCommand
 * SESSION_START and connection states, then best bid/ask frames every 10 ms, timer ticks every 100 ms, orders sent
 * (OUTBOUND) answered by execution reports (new, then filled, partly filled and canceled, or rejected), cancel
 * requests answered by rejects, and now and then a frame that is not valid SBE. The tests read the journal back on
 * their own to know what the databases must hold.
 */
final class TradingJournal
{
    /** Time of the first record: 2023-11-14T22:13:20Z. */
    static final long T0 = 1_700_000_000_000_000_000L;

    private static final long ENGINE = Sources.source(Sources.VENUE_ENGINE, 0);
    private static final long VENUE = Sources.source(Sources.VENUE_SIMULATOR, 2);
    private static final long MARKET = Sources.source(Sources.VENUE_SIMULATOR, 1);
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT"};
    private static final int[] IDS = {1, 2};
    private static final int[] QTY_EXPONENTS = {-5, -4};

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final BinanceFrames frames = new BinanceFrames();
    private final SplittableRandom random;
    private final JournalAppender appender;
    private long time = T0;
    private long execId = 1;

    TradingJournal(final JournalAppender appender, final long seed)
    {
        this.appender = appender;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Append one run.
     *
     * @param steps steps of 10 ms.
     * @return this.
     */
    TradingJournal run(final int steps)
    {
        time += 1_000_000_000L;
        final AdminCommandEncoder admin = new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, header)
            .commandId(0).timeNs(time).value(0).instrumentId(0).valueExponent((byte)0)
            .action(AdminAction.SESSION_START).riskLimit(RiskReason.HALTED);
        admin.putNote("schwabot engine start".getBytes(StandardCharsets.UTF_8), 0, 21);
        append(MessageHeaderEncoder.ENCODED_LENGTH + admin.encodedLength(), ENGINE, JournalFlags.END_OF_BATCH);
        connection(Channel.MARKET_DATA);
        connection(Channel.ORDER_ENTRY);
        for (int s = 0; s < steps; s++)
        {
            step(s);
        }
        return this;
    }

    private void step(final int s)
    {
        time += 10_000_000L;
        final int i = random.nextInt(2);
        final long mid = 1_000_000 * (i + 1) + random.nextInt(100);
        frames.exponents(-2, QTY_EXPONENTS[i]).bestBidAsk(SYMBOLS[i], time / 1000, s + 1L, mid - 1,
            1 + random.nextInt(1000), mid + 1, 1 + random.nextInt(1000));
        appender.append(frames.buffer(), 0, frames.length(), time, MARKET, JournalFlags.END_OF_BATCH);
        if (s % 10 == 9)
        {
            final TimerEncoder timer = new TimerEncoder().wrapAndApplyHeader(buffer, 0, header)
                .timerId(1).deadlineNs(time).timeNs(time);
            append(MessageHeaderEncoder.ENCODED_LENGTH + timer.encodedLength(), ENGINE, JournalFlags.END_OF_BATCH);
        }
        if (random.nextInt(7) == 0)
        {
            order(i, mid);
        }
        if (random.nextInt(50) == 0)
        {
            cancel(i);
        }
        if (random.nextInt(200) == 0)
        {
            buffer.putLong(0, random.nextLong());
            append(5, MARKET, JournalFlags.END_OF_BATCH);
        }
    }

    private void order(final int i, final long mid)
    {
        final long clOrdId = (appender.lastSequence() + 1) << 8;
        final boolean buy = random.nextBoolean();
        final long price = buy ? mid + 1 : mid - 1;
        final long qty = 1 + random.nextInt(5000);
        final NewOrderEncoder order = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
            .clOrdId(clOrdId).price(price).qty(qty).timeNs(time).instrumentId(IDS[i]).strategyId(0).venueId(1)
            .priceExponent((byte)-2).qtyExponent((byte)QTY_EXPONENTS[i]).side(buy ? Side.BUY : Side.SELL)
            .orderType(OrderType.LIMIT).timeInForce(TimeInForce.IOC);
        append(MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength(), VENUE, JournalFlags.OUTBOUND);
        final int outcome = random.nextInt(4);
        if (outcome == 3)
        {
            report(clOrdId, i, buy, price, qty, ExecType.REJECTED, 0, 0, RejectReason.INSUFFICIENT_BALANCE);
            return;
        }
        report(clOrdId, i, buy, price, qty, ExecType.NEW, 0, 0, RejectReason.NONE);
        if (outcome == 0)
        {
            report(clOrdId, i, buy, price, qty, ExecType.FILL, qty, qty, RejectReason.NONE);
        }
        else
        {
            final long part = 1 + random.nextLong(qty);
            final boolean all = part == qty;
            report(clOrdId, i, buy, price, qty, all ? ExecType.FILL : ExecType.PARTIAL_FILL, part, part,
                RejectReason.NONE);
            if (!all)
            {
                report(clOrdId, i, buy, price, qty, ExecType.CANCELED, 0, part, RejectReason.NONE);
            }
        }
    }

    private void cancel(final int i)
    {
        final long clOrdId = (appender.lastSequence() + 1) << 8;
        final CancelOrderEncoder cancel = new CancelOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
            .clOrdId(clOrdId).origClOrdId(clOrdId - 256).exchangeOrderId(CancelOrderEncoder.exchangeOrderIdNullValue())
            .timeNs(time).instrumentId(IDS[i]).venueId(1);
        append(MessageHeaderEncoder.ENCODED_LENGTH + cancel.encodedLength(), VENUE, JournalFlags.OUTBOUND);
        report(clOrdId, i, true, 0, 0, ExecType.REJECTED, 0, 0, RejectReason.TOO_LATE_TO_CANCEL);
    }

    private void report(
        final long clOrdId,
        final int i,
        final boolean buy,
        final long price,
        final long qty,
        final ExecType type,
        final long lastQty,
        final long cumQty,
        final RejectReason reason)
    {
        final boolean fill = lastQty > 0;
        final ExecutionReportEncoder report = new ExecutionReportEncoder().wrapAndApplyHeader(buffer, 0, header)
            .clOrdId(clOrdId)
            .exchangeOrderId(type == ExecType.REJECTED ? ExecutionReportEncoder.exchangeOrderIdNullValue() : clOrdId)
            .execId(fill ? execId++ : ExecutionReportEncoder.execIdNullValue())
            .transactTimeNs(time).orderPrice(price).lastPrice(fill ? price : 0).lastQty(lastQty).cumQty(cumQty)
            .leavesQty(type == ExecType.NEW ? qty : 0).fee(fill ? price * lastQty : 0).instrumentId(IDS[i])
            .venueId(1).priceExponent((byte)-2).qtyExponent((byte)QTY_EXPONENTS[i])
            .feeExponent((byte)(-2 + QTY_EXPONENTS[i] - 3)).side(buy ? Side.BUY : Side.SELL).execType(type)
            .rejectReason(reason).liquidity(fill ? Liquidity.TAKER : Liquidity.NONE);
        append(MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength(), VENUE, JournalFlags.END_OF_BATCH);
    }

    private void connection(final Channel channel)
    {
        final ConnectionStateEncoder e = new ConnectionStateEncoder().wrapAndApplyHeader(buffer, 0, header)
            .timeNs(time).sourceId(VENUE).channel(channel).state(LinkState.UP);
        append(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength(), VENUE, JournalFlags.END_OF_BATCH);
    }

    private void append(final int length, final long source, final int flags)
    {
        appender.append(buffer, 0, length, time, source, flags);
    }
}
