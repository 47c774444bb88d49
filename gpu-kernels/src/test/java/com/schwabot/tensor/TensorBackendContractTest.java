package com.schwabot.tensor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static com.schwabot.tensor.TensorFixtures.K;
import static com.schwabot.tensor.TensorFixtures.N;
import static com.schwabot.tensor.TensorFixtures.V;
import static com.schwabot.tensor.TensorFixtures.W;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link TensorBackend} meets, run against each implementation by a subclass: the results of
 * the reference implementation within {@link TensorTolerance#TOLERANCE}, known values, bounds and determinism.
 */
abstract class TensorBackendContractTest
{
    private final ReferenceTensorBackend reference = new ReferenceTensorBackend();
    private TensorBackend backend;

    /**
     * Creates the backend under test; subclasses skip (JUnit assumptions) when it cannot run here.
     *
     * @param capacity the capacity.
     * @return the backend.
     */
    abstract TensorBackend createBackend(TensorCapacity capacity);

    @BeforeEach
    void openBackend()
    {
        backend = createBackend(TensorFixtures.CAPACITY);
    }

    @AfterEach
    void closeBackend()
    {
        if (backend != null)
        {
            backend.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void shouldScoreLikeTheReference(final Activation activation)
    {
        for (final int n : new int[] {0, 1, 2, N})
        {
            final TensorBatch expected = TensorFixtures.batch(7 + n, activation);
            final TensorBatch actual = TensorFixtures.copy(expected);
            reference.score(expected, n);
            backend.score(actual, n);
            assertWithinTolerance(expected.scores(), actual.scores(), expected.scores().length);
        }
    }

    @Test
    void shouldComputeKnownScores()
    {
        final TensorBatch batch = new TensorBatch(2, 2, 2).activation(Activation.IDENTITY);
        System.arraycopy(new float[] {1, 2, 3, 4}, 0, batch.features(), 0, 4);
        System.arraycopy(new float[] {1, -1, 0.5f, 2}, 0, batch.weights(), 0, 4);
        System.arraycopy(new float[] {0.25f, -0.25f}, 0, batch.bias(), 0, 2);

        backend.score(batch, 2);

        assertThat(batch.scores()).containsExactly(2.25f, 2.75f, 5.25f, 4.75f);
        batch.activation(Activation.TANH);
        backend.score(batch, 1);
        assertThat(TensorTolerance.within(batch.scores()[0], (float)Math.tanh(2.25))).isTrue();
        batch.activation(Activation.SIGMOID);
        backend.score(batch, 1);
        assertThat(TensorTolerance.within(batch.scores()[1], (float)(1 / (1 + Math.exp(-2.75))))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void shouldUpdateWeightsLikeTheReference(final Activation activation)
    {
        final TensorBatch expected = TensorFixtures.batch(11, activation).learningRate(0.05f);
        reference.score(expected, N);
        final TensorBatch actual = TensorFixtures.copy(expected);

        reference.update(expected, N);
        backend.update(actual, N);

        assertWithinTolerance(expected.weights(), actual.weights(), expected.weights().length);
        assertWithinTolerance(expected.bias(), actual.bias(), expected.bias().length);
        assertThat(actual.weights()).isNotEqualTo(TensorFixtures.batch(11, activation).weights());
    }

    @Test
    void shouldKeepWeightsWithinTheBound()
    {
        final TensorBatch batch = TensorFixtures.batch(13, Activation.TANH).learningRate(1_000f).weightBound(0.75f);
        backend.score(batch, N);
        backend.update(batch, N);
        for (final float w : batch.weights())
        {
            assertThat(w).isBetween(-0.75f, 0.75f);
        }
        for (final float b : batch.bias())
        {
            assertThat(b).isBetween(-0.75f, 0.75f);
        }
    }

    @Test
    void shouldKeepWeightsWhenTheUpdateIsNaN()
    {
        final TensorBatch batch = TensorFixtures.batch(17, Activation.IDENTITY);
        final float[] before = batch.weights().clone();
        batch.outcomes()[3] = Float.NaN;
        backend.score(batch, N);
        backend.update(batch, N);
        assertThat(batch.weights()).containsExactly(before);
    }

    @Test
    void shouldNotMoveWeightsWithZeroOutcomes()
    {
        final TensorBatch batch = TensorFixtures.batch(19, Activation.SIGMOID);
        Arrays.fill(batch.outcomes(), 0.0f);
        final float[] before = batch.weights().clone();
        backend.score(batch, N);
        backend.update(batch, N);
        assertThat(batch.weights()).containsExactly(before);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, W, W + 5, 3 * W + 2})
    void shouldComputeRollingStatsLikeTheReference(final int appends)
    {
        final FeatureWindow expected = TensorFixtures.window(23, appends, N);
        final FeatureWindow actual = TensorFixtures.window(23, appends, N);
        reference.rollingStats(expected, N);
        backend.rollingStats(actual, N);
        assertWithinTolerance(expected.mean(), actual.mean(), expected.mean().length);
        assertWithinTolerance(expected.variance(), actual.variance(), expected.variance().length);
    }

    @Test
    void shouldComputeKnownRollingStatsOverTheLastRows()
    {
        final FeatureWindow window = new FeatureWindow(3, 1, 1);
        for (final float value : new float[] {100, 1, 2, 3})
        {
            window.append(new float[] {value}, 1);
        }
        backend.rollingStats(window, 1);
        assertThat(window.mean()[0]).isEqualTo(2.0f);
        assertThat(TensorTolerance.within(window.variance()[0], 2.0f / 3.0f)).isTrue();
    }

    @Test
    void shouldFollowTheWindowAsRowsAreAppended()
    {
        final FeatureWindow expected = TensorFixtures.window(29, 2, N);
        final FeatureWindow actual = TensorFixtures.window(29, 2, N);
        final float[] row = new float[N * TensorFixtures.F];
        for (int step = 0; step < 2 * W; step++)
        {
            Arrays.fill(row, step * 0.5f);
            expected.append(row, N);
            actual.append(row, N);
            reference.rollingStats(expected, N);
            backend.rollingStats(actual, N);
            assertWithinTolerance(expected.mean(), actual.mean(), expected.mean().length);
            assertWithinTolerance(expected.variance(), actual.variance(), expected.variance().length);
        }
        actual.clear();
        backend.rollingStats(actual, N);
        assertThat(actual.mean()).containsOnly(0.0f);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void shouldSweepVariantsLikeTheReference(final Activation activation)
    {
        final SweepBatch expected = TensorFixtures.sweep(31, activation);
        final SweepBatch actual = TensorFixtures.sweep(31, activation);
        reference.sweep(expected, N - 4);
        backend.sweep(actual, N - 4);
        assertWithinTolerance(expected.scores(), actual.scores(), expected.scores().length);
    }

    @Test
    void shouldSweepEachVariantAsItsOwnScore()
    {
        final SweepBatch sweep = TensorFixtures.sweep(37, Activation.TANH);
        backend.sweep(sweep, N);
        for (int v = 0; v < V; v++)
        {
            final TensorBatch single = new TensorBatch(N, TensorFixtures.F, K);
            System.arraycopy(sweep.features(), 0, single.features(), 0, single.features().length);
            final int weightCount = single.weights().length;
            System.arraycopy(sweep.weights(), v * weightCount, single.weights(), 0, weightCount);
            System.arraycopy(sweep.bias(), v * K, single.bias(), 0, K);
            backend.score(single, N);
            final float[] plane = new float[N * K];
            System.arraycopy(sweep.scores(), v * N * K, plane, 0, plane.length);
            assertThat(plane).containsExactly(single.scores());
        }
    }

    @Test
    void shouldGiveBitIdenticalResultsOnEveryRun()
    {
        final TensorBatch first = TensorFixtures.batch(41, Activation.SIGMOID);
        final TensorBatch second = TensorFixtures.copy(first);
        for (int round = 0; round < 3; round++)
        {
            backend.score(first, N);
            backend.update(first, N);
            backend.score(second, N);
            backend.update(second, N);
        }
        assertThat(second.scores()).containsExactly(first.scores());
        assertThat(second.weights()).containsExactly(first.weights());
    }

    @Test
    void shouldRejectCountsOutsideTheBatch()
    {
        final TensorBatch batch = TensorFixtures.batch(43, Activation.TANH);
        assertThatThrownBy(() -> backend.score(batch, N + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backend.update(batch, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectBatchesBeyondItsCapacity()
    {
        if (backend instanceof ReferenceTensorBackend)
        {
            return;
        }
        final TensorBatch tooWide = new TensorBatch(4, TensorFixtures.CAPACITY.maxFeatures() + 1, 2);
        assertThatThrownBy(() -> backend.score(tooWide, 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("TensorCapacity");
    }

    static void assertWithinTolerance(final float[] expected, final float[] actual, final int length)
    {
        final int mismatch = TensorTolerance.firstMismatch(expected, actual, length);
        assertThat(mismatch)
            .as(() -> "element " + mismatch + ": expected " + expected[mismatch] + " got " + actual[mismatch])
            .isEqualTo(-1);
    }
}
