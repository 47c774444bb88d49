package com.schwabot.bench.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Issue 8's performance goals, judged from what {@link GoalCheck} measured: each goal is computed per round from
 * figures of that round only (a ratio's two sides come from the same JMH invocation), and judged on the median
 * over the rounds. A goal whose inputs are missing is {@link Verdict#NOT_MEASURED}, never met.
 */
final class Goals
{
    /** Events/s of the engine's ring and business thread, journaling off ({@code disruptor}, journal=false). */
    static final String DISRUPTOR = "disruptor";
    /** The same with journaling ({@code disruptor}, journal=true, a batch to an excerpt). */
    static final String DISRUPTOR_JOURNAL = "disruptor.journal";
    /** Events/s of the same stages behind an ArrayBlockingQueue, journaling off. */
    static final String QUEUE = "arrayBlockingQueue";
    /** Frames/s of one thread appending the same frames to a bare Chronicle Queue, an excerpt each. */
    static final String BARE_APPEND = "bareChronicleAppend";
    /** Records/s of a backtest replay ({@code ReplayThroughputBenchmark.replay}, batch 64). */
    static final String REPLAY = "replay";
    /** Records/s of reading and decoding every field of the same journal, no stage. */
    static final String DECODE_ONLY = "decodeOnly";
    /**
     * Prefix of the bytes per event the business thread allocated in each hot-path benchmark (the engine's ring,
     * with and without journaling; JMH's {@code gc.alloc.rate.norm} where the thread's own figure is missing).
     */
    static final String ALLOC_PREFIX = "alloc.";
    /** Tick-to-order median at 100,000 events/s, microseconds. */
    static final String TICK_TO_ORDER_P50 = "tickToOrder.p50";
    /** Its 99th percentile, microseconds. */
    static final String TICK_TO_ORDER_P99 = "tickToOrder.p99";
    /** Its 99.99th percentile, microseconds. */
    static final String TICK_TO_ORDER_P9999 = "tickToOrder.p99.99";
    /**
     * The orders' service time at 100,000 events/s (handler start to order handed over: the engine's own share of
     * tick-to-order, the rest being the wait in front of the handler), median, microseconds. Reported, not judged.
     */
    static final String ORDER_SERVICE_P50 = "orderService.p50";
    /** Its 99th percentile, microseconds. Reported, not judged. */
    static final String ORDER_SERVICE_P99 = "orderService.p99";
    /**
     * Tick-to-gateway at 100,000 events/s (the cause's intended time to the gateway thread having the order, ready
     * to write it to the venue's socket), median, microseconds. Reported, not judged.
     */
    static final String TICK_TO_GATEWAY_P50 = "tickToGateway.p50";
    /** Its 99th percentile, microseconds. Reported, not judged. */
    static final String TICK_TO_GATEWAY_P99 = "tickToGateway.p99";
    /**
     * Orders the latency harness measured that were decided in a batch without market data (on an execution report
     * or a timer tick), so not in tick-to-order. Reported, not judged.
     */
    static final String OTHER_ORDERS = "otherOrders";
    /**
     * What a first write to a fresh 4 KiB page of a mapped file under {@code bench.dir} cost at the start of the
     * round ({@code PageFaultProbe}), microseconds. Reported, not judged: the journal goals depend on it.
     */
    static final String PAGE_FAULT = "pageFault.us";
    /**
     * The machine's steal time (from {@code /proc/stat}) in the latency harness's window at 100,000 events/s, summed
     * over its CPUs, milliseconds. Reported, not judged: the tick-to-order tail depends on it.
     */
    static final String STEAL = "steal.ms";
    /** Collections during the steady run at 1,000,000 events/s. */
    static final String STEADY_GC = "steady.gc";
    /** Seconds that steady run measured. */
    static final String STEADY_SECONDS = "steady.seconds";
    /** Seconds the steady run must last for its goal to be judged. */
    static final long STEADY_SECONDS_REQUIRED = 60;
    /**
     * Bytes per event below which the business thread counts as allocating nothing per event: under one byte per
     * thousand events is what a one-time allocation spread over a run's millions of events looks like.
     */
    static final double ZERO_BYTES = 0.001;

    /** Whether a goal was met. */
    enum Verdict
    {
        MET, MISSED, NOT_MEASURED
    }

    /**
     * One goal.
     *
     * @param name      what is measured.
     * @param target    the goal as the issue states it.
     * @param measure   its value from one round's figures (NaN when they are missing).
     * @param bound     the bound.
     * @param atLeast   true when the value must be at least the bound, false at most.
     * @param unit      how the value is printed: {@code %} format and unit.
     * @param unmet     why a round's figures cannot judge it (null when they can).
     */
    record Goal(
        String name,
        String target,
        ToDoubleFunction<Map<String, Double>> measure,
        double bound,
        boolean atLeast,
        String unit,
        Function<Map<String, Double>, String> unmet)
    {
        /**
         * A goal every round's figures can judge.
         *
         * @param name    what is measured.
         * @param target  the goal as the issue states it.
         * @param measure its value from one round's figures (NaN when they are missing).
         * @param bound   the bound.
         * @param atLeast true when the value must be at least the bound, false at most.
         * @param unit    how the value is printed.
         */
        Goal(
            final String name,
            final String target,
            final ToDoubleFunction<Map<String, Double>> measure,
            final double bound,
            final boolean atLeast,
            final String unit)
        {
            this(name, target, measure, bound, atLeast, unit, m -> null);
        }

        boolean holds(final double value)
        {
            return atLeast ? value >= bound : value <= bound;
        }
    }

    /**
     * A goal judged.
     *
     * @param goal     the goal.
     * @param rounds   its value in each round (NaN where not measured).
     * @param median   the median of the measured rounds (NaN when none).
     * @param verdict  met, missed or not measured.
     * @param reason   why it was not measured (null otherwise).
     */
    record Outcome(Goal goal, double[] rounds, double median, Verdict verdict, String reason)
    {
    }

    /** The goals of issue 8, in its order. */
    static final List<Goal> ISSUE_8 = List.of(
        new Goal("stages without journaling, events/s", ">= 20,000,000",
            m -> get(m, DISRUPTOR), 20_000_000, true, "%,.0f"),
        new Goal("without journaling, x the ArrayBlockingQueue pipeline", ">= 5x",
            m -> get(m, DISRUPTOR) / get(m, QUEUE), 5.0, true, "%.2fx"),
        new Goal("with journaling, of the bare Chronicle append loop", ">= 0.90",
            m -> get(m, DISRUPTOR_JOURNAL) / get(m, BARE_APPEND), 0.9, true, "%.2f"),
        new Goal("replay, of the decode-only ceiling", ">= 0.50",
            m -> get(m, REPLAY) / get(m, DECODE_ONLY), 0.5, true, "%.2f"),
        new Goal("hot-path allocation, business thread, worst of the ring benchmarks", "0 B/op",
            Goals::worstAllocation, ZERO_BYTES, false, "%.4f B/event"),
        new Goal("tick-to-order p50 at 100k events/s, us", "<= 1",
            m -> get(m, TICK_TO_ORDER_P50), 1.0, false, "%.2f us"),
        new Goal("tick-to-order p99 at 100k events/s, us", "<= 5",
            m -> get(m, TICK_TO_ORDER_P99), 5.0, false, "%.2f us"),
        new Goal("tick-to-order p99.99 at 100k events/s, us", "<= 50",
            m -> get(m, TICK_TO_ORDER_P9999), 50.0, false, "%.2f us"),
        new Goal("GC collections in a steady run at 1M events/s", "0 in 60 s",
            m -> get(m, STEADY_GC), 0, false, "%.0f", Goals::steadyRunTooShort));

    private Goals()
    {
    }

    /**
     * Judge goals from rounds of figures.
     *
     * @param goals  the goals.
     * @param rounds each round's figures by key; a key a round lacks is not measured in that round.
     * @return each goal's outcome, in order.
     */
    static List<Outcome> evaluate(final List<Goal> goals, final List<Map<String, Double>> rounds)
    {
        final List<Outcome> outcomes = new ArrayList<>();
        for (final Goal goal : goals)
        {
            final double[] values = new double[rounds.size()];
            String reason = null;
            for (int r = 0; r < rounds.size(); r++)
            {
                final Map<String, Double> round = rounds.get(r);
                final String unmet = goal.unmet().apply(round);
                if (null != unmet)
                {
                    values[r] = Double.NaN;
                    reason = unmet;
                    continue;
                }
                final double value = goal.measure().applyAsDouble(round);
                values[r] = Double.isFinite(value) ? value : Double.NaN;
            }
            final double median = median(values);
            final Verdict verdict = Double.isNaN(median) ? Verdict.NOT_MEASURED :
                goal.holds(median) ? Verdict.MET : Verdict.MISSED;
            outcomes.add(new Outcome(goal, values, median, verdict,
                verdict == Verdict.NOT_MEASURED ? (null == reason ? "no round measured it" : reason) : null));
        }
        return outcomes;
    }

    /**
     * Median of the values that are not NaN.
     *
     * @param values the values.
     * @return their median (the mean of the middle two for an even count), NaN when there is none.
     */
    static double median(final double[] values)
    {
        final double[] measured = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (measured.length == 0)
        {
            return Double.NaN;
        }
        final int mid = measured.length / 2;
        return measured.length % 2 == 1 ? measured[mid] : (measured[mid - 1] + measured[mid]) / 2;
    }

    private static double get(final Map<String, Double> round, final String key)
    {
        final Double value = round.get(key);
        return null == value ? Double.NaN : value;
    }

    private static double worstAllocation(final Map<String, Double> round)
    {
        double worst = Double.NaN;
        for (final Map.Entry<String, Double> e : round.entrySet())
        {
            if (e.getKey().startsWith(ALLOC_PREFIX) && (Double.isNaN(worst) || e.getValue() > worst))
            {
                worst = e.getValue();
            }
        }
        return worst;
    }

    private static String steadyRunTooShort(final Map<String, Double> round)
    {
        final double seconds = get(round, STEADY_SECONDS);
        if (Double.isNaN(seconds))
        {
            return "no steady run";
        }
        return seconds < STEADY_SECONDS_REQUIRED ? String.format("the steady run measured %.0f s, the goal needs %d;" +
            " it saw %.0f collections", seconds, STEADY_SECONDS_REQUIRED, get(round, STEADY_GC)) : null;
    }
}
