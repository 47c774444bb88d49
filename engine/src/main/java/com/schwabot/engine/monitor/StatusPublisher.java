package com.schwabot.engine.monitor;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.portfolio.Portfolio;
import com.schwabot.engine.stage.RiskGate;

/**
 * Publishes the business thread's state that other threads display (position per instrument, P&amp;L, halted)
 * into counters, on each timer tick and at the end of a run, so the status line and monitoring read consistent
 * values without touching business-thread objects. P&amp;L is published in micro-units of the quote currency.
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
        final CountersManager manager = counters.manager();
        positions = new AtomicCounter[instruments.count()];
        for (int i = 0; i < positions.length; i++)
        {
            positions[i] = manager.newCounter("status.position." + instruments.symbol(i));
        }
        pnl = manager.newCounter("status.pnl.micros");
        realized = manager.newCounter("status.realized.micros");
        fees = manager.newCounter("status.fees.micros");
        halted = manager.newCounter("status.halted");
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
        halted.setRelease(risk.isHalted() ? 1 : 0);
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
     * Published halt state.
     *
     * @return true when halted at the last publish.
     */
    public boolean halted()
    {
        return halted.get() != 0;
    }
}
