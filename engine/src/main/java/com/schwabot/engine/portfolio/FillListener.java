package com.schwabot.engine.portfolio;

/**
 * Told by the {@link Portfolio} of every fill, just before it is applied: what a backtest report records. Called on
 * the business thread (the replay thread in a backtest), inside {@link Portfolio#onFill}; it must not call back into
 * the portfolio's mutators.
 */
@FunctionalInterface
public interface FillListener
{
    /**
     * A fill.
     *
     * @param instrument     instrument index.
     * @param buy            true for a buy.
     * @param qty            filled quantity mantissa at the instrument's exponent (positive).
     * @param price          fill price mantissa at the instrument's exponent.
     * @param fee            fee in the quote currency (positive = paid).
     * @param referencePrice price mantissa the decision expected (the fill price when there was no decision).
     */
    void onFill(int instrument, boolean buy, long qty, long price, double fee, double referencePrice);
}
