package com.schwabot.engine.monitor;

import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.portfolio.Portfolio;
import com.schwabot.engine.stage.RiskGate;

/**
 * Publishes the business thread's state that other threads display (position per instrument, P&amp;L, halted and
 * why, feed and gateway connected) into gauges, on each timer tick and at the end of a run, so the status line and
 * monitoring read consistent values without touching business-thread objects. P&amp;L is published in micro-units
 * of the quote currency.
 * <p>
 * {@link #publish()} runs on the business thread; the getters on any thread.
 */
public final class StatusPublisher
{
    /** Scale of the published P&amp;L: micro-units of the quote currency. */
    public static final double PNL_SCALE = 1_000_000.0;

    private final Portfolio portfolio;
    private final MarketState market;
    private final RiskGate risk;
    private final AtomicCounter[] positions;
    private final AtomicCounter pnl;
    private final AtomicCounter realized;
    private final AtomicCounter fees;
    private final AtomicCounter halted;
    private final AtomicCounter haltReason;
    private final AtomicCounter feedUp;
    private final AtomicCounter gatewayUp;

    /**
     * A publisher.
     *
     * @param counters    where the values are published.
     * @param instruments the instrument table.
     * @param portfolio   the portfolio.
     * @param market      the market state.
     * @param risk        the risk gate.
     */
    public StatusPublisher(
        final EngineCounters counters,
        final InstrumentTable instruments,
        final Portfolio portfolio,
        final MarketState market,
        final RiskGate risk)
    {
        this.portfolio = portfolio;
        this.market = market;
        this.risk = risk;
        positions = new AtomicCounter[instruments.count()];
        for (int i = 0; i < positions.length; i++)
        {
            positions[i] = counters.newGauge("status.position." + instruments.symbol(i));
        }
        pnl = counters.newGauge("status.pnl.micros");
        realized = counters.newGauge("status.realized.micros");
        fees = counters.newGauge("status.fees.micros");
        halted = counters.newGauge("status.halted");
        haltReason = counters.newGauge("status.halt_reason");
        feedUp = counters.newGauge("status.feed_up");
        gatewayUp = counters.newGauge("status.gateway_up");
    }

    /**
     * Publish the current values (business thread).
     */
    public void publish()
    {
        double realizedTotal = 0;
        double feesTotal = 0;
        for (int i = 0; i < positions.length; i++)
        {
            positions[i].setRelease(portfolio.position(i));
            realizedTotal += portfolio.realized(i);
            feesTotal += portfolio.fees(i);
        }
        pnl.setRelease(Math.round(portfolio.totalPnl(market) * PNL_SCALE));
        realized.setRelease(Math.round(realizedTotal * PNL_SCALE));
        fees.setRelease(Math.round(feesTotal * PNL_SCALE));
        final boolean isHalted = risk.isHalted();
        haltReason.setRelease(isHalted ? risk.haltReason().value() : 0);
        halted.setRelease(isHalted ? 1 : 0);
        feedUp.setRelease(risk.feedUp() ? 1 : 0);
        gatewayUp.setRelease(risk.gatewayUp() ? 1 : 0);
    }

    /**
     * Published position of an instrument.
     *
     * @param i instrument index.
     * @return quantity mantissa.
     */
    public long position(final int i)
    {
        return positions[i].get();
    }

    /**
     * Published total P&amp;L (realized + unrealized - fees).
     *
     * @return quote currency.
     */
    public double pnl()
    {
        return pnl.get() / PNL_SCALE;
    }

    /**
     * Published fees.
     *
     * @return quote currency.
     */
    public double fees()
    {
        return fees.get() / PNL_SCALE;
    }

    /**
     * Published P&amp;L realized on closed quantity.
     *
     * @return quote currency.
     */
    public double realized()
    {
        return realized.get() / PNL_SCALE;
    }

    /**
     * Published halt state.
     *
     * @return true when halted at the last publish.
     */
    public boolean halted()
    {
        return halted.get() != 0;
    }

    /**
     * Why trading was halted at the last publish.
     *
     * @return the reason, or null when not halted.
     */
    public RiskReason haltReason()
    {
        final long value = haltReason.get();
        return value == 0 ? null : RiskReason.get((short)value);
    }

    /**
     * Published market-data connection state.
     *
     * @return true when the feed was up at the last publish.
     */
    public boolean feedUp()
    {
        return feedUp.get() != 0;
    }

    /**
     * Published order-entry connection state.
     *
     * @return true when the gateway was up at the last publish.
     */
    public boolean gatewayUp()
    {
        return gatewayUp.get() != 0;
    }

    /**
     * Number of instruments.
     *
     * @return the count.
     */
    public int instrumentCount()
    {
        return positions.length;
    }
}
