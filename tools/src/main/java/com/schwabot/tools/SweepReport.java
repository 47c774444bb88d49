package com.schwabot.tools;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.sweep.SweepResult;
import com.schwabot.engine.sweep.VariantResult;

/**
 * Prints the ranking of a sweep: one line per variant, best P&amp;L first.
 */
final class SweepReport
{
    private SweepReport()
    {
    }

    static void print(final PrintWriter out, final SweepResult result, final FillSettings fills, final int top)
    {
        out.printf(Locale.ROOT, "swept %d variants over %d records: %d inbound in %.3f s (%,.0f events/s, %,.0f " +
            "variant-events/s)%n", result.variants().size(), result.records(), result.inbound(),
            result.elapsedNanos() / 1e9, result.eventsPerSecond(),
            result.eventsPerSecond() * result.variants().size());
        out.printf(Locale.ROOT, "fills: simulated venue, latency %s, taker %s bps, maker %s bps%n",
            latency(fills.latencyNanos()), bps(fills.takerFeeCentiBps()), bps(fills.makerFeeCentiBps()));
        out.printf(Locale.ROOT, "%4s %7s %12s %10s %7s %7s %10s %8s  %-12s %s%n", "rank", "variant", "pnl", "fees",
            "fills", "orders", "max_dd", "sharpe", "digest", "parameters");
        final List<VariantResult> ranking = result.ranking();
        for (int r = 0; r < Math.min(top, ranking.size()); r++)
        {
            final VariantResult v = ranking.get(r);
            out.printf(Locale.ROOT, "%4d %7d %12.4f %10.4f %7d %7d %10.4f %8s  %-12s %s%n", r + 1, v.variant().id(),
                v.pnl(), v.fees(), v.fills(), v.orders(), v.maxDrawdown(),
                Double.isNaN(v.sharpe()) ? "-" : String.format(Locale.ROOT, "%.2f", v.sharpe()),
                v.digest().substring(0, 12), v.variant().label());
        }
        if (top < ranking.size())
        {
            out.printf(Locale.ROOT, "(%d more; --top N shows more)%n", ranking.size() - top);
        }
        out.println("base (variant 0) order digest " + result.variants().get(0).digest());
    }

    private static String latency(final long nanos)
    {
        return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : nanos % 1_000 == 0 ? nanos / 1_000 + "us" :
            nanos + "ns";
    }

    private static String bps(final long centiBps)
    {
        return java.math.BigDecimal.valueOf(centiBps, 2).stripTrailingZeros().toPlainString();
    }
}
