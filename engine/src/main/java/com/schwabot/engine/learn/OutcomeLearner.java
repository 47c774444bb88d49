package com.schwabot.engine.learn;

import com.schwabot.engine.portfolio.RoundTripListener;
import com.schwabot.engine.stage.DecisionStage;
import com.schwabot.engine.stage.TensorStage;

/**
 * The memory update flow: fill, trade outcome, success score, weight update. When the decision stage sends an order
 * the feature row it was decided on is kept; when a fill opens a position, that row becomes the position's entry
 * row; when a fill closes part or all of the position (a round trip), its success score updates the tensor weights
 * through {@link TensorStage#learn} (the backend's {@code update}) with the entry row as input.
 * <p>
 * Success score of a round trip: its net P&amp;L (realized at fill prices, minus its share of entry and exit fees;
 * fill prices include the slippage against the decisions' reference mids) as a return on the closed notional, in
 * basis points, less a baseline, in units of {@value #SCORE_SCALE_BPS} bps, clamped to [-1, 1]. The baseline is the
 * instrument's exponentially weighted average return (weight {@value #BASELINE_ALPHA}, starting at its first round
 * trip, which so scores 0), as in REINFORCE with a baseline: without it, when costs make every trade lose, every
 * weight of every strategy that traded could only shrink until the ensemble never reached its threshold again, and
 * with no trades there would be nothing more to learn from. With it, the weights learn which features tell the better
 * trades from the worse; stopping a strategy that loses on average is the risk gate's work (daily loss, drawdown)
 * and the operator's.
 * <p>
 * The score is given the position's direction, so a better-than-usual long pushes the score of its features up and a
 * better-than-usual short pushes it down. Steps are bounded: the learning rate is {@code tensor.learning_rate} and
 * every weight stays within {@link #WEIGHT_BOUND}. Everything here happens on the business thread in journal order,
 * so a replay takes the same steps to the same weights.
 * <p>
 * Not thread-safe: business thread only. Allocation-free after construction.
 */
public final class OutcomeLearner implements RoundTripListener, DecisionStage.OrderListener
{
    /** Net return above the baseline, in bps of the closed notional, that scores 1. */
    public static final double SCORE_SCALE_BPS = 10.0;
    /** Weight of a new return in the baseline. */
    public static final double BASELINE_ALPHA = 0.1;
    /** Bound of every weight and the bias. */
    public static final float WEIGHT_BOUND = 1.0f;

    private final TensorStage tensor;
    private final int featureCount;
    private final float[] decided;
    private final float[] decidedScore;
    private final float[] entry;
    private final float[] entryScore;
    private final boolean[] hasEntry;
    private final boolean[] hasDecision;
    private final double[] baseline;
    private final boolean[] hasBaseline;

    /**
     * A learner over a tensor stage.
     *
     * @param tensor       the tensor stage (its batch holds the weights).
     * @param instruments  instrument count.
     * @param learningRate step of the update, from {@code tensor.learning_rate}.
     */
    public OutcomeLearner(final TensorStage tensor, final int instruments, final double learningRate)
    {
        this.tensor = tensor;
        this.featureCount = tensor.batch().featureCount();
        tensor.batch().learningRate((float)learningRate).weightBound(WEIGHT_BOUND);
        decided = new float[instruments * featureCount];
        decidedScore = new float[instruments];
        entry = new float[instruments * featureCount];
        entryScore = new float[instruments];
        hasEntry = new boolean[instruments];
        hasDecision = new boolean[instruments];
        baseline = new double[instruments];
        hasBaseline = new boolean[instruments];
    }

    /**
     * Net return of a round trip.
     *
     * @param netPnl         net P&amp;L of the closed part, quote currency.
     * @param closedNotional its notional at the entry price.
     * @return basis points of the notional, 0 when the notional is not positive.
     */
    public static double returnBps(final double netPnl, final double closedNotional)
    {
        return closedNotional > 0 ? netPnl / closedNotional * 10_000.0 : 0.0;
    }

    /**
     * The success score of a return against a baseline.
     *
     * @param returnBps   the round trip's net return.
     * @param baselineBps the baseline.
     * @return in [-1, 1].
     */
    public static float score(final double returnBps, final double baselineBps)
    {
        final double x = (returnBps - baselineBps) / SCORE_SCALE_BPS;
        return (float)(x > 1.0 ? 1.0 : x < -1.0 ? -1.0 : x);
    }

    /**
     * Score a round trip of an instrument and move its baseline.
     *
     * @param instrument     instrument index.
     * @param netPnl         net P&amp;L of the closed part.
     * @param closedNotional its notional at the entry price.
     * @return the success score, in [-1, 1].
     */
    public float successScore(final int instrument, final double netPnl, final double closedNotional)
    {
        final double r = returnBps(netPnl, closedNotional);
        if (!hasBaseline[instrument])
        {
            baseline[instrument] = r;
            hasBaseline[instrument] = true;
        }
        final float s = score(r, baseline[instrument]);
        baseline[instrument] += BASELINE_ALPHA * (r - baseline[instrument]);
        return s;
    }

    /**
     * The baseline return of an instrument.
     *
     * @param instrument instrument index.
     * @return basis points.
     */
    public double baselineBps(final int instrument)
    {
        return baseline[instrument];
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderDecision(final int instrument)
    {
        decidedScore[instrument] = tensor.latest(instrument, decided, instrument * featureCount);
        hasDecision[instrument] = true;
    }

    /**
     * {@inheritDoc}
     */
    public void onPositionOpened(final int instrument, final int direction)
    {
        if (hasDecision[instrument])
        {
            System.arraycopy(decided, instrument * featureCount, entry, instrument * featureCount, featureCount);
            entryScore[instrument] = decidedScore[instrument];
            hasEntry[instrument] = true;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onRoundTrip(
        final int instrument, final int direction, final double closedNotional, final double netPnl,
        final double slippage, final boolean flat)
    {
        if (hasEntry[instrument] && closedNotional > 0)
        {
            final float outcome = successScore(instrument, netPnl, closedNotional) * direction;
            if (outcome != 0.0f)
            {
                tensor.learn(entry, instrument * featureCount, entryScore[instrument], outcome);
            }
        }
        if (flat)
        {
            hasEntry[instrument] = false;
        }
    }
}
