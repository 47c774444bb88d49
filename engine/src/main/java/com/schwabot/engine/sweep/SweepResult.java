package com.schwabot.engine.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a sweep did: the totals of the one pass over the journal and each variant's result.
 *
 * @param records      journal records read.
 * @param inbound      inbound records fed (once, for every variant).
 * @param sessions     engine runs found in the journal (each replayed from fresh cores).
 * @param variants     results by variant id.
 * @param elapsedNanos wall time of the pass.
 */
public record SweepResult(long records, long inbound, int sessions, List<VariantResult> variants,
    long elapsedNanos)
{
    /** Best P&amp;L first; equal P&amp;L by variant id. */
    public static final Comparator<VariantResult> BY_PNL =
        Comparator.comparingDouble(VariantResult::pnl).reversed()
            .thenComparingInt((VariantResult r) -> r.variant().id());

    /**
     * @param records      records.
     * @param inbound      inbound records.
     * @param sessions     runs.
     * @param variants     results by id.
     * @param elapsedNanos wall time.
     */
    public SweepResult
    {
        variants = List.copyOf(variants);
    }

    /**
     * The variants ranked by P&amp;L, best first.
     *
     * @return a new list.
     */
    public List<VariantResult> ranking()
    {
        final List<VariantResult> ranked = new ArrayList<>(variants);
        ranked.sort(BY_PNL);
        return ranked;
    }

    /**
     * Inbound events per second of wall time.
     *
     * @return the rate.
     */
    public double eventsPerSecond()
    {
        return elapsedNanos > 0 ? inbound * 1e9 / elapsedNanos : 0.0;
    }
}
