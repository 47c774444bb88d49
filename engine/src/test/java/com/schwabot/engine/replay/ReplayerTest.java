package com.schwabot.engine.replay;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.journal.JournalContext;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayerTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    private void writeMarketJournal(final Path journalDir, final long seed, final int steps)
    {
        try (Journal journal = Journal.open(new JournalContext().directory(journalDir)))
        {
            final JournalAppender appender = journal.appender();
            new SyntheticMarket(seed, T0).run(steps, (buffer, length, nanos) ->
                appender.append(buffer, 0, length, nanos, 1L << 32, JournalFlags.END_OF_BATCH));
        }
    }

    private static ReplayResult replay(final Path journalDir, final EngineCounters counters)
    {
        final Replayer replayer = new Replayer(
            TestCores.defaults(), new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)), counters);
        return replayer.replay(journalDir);
    }

    @Test
    void shouldBacktestAMarketDataJournalWithSimulatedFillsAndTheSameDigestEveryTime()
    {
        final Path journalDir = dir.resolve("journal");
        writeMarketJournal(journalDir, 7, 40_000);

        final EngineCounters first = new EngineCounters();
        final ReplayResult a = replay(journalDir, first);
        final ReplayResult b = replay(journalDir, new EngineCounters());

        assertThat(a.simulated()).isTrue();
        assertThat(a.outbound()).isZero();
        assertThat(a.reproduced()).isFalse();
        assertThat(a.inbound()).isEqualTo(a.records()).isGreaterThan(40_000);
        assertThat(a.ordersSent()).isGreaterThan(0);
        assertThat(first.value(EngineCounter.FILLS)).isGreaterThan(0);
        assertThat(first.value(EngineCounter.HANDLER_ERRORS)).isZero();
        assertThat(b.digest()).isEqualTo(a.digest());
        assertThat(b.ordersSent()).isEqualTo(a.ordersSent());
        assertThat(b.pnl()).isEqualTo(a.pnl());
        assertThat(a.learningUpdates()).isGreaterThan(0);
        assertThat(b.learningUpdates()).isEqualTo(a.learningUpdates());
        assertThat(b.weights()).containsExactly(a.weights());
    }

    @Test
    void shouldGiveADifferentDigestForADifferentMarket()
    {
        final Path one = dir.resolve("one");
        final Path two = dir.resolve("two");
        writeMarketJournal(one, 7, 20_000);
        writeMarketJournal(two, 8, 20_000);

        final ReplayResult a = replay(one, new EngineCounters());
        final ReplayResult b = replay(two, new EngineCounters());

        assertThat(a.ordersSent()).isGreaterThan(0);
        assertThat(b.ordersSent()).isGreaterThan(0);
        assertThat(a.digest()).isNotEqualTo(b.digest());
    }
}
