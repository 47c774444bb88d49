package com.schwabot.engine.sweep;

/**
 * What one variant of a sweep did over the whole journal.
 *
 * @param variant         the variant.
 * @param pnl             total P&amp;L (realized, unrealized at the mid, net of fees), summed over the journal's runs.
 * @param fees            fees paid.
 * @param fills           fills (execution reports with a quantity).
 * @param orders          orders and cancels sent.
 * @param maxDrawdown     largest fall of the P&amp;L from a previous peak, sampled every minute of event time and at
 *                        the end; 0 or more.
 * @param sharpe          mean over standard deviation of the minute-to-minute P&amp;L changes, times sqrt(1440) (a
 *                        daily figure, from P&amp;L in quote currency, not returns on capital); NaN with fewer than
 *                        two changes or none that differ.
 * @param samples         P&amp;L samples taken.
 * @param learningUpdates weight updates its learning made.
 * @param digest          SHA-256 of the order stream of the journal's last run, hex (as {@code replay} prints).
 */
public record VariantResult(
    Variant variant,
    double pnl,
    double fees,
    long fills,
    long orders,
    double maxDrawdown,
    double sharpe,
    int samples,
    long learningUpdates,
    String digest)
{
}
