package com.schwabot.engine.monitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.schwabot.engine.ring.JournalGate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal space guard's decisions, stepped with a fake free-space source and a manual clock: no disk, no
 * threads. The halts it publishes are recorded; whether trading is halted is whatever the test says the business
 * thread last published.
 */
class JournalSpaceGuardTest
{
    private static final long MB = 1L << 20;
    private static final long RESERVE = 256 * MB;
    private static final long STOP = 64 * MB;
    private static final Path DIR = Path.of("/srv/schwabot/data/journal");

    private final EngineCounters counters = new EngineCounters();
    private final JournalGate gate = new JournalGate();
    private final List<String> halts = new ArrayList<>();
    private long free = 10_000 * MB;
    private boolean halted;
    private long nowMs = 1_700_000_000_000L;
    private final JournalSpaceGuard guard = new JournalSpaceGuard(DIR, RESERVE, STOP, () -> free, gate, halts::add,
        () -> halted, counters);

    @Test
    void shouldDoNothingWhileThereIsRoom()
    {
        step(10);

        assertThat(guard.state()).isEqualTo(JournalSpaceGuard.State.OK);
        assertThat(guard.freeBytes()).isEqualTo(10_000 * MB);
        assertThat(halts).isEmpty();
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void shouldHaltOnceBelowTheReserveAndKeepJournaling()
    {
        free = RESERVE - 1;
        step(1);
        halted = true;
        step(20);

        assertThat(guard.state()).isEqualTo(JournalSpaceGuard.State.LOW_SPACE);
        assertThat(halts).containsExactly("journal space: 268435455 bytes free, below journal.min_free_mb " +
            "(268435456 bytes)");
        assertThat(counters.value(EngineCounter.JOURNAL_SPACE_HALTS)).isEqualTo(1);
        assertThat(gate.isOpen()).as("still journaling").isTrue();
        assertThat(guard.status().cause()).isNull();
    }

    @Test
    void shouldHaltAgainWhenTradingIsResumedWhileStillBelowTheReserve()
    {
        free = 100 * MB;
        step(1);
        halted = true;
        step(30);
        assertThat(halts).hasSize(1);

        halted = false;
        step(1);
        assertThat(halts).as("resumed 3 s after the halt: halted again at once").hasSize(2);
        step(JournalSpaceGuard.RE_HALT_INTERVAL_MS / 100 - 1);
        assertThat(halts).as("not before the interval, while the halt is on its way").hasSize(2);
        step(1);
        assertThat(halts).hasSize(3);
        assertThat(counters.value(EngineCounter.JOURNAL_SPACE_HALTS)).isEqualTo(3);
    }

    @Test
    void shouldClearTheStateButNotResumeWhenSpaceIsBack()
    {
        free = 100 * MB;
        step(1);
        free = RESERVE;
        step(1);

        assertThat(guard.state()).isEqualTo(JournalSpaceGuard.State.OK);
        assertThat(halts).hasSize(1);
        free = 100 * MB;
        step(1);
        assertThat(halts).as("a new episode halts again").hasSize(2);
    }

    @Test
    void shouldStopTheJournalForGoodBelowTheStopLimit()
    {
        free = RESERVE - MB;
        step(1);
        free = STOP - 1;
        step(1);

        assertThat(guard.state()).isEqualTo(JournalSpaceGuard.State.STOPPED);
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.cause()).isEqualTo("67108863 bytes free on the disk of " + DIR +
            ", below journal.stop_free_mb (67108864 bytes)");
        assertThat(guard.status().cause()).isEqualTo(gate.cause());
        assertThat(counters.value(EngineCounter.JOURNAL_SPACE_HALTS)).isEqualTo(1);

        free = 10_000 * MB;
        assertThat(guard.check(nowMs)).as("no more work once stopped").isZero();
        assertThat(guard.state()).isEqualTo(JournalSpaceGuard.State.STOPPED);
        assertThat(gate.isOpen()).isFalse();
    }

    @Test
    void shouldStopWithoutAHaltWhenSpaceFallsStraightBelowTheStopLimit()
    {
        free = 0;
        step(1);

        assertThat(guard.state()).isEqualTo(JournalSpaceGuard.State.STOPPED);
        assertThat(halts).as("a halt would be one more record on a full disk").isEmpty();
        assertThat(gate.isOpen()).isFalse();
    }

    @Test
    void shouldChangeNothingWhenTheFreeSpaceIsUnknown()
    {
        free = 100 * MB;
        step(1);
        free = JournalSpaceGuard.UNKNOWN;
        step(20);

        assertThat(guard.state()).isEqualTo(JournalSpaceGuard.State.LOW_SPACE);
        assertThat(halts).hasSize(1);
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void shouldReportAJournalStoppedByAFailedAppend()
    {
        final InternalError fault = new InternalError("a fault occurred in an unsafe memory access operation");
        gate.fail("an append to the journal", fault);
        step(1);

        assertThat(guard.state()).isEqualTo(JournalSpaceGuard.State.STOPPED);
        assertThat(guard.status().cause()).isEqualTo("an append to the journal failed: " + fault);
        assertThat(gate.failure()).isSameAs(fault);
        assertThat(counters.get(EngineCounter.JOURNAL_SPACE_HALTS).get()).isZero();
    }

    @Test
    void shouldPublishItsStateAsAGauge()
    {
        assertThat(gauge()).isZero();
        free = 100 * MB;
        step(1);
        assertThat(gauge()).isEqualTo(1);
        free = 0;
        step(1);
        assertThat(gauge()).isEqualTo(2);
    }

    private long gauge()
    {
        final long[] value = {-1};
        counters.reader().forEach((v, id, label) ->
        {
            if ("journal.state".equals(label))
            {
                value[0] = v;
            }
        });
        return value[0];
    }

    private void step(final long ticks)
    {
        for (long i = 0; i < ticks; i++)
        {
            nowMs += MonitorAgent.TICK_MS;
            guard.check(nowMs);
        }
    }
}
