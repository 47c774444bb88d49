package com.schwabot.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The performance measures of a backtest, computed from its sampled equity curve and its trades. A measure that is
 * undefined (no capital, fewer than two returns, no variation, no losing trade, ...) is {@code NaN}: JSON null,
 * "n/a" on the page.
 * <ul>
 *     <li>Equity is {@code capital + P&L}, sampled every {@code step} of event time (see {@link SampleInterval}).
 *     Returns are simple returns between consecutive samples, {@code r_k = E_k / E_k-1 - 1}.</li>
 *     <li>Sharpe = mean(r) / sd(r) x sqrt(periods per year), sd the sample standard deviation (n - 1), risk-free
 *     rate 0; periods per year = 365 days / step.</li>
 *     <li>Sortino = mean(r) / dd(r) x sqrt(periods per year), dd = sqrt(sum(min(r, 0)^2) / n) (target 0).</li>
 *     <li>Total return = final P&amp;L / capital. Max drawdown: largest fall of the sampled equity from its running
 *     peak (the peak starts at the capital), in quote currency and as a fraction of that peak.</li>
 *     <li>Win rate = closed trades with net P&amp;L &gt; 0 / closed trades; profit factor = sum of winning net
 *     P&amp;L / |sum of losing net P&amp;L|. Open trades do not count.</li>
 *     <li>Exposure = time with at least one position open (the union of the trades' entry to exit, open trades to
 *     the end of their run) / the time the runs span. Turnover = traded notional / capital.</li>
 * </ul>
 *
 * @param capital             equity base, quote currency.
 * @param finalPnl            P&amp;L at the end (the last sample).
 * @param totalReturn         final P&amp;L / capital.
 * @param sharpe              annualised Sharpe ratio.
 * @param sortino             annualised Sortino ratio.
 * @param maxDrawdown         largest drawdown, quote currency.
 * @param maxDrawdownFraction largest drawdown as a fraction of the peak equity.
 * @param trades              closed trades.
 * @param wins                closed trades with net P&amp;L &gt; 0.
 * @param losses              closed trades with net P&amp;L &lt; 0.
 * @param winRate             wins / closed trades.
 * @param grossProfit         sum of the winning trades' net P&amp;L.
 * @param grossLoss           sum of the losing trades' net P&amp;L (negative or 0).
 * @param profitFactor        gross profit / |gross loss|.
 * @param exposure            fraction of time with a position.
 * @param tradedNotional      sum of |price x qty| over every fill, quote currency.
 * @param turnover            traded notional / capital.
 * @param fees                fees paid, quote currency.
 * @param slippage            slippage against the decisions' reference prices, quote currency, positive = cost.
 * @param returns             returns the ratios were computed from (samples - 1).
 * @param periodsPerYear      the annualisation: Sharpe and Sortino are multiplied by its square root.
 */
public record BacktestMetrics(
    double capital,
    double finalPnl,
    double totalReturn,
    double sharpe,
    double sortino,
    double maxDrawdown,
    double maxDrawdownFraction,
    int trades,
    int wins,
    int losses,
    double winRate,
    double grossProfit,
    double grossLoss,
    double profitFactor,
    double exposure,
    double tradedNotional,
    double turnover,
    double fees,
    double slippage,
    int returns,
    double periodsPerYear)
{
    /**
     * Compute every measure.
     *
     * @param capital        equity base, quote currency.
     * @param stepNanos      the sampling step.
     * @param pnl            the sampled P&amp;L, oldest first.
     * @param trades         every trade, closed and open.
     * @param spanNanos      time the runs span (sum over runs of last minus first event time).
     * @param tradedNotional sum of |price x qty| over the fills.
     * @param fees           fees paid.
     * @param slippage       slippage paid.
     * @return the measures.
     */
    public static BacktestMetrics compute(
        final double capital,
        final long stepNanos,
        final double[] pnl,
        final List<Trade> trades,
        final long spanNanos,
        final double tradedNotional,
        final double fees,
        final double slippage)
    {
        final double periods = SampleInterval.periodsPerYear(stepNanos);
        final double[] r = returns(capital, pnl);
        final double finalPnl = pnl.length == 0 ? 0.0 : pnl[pnl.length - 1];
        int closed = 0;
        int wins = 0;
        int losses = 0;
        double profit = 0;
        double loss = 0;
        for (final Trade trade : trades)
        {
            if (!trade.open())
            {
                closed++;
                final double net = trade.netPnl();
                if (net > 0)
                {
                    wins++;
                    profit += net;
                }
                else if (net < 0)
                {
                    losses++;
                    loss += net;
                }
            }
        }
        final boolean withCapital = capital > 0;
        return new BacktestMetrics(capital, finalPnl, withCapital ? finalPnl / capital : Double.NaN,
            sharpe(r, periods), sortino(r, periods), maxDrawdown(pnl),
            withCapital ? maxDrawdownFraction(capital, pnl) : Double.NaN, closed, wins, losses,
            closed > 0 ? (double)wins / closed : Double.NaN, profit, loss, losses > 0 ? profit / -loss : Double.NaN,
            exposure(trades, spanNanos), tradedNotional, withCapital ? tradedNotional / capital : Double.NaN, fees,
            slippage, r.length, periods);
    }

    /**
     * Simple returns of the equity {@code capital + pnl} between consecutive samples.
     *
     * @param capital equity base; no returns when not positive.
     * @param pnl     the sampled P&amp;L.
     * @return one fewer than the samples.
     */
    public static double[] returns(final double capital, final double[] pnl)
    {
        if (capital <= 0 || pnl.length < 2)
        {
            return new double[0];
        }
        final double[] r = new double[pnl.length - 1];
        for (int k = 1; k < pnl.length; k++)
        {
            r[k - 1] = (capital + pnl[k]) / (capital + pnl[k - 1]) - 1.0;
        }
        return r;
    }

    /**
     * Annualised Sharpe ratio (risk-free rate 0).
     *
     * @param r              returns.
     * @param periodsPerYear returns in a year.
     * @return mean / sample standard deviation x sqrt(periods); NaN with fewer than 2 returns or no variation.
     */
    public static double sharpe(final double[] r, final double periodsPerYear)
    {
        if (r.length < 2)
        {
            return Double.NaN;
        }
        final double mean = mean(r);
        double squares = 0;
        for (final double x : r)
        {
            squares += (x - mean) * (x - mean);
        }
        final double sd = Math.sqrt(squares / (r.length - 1));
        return sd > 0 ? mean / sd * Math.sqrt(periodsPerYear) : Double.NaN;
    }

    /**
     * Annualised Sortino ratio (target 0).
     *
     * @param r              returns.
     * @param periodsPerYear returns in a year.
     * @return mean / downside deviation x sqrt(periods); NaN with fewer than 2 returns or no negative return.
     */
    public static double sortino(final double[] r, final double periodsPerYear)
    {
        if (r.length < 2)
        {
            return Double.NaN;
        }
        double downside = 0;
        for (final double x : r)
        {
            if (x < 0)
            {
                downside += x * x;
            }
        }
        final double dd = Math.sqrt(downside / r.length);
        return dd > 0 ? mean(r) / dd * Math.sqrt(periodsPerYear) : Double.NaN;
    }

    /**
     * Largest fall of the P&amp;L (so of the equity) from its running peak; the peak starts at 0 (the capital).
     *
     * @param pnl the sampled P&amp;L.
     * @return quote currency, &gt;= 0.
     */
    public static double maxDrawdown(final double[] pnl)
    {
        double peak = 0;
        double worst = 0;
        for (final double p : pnl)
        {
            peak = Math.max(peak, p);
            worst = Math.max(worst, peak - p);
        }
        return worst;
    }

    /**
     * Largest fall of the equity from its running peak, as a fraction of that peak.
     *
     * @param capital equity base, positive.
     * @param pnl     the sampled P&amp;L.
     * @return in [0, 1] while equity stays positive.
     */
    public static double maxDrawdownFraction(final double capital, final double[] pnl)
    {
        double peak = capital;
        double worst = 0;
        for (final double p : pnl)
        {
            final double equity = capital + p;
            peak = Math.max(peak, equity);
            worst = Math.max(worst, (peak - equity) / peak);
        }
        return worst;
    }

    /**
     * Fraction of a span with at least one position: the union of the trades' [entry, exit] intervals.
     *
     * @param trades    the trades (open ones run to their exit time, the end of their run).
     * @param spanNanos the time the runs span.
     * @return in [0, 1]; NaN when the span is 0.
     */
    public static double exposure(final List<Trade> trades, final long spanNanos)
    {
        if (spanNanos <= 0)
        {
            return Double.NaN;
        }
        final List<long[]> intervals = new ArrayList<>(trades.size());
        for (final Trade trade : trades)
        {
            intervals.add(new long[] {trade.entryTimeNanos(), Math.max(trade.entryTimeNanos(), trade.exitTimeNanos())});
        }
        intervals.sort((a, b) -> Long.compare(a[0], b[0]));
        long covered = 0;
        long start = Long.MIN_VALUE;
        long end = Long.MIN_VALUE;
        for (final long[] interval : intervals)
        {
            if (interval[0] > end)
            {
                covered += end - start;
                start = interval[0];
                end = interval[1];
            }
            else
            {
                end = Math.max(end, interval[1]);
            }
        }
        covered += end - start;
        return Math.min(1.0, (double)covered / spanNanos);
    }

    private static double mean(final double[] r)
    {
        double sum = 0;
        for (final double x : r)
        {
            sum += x;
        }
        return sum / r.length;
    }
}
