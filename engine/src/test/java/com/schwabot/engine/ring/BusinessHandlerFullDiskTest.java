package com.schwabot.engine.ring;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.EventLatency;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;
import com.schwabot.journal.Tmpfs;
import com.schwabot.journal.VerifyReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The defensive path: the business thread's handler appending to a journal on a real file system that is full, with
 * no journal space guard in front (a 16 MiB tmpfs filled to its last 256 KiB; skipped where it cannot be mounted),
 * driven as the Disruptor drives it, with the engine's exception handler for what escapes. The append that meets the
 * full disk faults on a mapped page (the JVM's {@link InternalError}); the thread must not die nor go on trading: that
 * failure is counted once, the gate is stopped, and every later event is refused (neither journaled nor acted on).
 * Once there is room again, the journal verifies with the events the pipeline acted on, but the last one may be torn:
 * the fault is reported asynchronously, after Chronicle committed the record, and with Chronicle's assertions off (as
 * the engine runs) in the next append, so the event whose append returned last, and which was acted on, is the torn
 * record (see the journal's {@code JournalFullDiskTest}); verify reports it at the last index. That is why the journal
 * space guard stops the journal with room to spare instead of relying on this path.
 * <p>
 * The JVM raises that error asynchronously, at the thread's next check for it, which can lie after the handler has
 * returned: two full builds in six saw it raised in the market's random number generator, outside any catch. A yield
 * inside the handler's try gives the check a place there, as the journal's {@code JournalFullDiskTest} does, and an
 * error raised later still is caught around the whole step, as the Disruptor's processor catches around its whole
 * batch loop ({@link HandlerDriver}). Neither makes the test deterministic: when the fault's page lies at the end of a
 * mapped block, the next append moves to the next block and Chronicle releases the old one, whose native call raises
 * the error inside Chronicle's resource releaser, which logs it ("Failed in release/close") and goes on; and where the
 * error lands inside the JDK's file channel code, closing the journal hangs for good (twice in two runs of 400
 * repetitions, 2026-12-07). Hence the journal space guard, and hence this test runs only when asked
 * ({@code -Pfuzz}, or {@code -Dschwabot.fulldisk.unguarded=true}) under a time limit; {@code BusinessHandlerFaultTest}
 * checks the same handling, deterministically, in every build.
 */
class BusinessHandlerFullDiskTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final int MOST_STEPS = 200_000;

    @TempDir
    Path dir;

    private final HandlerDriver driver = new HandlerDriver(true);
    private final EngineCounters counters = driver.counters();
    private final JournalGate gate = driver.gate();

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldStopJournalingAtTheFirstFailedAppendAndRefuseEveryEventAfterIt() throws Exception
    {
        assumeTrue(Boolean.getBoolean("schwabot.fulldisk.unguarded"), "the unguarded full-disk test can hang in the " +
            "JDK (see its javadoc): it runs with -Pfuzz or -Dschwabot.fulldisk.unguarded=true");
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 16))
        {
            final Path journalDir = disk.directory().resolve("journal");
            final TradingCore core = TestCores.core((buffer, offset, length, id, destination) -> true, counters);
            final SyntheticMarket market = new SyntheticMarket(7, T0);
            final long journaled;
            try (Journal journal = Journal.open(new JournalContext().directory(journalDir)))
            {
                driver.drive(new BusinessHandler(null, journal.appender(), core.pipeline(), counters,
                    EventLatency.NONE, gate));
                driver.connect(T0);
                market.run(1_000, driver::feed);
                assertThat(gate.isOpen()).isTrue();

                disk.fillTo(256 * 1024);
                for (int i = 0; i < MOST_STEPS && gate.isOpen(); i++)
                {
                    driver.step(market);
                }
                assertThat(gate.isOpen()).as("the disk filled up within %d steps", MOST_STEPS).isFalse();
                assertThat(gate.failure()).as(gate.cause()).isInstanceOf(InternalError.class);
                assertThat(counters.value(EngineCounter.JOURNAL_FAILURES) +
                    counters.value(EngineCounter.HANDLER_ERRORS)).as("the failure, counted once").isEqualTo(1);

                final long handled = counters.value(EngineCounter.INBOUND_FRAMES);
                final long refused = counters.value(EngineCounter.JOURNAL_REFUSED);
                market.run(100, driver::feed);
                assertThat(counters.value(EngineCounter.INBOUND_FRAMES)).as("nothing acted on").isEqualTo(handled);
                assertThat(counters.value(EngineCounter.JOURNAL_REFUSED)).isGreaterThanOrEqualTo(refused + 100);
                journaled = journal.appender().lastSequence();
                assertThat(journaled).as("every frame acted on was journaled").isEqualTo(handled);
            }
            disk.resize(32);
            try (Journal journal = Journal.openReadOnly(journalDir))
            {
                final VerifyReport report = journal.verify();
                assertThat(report.validRecordCount()).as(report.describe()).isBetween(journaled - 1, journaled + 1);
                assertThat(report.problems()).as("at most the record in flight, torn")
                    .allMatch((problem) -> problem.index() == journal.lastIndex()).hasSizeLessThanOrEqualTo(1);
            }
        }
    }
}
