package com.schwabot.engine.venue.sim;

import static com.schwabot.engine.venue.sim.SimFixtures.BTC;
import static com.schwabot.engine.venue.sim.SimFixtures.BTC_ID;
import static com.schwabot.engine.venue.sim.SimFixtures.ETH_ID;
import static com.schwabot.engine.venue.sim.SimFixtures.logon;
import static com.schwabot.engine.venue.sim.SimFixtures.newOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;

/**
 * The order-entry session resume, stepped by hand: logons, the reports an account keeps (cancel on disconnect
 * included), what a logon resends, one connection per account, and the account's fills and positions.
 */
class OrderEntryResumeTest
{
    private static final long TICK = 10;
    private static final long LOT = 10;
    private static final long ACCOUNT = 7;
    private static final long OTHER_ACCOUNT = 8;
    private static final long NONE = LogonDecoder.lastExecIdNullValue();

    private final SimHarness sim = new SimHarness(SimFixtures.context(7));
    private final long restingBuy = (sim.market(BTC).bids().price(0) - 50) * TICK;

    @Test
    void shouldAnswerAFirstLogonWithTheVenuesLastExecIdAndResendNothing()
    {
        sim.send(1, market(1, Side.BUY, LOT));
        final long last = sim.lastReport().execId();

        sim.send(2, logon(ACCOUNT, NONE));

        assertThat(sim.logons).containsExactly(new SimHarness.Logon(2, ACCOUNT, last, true));
        assertThat(sim.sent.get(sim.sent.size() - 1).templateId()).isEqualTo(LogonDecoder.TEMPLATE_ID);
        assertThat(sim.counters.get(SimCounter.OE_LOGONS)).isEqualTo(1);
        assertThat(sim.counters.get(SimCounter.OE_REPORTS_RESENT)).isZero();
    }

    @Test
    void shouldResendEveryReportAfterTheLastExecIdKeptIncludingTheCancelsOfTheDisconnect()
    {
        sim.send(1, logon(ACCOUNT, NONE));
        sim.send(1, newOrder(11, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, restingBuy, LOT));
        sim.send(1, market(12, Side.BUY, LOT));
        final long kept = sim.reportsFor(11).get(0).execId();
        final List<byte[]> missed = sim.reportBytes.subList(1, sim.reportBytes.size());
        final List<byte[]> missedCopy = List.copyOf(missed);
        final int reportsBefore = sim.reports.size();

        assertThat(sim.core.onSessionClosed(1, sim.clock.nanoTime())).isEqualTo(1);
        assertThat(sim.reports).as("nothing goes to the closed connection").hasSize(reportsBefore);
        sim.send(2, logon(ACCOUNT, kept));

        assertThat(sim.logons).containsExactly(
            new SimHarness.Logon(1, ACCOUNT, 0, true), new SimHarness.Logon(2, ACCOUNT, kept, false));
        final List<Report> resent = sim.reports.subList(reportsBefore, sim.reports.size());
        assertThat(resent).extracting(Report::sessionId).containsOnly(2);
        assertThat(resent).extracting(Report::clOrdId).containsExactly(12L, 12L, 11L);
        assertThat(resent).extracting(Report::execType)
            .containsExactly(ExecType.NEW, ExecType.FILL, ExecType.CANCELED);
        assertThat(resent).extracting(Report::execId).isSorted().allMatch((id) -> id > kept);
        assertThat(sim.reportBytes.subList(reportsBefore, reportsBefore + 2))
            .as("resent byte for byte").containsExactlyElementsOf(missedCopy);
        assertThat(resent.get(2).leavesQty()).isZero();
        assertThat(sim.counters.get(SimCounter.OE_REPORTS_RESENT)).isEqualTo(3);
        assertThat(sim.counters.get(SimCounter.ORDERS_CANCELED_ON_DISCONNECT)).isEqualTo(1);
        assertThat(sim.core.openOrderCount()).isZero();
    }

    @Test
    void shouldEndTheSessionHoldingTheAccountWhenAnotherConnectionLogsOnToIt()
    {
        sim.send(1, logon(ACCOUNT, NONE));
        sim.send(1, newOrder(21, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, restingBuy, LOT));
        final long last = sim.lastReport().execId();

        sim.send(2, logon(ACCOUNT, last));

        assertThat(sim.endedSessions).containsExactly(1);
        assertThat(sim.counters.get(SimCounter.OE_SESSIONS_ENDED)).isEqualTo(1);
        assertThat(sim.reportsFor(21)).extracting(Report::execType)
            .containsExactly(ExecType.NEW, ExecType.CANCELED, ExecType.CANCELED);
        assertThat(sim.reportsFor(21)).extracting(Report::sessionId).containsExactly(1, 1, 2);
        assertThat(sim.core.openOrderCount()).isZero();
        assertThat(sim.core.onSessionClosed(1, sim.clock.nanoTime())).isZero();
        sim.send(2, market(22, Side.BUY, LOT));
        assertThat(sim.core.accountReports(ACCOUNT)).as("the old connection is no longer the account's")
            .isEqualTo(2 + sim.reportsFor(22).size());
    }

    @Test
    void shouldStartANewSessionWhenTheVenueDoesNotKnowTheAccountOrTheExecId()
    {
        sim.send(1, market(31, Side.BUY, LOT));
        final long last = sim.lastReport().execId();

        sim.send(1, logon(ACCOUNT, 1));
        sim.send(2, logon(ACCOUNT, last + 1_000));
        sim.send(3, logon(OTHER_ACCOUNT, NONE));

        assertThat(sim.logons).containsExactly(new SimHarness.Logon(1, ACCOUNT, last, true),
            new SimHarness.Logon(2, ACCOUNT, last, true), new SimHarness.Logon(3, OTHER_ACCOUNT, last, true));
        assertThat(sim.counters.get(SimCounter.OE_REPORTS_RESENT)).isZero();
        assertThat(sim.core.accountReports(ACCOUNT)).as("nothing kept from before the logon").isZero();
    }

    @Test
    void shouldKeepEachAccountsFillsAndNetPositionAndNothingForAConnectionWithoutLogon()
    {
        sim.send(1, logon(ACCOUNT, NONE));
        sim.send(2, logon(OTHER_ACCOUNT, NONE));
        sim.send(1, market(41, Side.BUY, 3 * LOT));
        sim.send(1, market(42, Side.SELL, LOT));
        sim.send(2, market(43, Side.SELL, 2 * LOT));
        sim.send(3, market(44, Side.BUY, 5 * LOT));

        assertThat(sim.core.accountIds()).containsExactly(ACCOUNT, OTHER_ACCOUNT);
        assertThat(sim.core.accountNetQty(ACCOUNT, BTC_ID)).isEqualTo(2 * LOT);
        assertThat(sim.core.accountNetQty(ACCOUNT, ETH_ID)).isZero();
        assertThat(sim.core.accountNetQty(OTHER_ACCOUNT, BTC_ID)).isEqualTo(-2 * LOT);
        assertThat(sim.core.accountFills(ACCOUNT)).isEqualTo(fills(41) + fills(42));
        assertThat(sim.core.accountFills(OTHER_ACCOUNT)).isEqualTo(fills(43));
        assertThat(sim.core.accountNetQty(99, BTC_ID)).isZero();

        sim.send(1, market(45, Side.SELL, 2 * LOT));
        assertThat(sim.core.accountNetQty(ACCOUNT, BTC_ID)).as("back to flat").isZero();
        sim.send(1, market(46, Side.SELL, LOT));
        assertThat(sim.core.accountNetQty(ACCOUNT, BTC_ID)).isEqualTo(-LOT);
    }

    @Test
    void shouldKeepOnlyTheNewestReportsAndStartANewSessionWhenTheResumeNeedsADroppedOne()
    {
        final SimHarness small = new SimHarness(SimFixtures.context(7), 16);
        small.send(1, logon(ACCOUNT, NONE));
        final int first = small.reports.size();
        for (int i = 0; i < 10; i++)
        {
            small.send(1, market(60 + i, i % 2 == 0 ? Side.BUY : Side.SELL, LOT));
        }
        final List<Report> made = List.copyOf(small.reports.subList(first, small.reports.size()));
        final List<byte[]> madeBytes = List.copyOf(small.reportBytes.subList(first, small.reportBytes.size()));
        assertThat(made).as("a NEW and a FILL per market order").hasSize(20);

        assertThat(small.counters.get(SimCounter.OE_REPORTS_DROPPED)).as("the older half of 16, once").isEqualTo(8);
        assertThat(small.core.accountReports(ACCOUNT)).isEqualTo(12);
        small.core.onSessionClosed(1, small.clock.nanoTime());

        final long keptFrom = made.get(9).execId();
        final int beforeResume = small.reports.size();
        small.send(2, logon(ACCOUNT, keptFrom));
        assertThat(small.logons.get(small.logons.size() - 1))
            .isEqualTo(new SimHarness.Logon(2, ACCOUNT, keptFrom, false));
        assertThat(small.reportBytes.subList(beforeResume, small.reportBytes.size()))
            .as("every report after the one it has, byte for byte")
            .containsExactlyElementsOf(madeBytes.subList(10, 20));
        small.core.onSessionClosed(2, small.clock.nanoTime());

        final long dropped = made.get(4).execId();
        final int beforeNew = small.reports.size();
        small.send(3, logon(ACCOUNT, dropped));
        assertThat(small.logons.get(small.logons.size() - 1))
            .as("reports after %d were dropped: a new session", dropped)
            .isEqualTo(new SimHarness.Logon(3, ACCOUNT, made.get(19).execId(), true));
        assertThat(small.reports).as("nothing resent").hasSize(beforeNew);
        assertThat(small.counters.get(SimCounter.OE_REPORTS_RESENT)).isEqualTo(10);

        for (int i = 0; i < 200; i++)
        {
            small.send(3, market(100 + i, i % 2 == 0 ? Side.BUY : Side.SELL, LOT));
        }
        assertThat(small.core.accountReports(ACCOUNT)).as("bounded").isBetween(8, 16);
    }

    private long fills(final long clOrdId)
    {
        return sim.reportsFor(clOrdId).stream()
            .filter((r) -> r.execType() == ExecType.FILL || r.execType() == ExecType.PARTIAL_FILL).count();
    }

    private static byte[] market(final long clOrdId, final Side side, final long qty)
    {
        return newOrder(clOrdId, BTC_ID, side, OrderType.MARKET, TimeInForce.IOC, 0, qty);
    }
}
