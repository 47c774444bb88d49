package com.schwabot.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackoffTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldDoubleFromBaseUpToTheCapWithoutJitter()
    {
        final Backoff backoff = Backoff.ofMillis(100, 1_000, 60_000, 0.0, 7);

        final long[] delays = new long[7];
        for (int i = 0; i < delays.length; i++)
        {
            delays[i] = backoff.nextDelayNs();
        }

        assertThat(delays).containsExactly(100 * MS, 200 * MS, 400 * MS, 800 * MS, 1_000 * MS, 1_000 * MS, 1_000 * MS);
        assertThat(backoff.attempts()).isEqualTo(7);
    }

    @Test
    void shouldNeverOverflowOrExceedTheCapAfterManyAttempts()
    {
        final Backoff backoff = new Backoff(1, Long.MAX_VALUE, 0, 0.5, 1);

        long last = 0;
        for (int i = 0; i < 200; i++)
        {
            last = backoff.nextDelayNs();
            assertThat(last).isPositive();
        }

        assertThat(backoff.ceilingNs(62)).isEqualTo(1L << 62);
        assertThat(backoff.ceilingNs(63)).isEqualTo(Long.MAX_VALUE);
        assertThat(backoff.ceilingNs(1_000)).isEqualTo(Long.MAX_VALUE);
        assertThat(last).isLessThanOrEqualTo(Long.MAX_VALUE).isGreaterThanOrEqualTo(Long.MAX_VALUE / 2);
    }

    @Test
    void shouldKeepJitteredDelaysWithinTheJitterBandOfEachCeiling()
    {
        final Backoff backoff = Backoff.ofMillis(100, 3_200, 60_000, 0.25, 42);

        for (int attempt = 0; attempt < 50; attempt++)
        {
            final long ceiling = backoff.ceilingNs(attempt);
            final long delay = backoff.nextDelayNs();
            assertThat(delay).isLessThanOrEqualTo(ceiling).isGreaterThanOrEqualTo(ceiling - ceiling / 4);
        }
    }

    @Test
    void shouldGiveTheSameDelaysForTheSameSeedAndDifferentDelaysForAnotherSeed()
    {
        final long[] first = delays(Backoff.ofMillis(100, 10_000, 60_000, 0.5, 1234), 20);
        final long[] again = delays(Backoff.ofMillis(100, 10_000, 60_000, 0.5, 1234), 20);
        final long[] other = delays(Backoff.ofMillis(100, 10_000, 60_000, 0.5, 4321), 20);

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shouldActuallyJitterWhenAsked()
    {
        final Backoff backoff = Backoff.ofMillis(1_000, 1_000, 60_000, 1.0, 99);

        final long[] delays = delays(backoff, 32);

        assertThat(java.util.Arrays.stream(delays).distinct().count()).isGreaterThan(16);
    }

    @Test
    void shouldResetAfterAConnectionThatStayedUpForTheStablePeriod()
    {
        final Backoff backoff = Backoff.ofMillis(100, 10_000, 5_000, 0.0, 3);
        backoff.nextDelayNs();
        backoff.nextDelayNs();
        backoff.nextDelayNs();

        backoff.onConnected(1_000 * MS);
        backoff.onDisconnected(6_000 * MS);

        assertThat(backoff.attempts()).isZero();
        assertThat(backoff.nextDelayNs()).isEqualTo(100 * MS);
    }

    @Test
    void shouldKeepBackingOffAfterAShortLivedConnection()
    {
        final Backoff backoff = Backoff.ofMillis(100, 10_000, 5_000, 0.0, 3);
        backoff.nextDelayNs();
        backoff.nextDelayNs();

        backoff.onConnected(1_000 * MS);
        backoff.onDisconnected(5_999 * MS);

        assertThat(backoff.attempts()).isEqualTo(2);
        assertThat(backoff.nextDelayNs()).isEqualTo(400 * MS);
    }

    @Test
    void shouldNotResetOnALossWithoutAConnection()
    {
        final Backoff backoff = Backoff.ofMillis(100, 10_000, 0, 0.0, 3);
        backoff.nextDelayNs();

        backoff.onDisconnected(100 * MS);

        assertThat(backoff.attempts()).isEqualTo(1);
        backoff.reset();
        assertThat(backoff.attempts()).isZero();
    }

    @Test
    void shouldRejectBadSettings()
    {
        assertThatThrownBy(() -> Backoff.ofMillis(0, 10, 0, 0.0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.ofMillis(10, 5, 0, 0.0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.ofMillis(10, 50, 0, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.ofMillis(10, 50, 0, Double.NaN, 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static long[] delays(final Backoff backoff, final int count)
    {
        final long[] delays = new long[count];
        for (int i = 0; i < count; i++)
        {
            delays[i] = backoff.nextDelayNs();
        }
        return delays;
    }
}
