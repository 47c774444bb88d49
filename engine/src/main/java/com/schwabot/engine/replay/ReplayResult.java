package com.schwabot.engine.replay;

import java.util.List;

/**
 * What a replay did: totals, and one {@link Session} per engine run found in the journal (each run starts with an
 * AdminCommand SESSION_START and is replayed from a fresh core).
 *
 * @param records      journal records read.
 * @param inbound      inbound frames fed through the pipeline.
 * @param outbound     outbound records found in the journal (orders the live runs sent; skipped as input).
 * @param simulated    true when fills came from the simulated venue (market-data-only journal).
 * @param sessions     the runs, in journal order; at least one when the journal is not empty.
 * @param elapsedNanos wall time the replay took.
 */
public record ReplayResult(
    long records,
    long inbound,
    long outbound,
    boolean simulated,
    List<Session> sessions,
    long elapsedNanos)
{
    /**
     * One engine run within the journal.
     *
     * @param firstSequence  journal sequence of its first record.
     * @param inbound        inbound frames replayed.
     * @param ordersSent     orders and cancels the replay sent.
     * @param digest         SHA-256 of the order stream the replay sent, hex.
     * @param recordedDigest SHA-256 of the order stream the journal recorded for this run, hex.
     * @param pnl            total P&amp;L at its end, quote currency.
     * @param learningUpdates weight updates its learning made.
     * @param weights        the tensor weights at its end, then the bias (a copy).
     */
    public record Session(
        long firstSequence, long inbound, long ordersSent, String digest, String recordedDigest, double pnl,
        long learningUpdates, float[] weights)
    {
        /**
         * Whether the replay sent exactly the orders the run sent.
         *
         * @return true when the digests are equal.
         */
        public boolean reproduced()
        {
            return digest.equals(recordedDigest);
        }
    }

    /**
     * Digest of the last run's replayed order stream (the one {@code schwabot run} printed last).
     *
     * @return hex SHA-256; the digest of nothing for an empty journal.
     */
    public String digest()
    {
        return sessions.isEmpty() ? OrderDigestOfNothing.HEX : sessions.get(sessions.size() - 1).digest();
    }

    /**
     * Weight updates the last run's learning made in the replay.
     *
     * @return the count; 0 for an empty journal.
     */
    public long learningUpdates()
    {
        return sessions.isEmpty() ? 0 : sessions.get(sessions.size() - 1).learningUpdates();
    }

    /**
     * The tensor weights, then the bias, at the end of the last run's replay (the weights a live run saves to the
     * tensor weight cache at its end).
     *
     * @return a copy; empty for an empty journal.
     */
    public float[] weights()
    {
        return sessions.isEmpty() ? new float[0] : sessions.get(sessions.size() - 1).weights().clone();
    }

    /**
     * Digest of the last run's recorded order stream.
     *
     * @return hex SHA-256.
     */
    public String recordedDigest()
    {
        return sessions.isEmpty() ? OrderDigestOfNothing.HEX : sessions.get(sessions.size() - 1).recordedDigest();
    }

    /**
     * Whether every run was reproduced (a replay of live runs must be).
     *
     * @return true when every session's digests are equal.
     */
    public boolean reproduced()
    {
        return sessions.stream().allMatch(Session::reproduced);
    }

    /**
     * Orders and cancels the replay sent, over every run.
     *
     * @return the count.
     */
    public long ordersSent()
    {
        return sessions.stream().mapToLong(Session::ordersSent).sum();
    }

    /**
     * P&amp;L over every run: each run's P&amp;L at its end, added up, as the backtest report and the sweeps chain
     * the runs of a journal (a run that continued a session is part of that session's run).
     *
     * @return quote currency.
     */
    public double pnl()
    {
        return sessions.stream().mapToDouble(Session::pnl).sum();
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

    private static final class OrderDigestOfNothing
    {
        static final String HEX = new com.schwabot.engine.order.OrderDigest().hex();
    }
}
