package com.schwabot.engine;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.FrameStatus;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.venue.Sources;
import com.schwabot.journal.Journal;
import com.schwabot.journal.ProblemKind;
import com.schwabot.journal.VerifyReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed, truncated, unknown and oversized frames reach the running engine the way a feed hands them over: each
 * is counted by what is wrong with it and skipped (journaled where it fitted a slot, so that verify points at it),
 * and the engine goes on trading.
 */
class EngineBadFramesTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCountAndSkipBadFramesAndKeepTrading() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults();
        final Engine engine = Engine.start(config, dir.resolve("journal"), new LiveVenues(null));
        final long source = Sources.source(Sources.VENUE_SIMULATOR, 1);
        try
        {
            waitForOrdersAbove(engine, 0);
            final UnsafeBuffer bytes = new UnsafeBuffer(new byte[Engine.SLOT_CAPACITY + 100]);
            final SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < bytes.capacity(); i++)
            {
                bytes.putByte(i, (byte)random.nextInt(256));
            }
            final long now = System.currentTimeMillis() * 1_000_000L;
            engine.inputRing().onMarketData(source, bytes, 0, 5, now);
            bytes.putShort(4, (short)777, java.nio.ByteOrder.LITTLE_ENDIAN);
            engine.inputRing().onMarketData(source, bytes, 0, 200, now);
            final BinanceFrames frames = new BinanceFrames().trades("BTCUSDT", now / 1000, 1, 6_500_000, 10);
            engine.inputRing().onMarketData(source, frames.buffer(), 0, frames.length() - 4, now);
            assertThat(engine.inputRing().onMarketData(source, bytes, 0, Engine.SLOT_CAPACITY + 1, now)).isFalse();
            final long orders = engine.counters().value(EngineCounter.ORDERS_SENT);
            waitForOrdersAbove(engine, orders);
        }
        finally
        {
            engine.close();
        }
        final EngineCounters counters = engine.counters();
        assertThat(counters.badFrame(FrameStatus.TRUNCATED_HEADER).get()).isEqualTo(1);
        assertThat(counters.badFrame(FrameStatus.UNKNOWN_SCHEMA).get()).isEqualTo(1);
        assertThat(counters.badFrameTotal()).isEqualTo(3);
        assertThat(counters.value(EngineCounter.OVERSIZED_DROPS)).isEqualTo(1);
        assertThat(counters.value(EngineCounter.HANDLER_ERRORS)).isZero();
        try (Journal journal = Journal.openReadOnly(dir.resolve("journal")))
        {
            final VerifyReport report = journal.verify();
            assertThat(report.problems()).allMatch((p) ->
                p.kind() == ProblemKind.PAYLOAD_TOO_SHORT || p.kind() == ProblemKind.BLOCK_LENGTH_OVERFLOW);
            assertThat(report.hasProblem(ProblemKind.PAYLOAD_TOO_SHORT)).isTrue();
            assertThat(report.problemCount()).isBetween(1L, 3L);
        }
    }

    private static void waitForOrdersAbove(final Engine engine, final long orders) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (engine.counters().value(EngineCounter.ORDERS_SENT) <= orders)
        {
            assertThat(System.currentTimeMillis()).as("no new order within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
