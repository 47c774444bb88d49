package com.schwabot.engine.replay;

/**
 * What a replay did.
 *
 * @param records       journal records read.
 * @param inbound       inbound frames fed through the pipeline.
 * @param outbound      outbound records found in the journal (orders the live run sent; skipped as input).
 * @param simulated     true when fills came from the simulated venue (market-data-only journal).
 * @param ordersSent    orders and cancels the replay sent.
 * @param digest        SHA-256 of the replay's order stream, hex.
 * @param recordedDigest SHA-256 of the order stream the journal recorded (its outbound records), hex; for a
 *                       market-data-only journal, the digest of nothing.
 * @param pnl           total P&amp;L at the end, quote currency.
 * @param elapsedNanos  wall time the replay took.
 * @param learningUpdates weight updates the replay's learning made.
 * @param weights       the tensor weights at the end, then the bias (a copy).
 */
public record ReplayResult(
    long records,
    long inbound,
    long outbound,
    boolean simulated,
    long ordersSent,
    String digest,
    String recordedDigest,
    double pnl,
    long elapsedNanos,
    long learningUpdates,
    float[] weights)
{
    /**
     * Whether the replay sent exactly the orders the journal recorded (a replay of a live run must).
     *
     * @return true when the digests are equal.
     */
    public boolean reproduced()
    {
        return digest.equals(recordedDigest);
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
