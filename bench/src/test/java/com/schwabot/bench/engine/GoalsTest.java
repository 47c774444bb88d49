package com.schwabot.bench.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GoalsTest
{
    @Test
    void shouldJudgeEachRatioOnItsMedianOverRoundsFromTheSameRoundsFigures()
    {
        final List<Map<String, Double>> rounds = List.of(
            pipeline(4_000_000, 1_000_000, 2_000_000, 5_000_000),
            pipeline(3_000_000, 500_000, 4_600_000, 5_000_000),
            pipeline(6_000_000, 1_000_000, 2_500_000, 5_000_000));

        final List<Goals.Outcome> outcomes = Goals.evaluate(Goals.ISSUE_8, rounds);

        final Goals.Outcome events = outcome(outcomes, "stages without journaling");
        assertThat(events.median()).isEqualTo(4_000_000);
        assertThat(events.verdict()).isEqualTo(Goals.Verdict.MISSED);
        final Goals.Outcome queue = outcome(outcomes, "ArrayBlockingQueue");
        assertThat(queue.rounds()).containsExactly(4.0, 6.0, 6.0);
        assertThat(queue.median()).isEqualTo(6.0);
        assertThat(queue.verdict()).isEqualTo(Goals.Verdict.MET);
        final Goals.Outcome bare = outcome(outcomes, "bare Chronicle append");
        assertThat(bare.rounds()).containsExactly(0.4, 0.92, 0.5);
        assertThat(bare.median()).isCloseTo(0.5, within(1e-12));
        assertThat(bare.verdict()).as("one fast round does not meet it").isEqualTo(Goals.Verdict.MISSED);
    }

    @Test
    void shouldReportTheUnjudgedFiguresPerRoundAndNothingWhenNoRoundHasThem()
    {
        final Map<String, Double> first = new HashMap<>();
        first.put(Goals.ORDER_SERVICE_P50, 0.92);
        first.put(Goals.ORDER_SERVICE_P99, 5.007);
        first.put(Goals.TICK_TO_GATEWAY_P50, 4.184);
        first.put(Goals.TICK_TO_GATEWAY_P99, 194.82);
        first.put(Goals.OTHER_ORDERS, 2681.0);
        first.put(Goals.PAGE_FAULT, 9.512);
        first.put(Goals.STEAL, 130.0);
        final Map<String, Double> second = new HashMap<>();
        second.put(Goals.PAGE_FAULT, 1.1);

        assertThat(GoalCheck.reported(List.of(first, second))).isEqualTo(String.join("\n",
            "",
            "Reported, not judged, per round:",
            "",
            "- orders' own service time p50 at 100k events/s (handler start to order handed over), us: 0.92; -",
            "- orders' own service time p99, us: 5.01; -",
            "- tick-to-gateway p50 at 100k events/s (to the gateway thread having the order, ready for the socket), " +
                "us: 4.18; -",
            "- tick-to-gateway p99, us: 194.82; -",
            "- orders decided without market data (on an execution report or a timer tick; not in tick-to-order): " +
                "2681; -",
            "- page-fault probe (a first write to a fresh 4 KiB page under bench.dir), us: 9.51; 1.10",
            "- steal time in the latency window at 100k events/s (the hypervisor kept the machine's CPUs from " +
                "running), summed over CPUs, ms: 130; -",
            ""));
        assertThat(GoalCheck.reported(List.of(Map.of(), Map.of()))).isEmpty();
    }

    @Test
    void shouldNotCountAGoalWithoutItsFiguresAsMet()
    {
        final List<Goals.Outcome> outcomes = Goals.evaluate(Goals.ISSUE_8, List.of(Map.of(), Map.of()));

        assertThat(outcomes).hasSize(Goals.ISSUE_8.size());
        assertThat(outcomes).allSatisfy(o ->
        {
            assertThat(o.verdict()).isEqualTo(Goals.Verdict.NOT_MEASURED);
            assertThat(o.reason()).isNotBlank();
            assertThat(o.median()).isNaN();
        });
        assertThat(GoalCheck.markdown("t", "m", outcomes))
            .contains("0 met, 0 missed, " + Goals.ISSUE_8.size() + " not measured")
            .doesNotContain("| met");
    }

    @Test
    void shouldJudgeReplayAllocationAndLatencyBounds()
    {
        final Map<String, Double> round = new HashMap<>();
        round.put(Goals.REPLAY, 4_000_000.0);
        round.put(Goals.DECODE_ONLY, 8_000_000.0);
        round.put(Goals.ALLOC_PREFIX + Goals.DISRUPTOR, 0.0);
        round.put(Goals.ALLOC_PREFIX + Goals.DISRUPTOR_JOURNAL, 0.006);
        round.put(Goals.TICK_TO_ORDER_P50, 1.0);
        round.put(Goals.TICK_TO_ORDER_P99, 5.01);
        round.put(Goals.TICK_TO_ORDER_P9999, 49.0);

        final List<Goals.Outcome> outcomes = Goals.evaluate(Goals.ISSUE_8, List.of(round));

        assertThat(outcome(outcomes, "replay").verdict()).as("0.50 is at the bound").isEqualTo(Goals.Verdict.MET);
        final Goals.Outcome alloc = outcome(outcomes, "allocation");
        assertThat(alloc.median()).as("the worst benchmark counts").isEqualTo(0.006);
        assertThat(alloc.verdict()).isEqualTo(Goals.Verdict.MISSED);
        assertThat(outcome(outcomes, "p50").verdict()).isEqualTo(Goals.Verdict.MET);
        assertThat(outcome(outcomes, "p99 ").verdict()).isEqualTo(Goals.Verdict.MISSED);
        assertThat(outcome(outcomes, "p99.99").verdict()).isEqualTo(Goals.Verdict.MET);
    }

    @Test
    void shouldJudgeGarbageCollectionOnlyOnASteadyRunOfSixtySeconds()
    {
        final Goals.Outcome shortRun = outcome(Goals.evaluate(Goals.ISSUE_8,
            List.of(Map.of(Goals.STEADY_GC, 0.0, Goals.STEADY_SECONDS, 10.0))), "GC");
        assertThat(shortRun.verdict()).isEqualTo(Goals.Verdict.NOT_MEASURED);
        assertThat(shortRun.reason()).contains("10 s").contains("60");

        final Goals.Outcome clean = outcome(Goals.evaluate(Goals.ISSUE_8,
            List.of(Map.of(), Map.of(Goals.STEADY_GC, 0.0, Goals.STEADY_SECONDS, 60.0))), "GC");
        assertThat(clean.verdict()).isEqualTo(Goals.Verdict.MET);
        assertThat(clean.rounds()).containsExactly(Double.NaN, 0.0);

        final Goals.Outcome collected = outcome(Goals.evaluate(Goals.ISSUE_8,
            List.of(Map.of(Goals.STEADY_GC, 1.0, Goals.STEADY_SECONDS, 60.0))), "GC");
        assertThat(collected.verdict()).isEqualTo(Goals.Verdict.MISSED);
    }

    @Test
    void shouldTakeTheMeanOfTheMiddleTwoAndIgnoreUnmeasuredRounds()
    {
        assertThat(Goals.median(new double[] {4, 1, Double.NaN, 3, 2})).isEqualTo(2.5);
        assertThat(Goals.median(new double[] {Double.NaN})).isNaN();
        assertThat(Goals.median(new double[] {7})).isEqualTo(7);
    }

    @Test
    void shouldPrintEveryRoundAndTheVerdictInTheReport()
    {
        final List<Goals.Outcome> outcomes = Goals.evaluate(Goals.ISSUE_8, List.of(
            pipeline(4_000_000, 1_000_000, 2_000_000, 5_000_000),
            pipeline(3_000_000, 500_000, 4_600_000, 5_000_000)));

        final String md = GoalCheck.markdown("2026-12-07T00:00:00Z", "2 CPUs", outcomes);

        assertThat(md).contains("started 2026-12-07T00:00:00Z: 2 CPUs")
            .contains("| stages without journaling, events/s | >= 20,000,000 | 4,000,000; 3,000,000 | 3,500,000 | " +
                "missed |")
            .contains("| without journaling, x the ArrayBlockingQueue pipeline | >= 5x | 4.00x; 6.00x | 5.00x | met |")
            .contains("1 met, 2 missed, 6 not measured");
    }

    private static Map<String, Double> pipeline(
        final double disruptor, final double queue, final double journaled, final double bareAppend)
    {
        final Map<String, Double> round = new HashMap<>();
        round.put(Goals.DISRUPTOR, disruptor);
        round.put(Goals.QUEUE, queue);
        round.put(Goals.DISRUPTOR_JOURNAL, journaled);
        round.put(Goals.BARE_APPEND, bareAppend);
        return round;
    }

    private static Goals.Outcome outcome(final List<Goals.Outcome> outcomes, final String name)
    {
        return outcomes.stream().filter(o -> o.goal().name().contains(name)).findFirst().orElseThrow();
    }
}
