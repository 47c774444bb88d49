package com.schwabot.engine.ring;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.EventLatency;
import com.schwabot.engine.order.OrderSender;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business thread's two defences against a failure it cannot trade through, each made to happen at a known event
 * (the full-disk fault that motivates them arrives asynchronously: {@code BusinessHandlerFullDiskTest}): an append
 * that throws is caught by the handler, and an {@code Error} that escapes the handler reaches the engine's exception
 * handler, as the Disruptor delivers it. Either way the failure is counted once, the gate stops, and every later event
 * is refused: neither journaled nor acted on.
 */
class BusinessHandlerFaultTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    private final HandlerDriver driver = new HandlerDriver(false);
    private final EngineCounters counters = driver.counters();
    private final JournalGate gate = driver.gate();
    private final SyntheticMarket market = new SyntheticMarket(7, T0);

    @Test
    void shouldStopAtAnAppendThatThrowsAndRefuseEveryLaterEvent()
    {
        final TradingCore core = TestCores.core((buffer, offset, length, id, destination) -> true, counters);
        final Journal journal = Journal.open(new JournalContext().directory(dir.resolve("journal")));
        driver.drive(new BusinessHandler(null, journal.appender(), core.pipeline(), counters, EventLatency.NONE,
            gate));
        driver.connect(T0);
        market.run(1_000, driver::feed);
        assertThat(gate.isOpen()).isTrue();
        final long handled = counters.value(EngineCounter.INBOUND_FRAMES);
        final long journaled = journal.appender().lastSequence();
        assertThat(journaled).isEqualTo(handled);

        journal.close();
        market.run(1, driver::feed);

        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.cause()).contains("an append to the journal");
        assertThat(counters.value(EngineCounter.JOURNAL_FAILURES)).isOne();
        assertThat(counters.value(EngineCounter.HANDLER_ERRORS)).isZero();
        assertRefusesEverything(handled);
        try (Journal reopened = Journal.openReadOnly(dir.resolve("journal")))
        {
            assertThat(reopened.verify().validRecordCount()).isEqualTo(journaled);
        }
    }

    @Test
    void shouldStopAtAnErrorEscapingTheHandlerAndRefuseEveryLaterEvent()
    {
        final int[] sent = new int[1];
        final OrderSender faulting = (buffer, offset, length, id, destination) ->
        {
            sent[0]++;
            throw new InternalError("a fault occurred in a recent unsafe memory access operation");
        };
        final TradingCore core = TestCores.core(faulting, counters);
        try (Journal journal = Journal.open(new JournalContext().directory(dir.resolve("journal"))))
        {
            driver.drive(new BusinessHandler(null, journal.appender(), core.pipeline(), counters,
                EventLatency.NONE, gate));
            driver.connect(T0);
            for (int i = 0; i < 200_000 && 0 == sent[0]; i++)
            {
                market.run(1, driver::feed);
            }
            assertThat(sent[0]).as("the core decided to send an order").isOne();

            assertThat(gate.isOpen()).isFalse();
            assertThat(gate.failure()).isInstanceOf(InternalError.class);
            assertThat(counters.value(EngineCounter.HANDLER_ERRORS)).isOne();
            assertThat(counters.value(EngineCounter.JOURNAL_FAILURES)).isZero();
            final long handled = counters.value(EngineCounter.INBOUND_FRAMES);
            final long journaled = journal.appender().lastSequence();
            assertThat(journaled).as("the event whose order failed was journaled before it was acted on")
                .isEqualTo(handled);
            assertRefusesEverything(handled);
            assertThat(journal.appender().lastSequence()).as("nothing journaled after the stop").isEqualTo(journaled);
            assertThat(sent[0]).as("no order after the stop").isOne();
        }
    }

    private void assertRefusesEverything(final long handled)
    {
        final long refused = counters.value(EngineCounter.JOURNAL_REFUSED);
        market.run(1_000, driver::feed);
        assertThat(counters.value(EngineCounter.INBOUND_FRAMES)).as("nothing acted on").isEqualTo(handled);
        assertThat(counters.value(EngineCounter.JOURNAL_REFUSED)).isGreaterThanOrEqualTo(refused + 1_000);
    }
}
