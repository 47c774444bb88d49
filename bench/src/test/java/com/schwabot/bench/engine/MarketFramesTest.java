package com.schwabot.bench.engine;

import org.junit.jupiter.api.Test;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.Venues;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.tensor.TensorBackend;

import static org.assertj.core.api.Assertions.assertThat;

class MarketFramesTest
{
    private static final int FRAMES = 20_000;

    @Test
    void shouldValidateEveryLapLikeTheFirst()
    {
        final SchwabotConfig config = BenchEngine.defaultConfig();
        final MarketFrames frames = MarketFrames.generate(config, FRAMES, BenchEngine.START_NANOS);
        final EngineCounters counters = new EngineCounters();
        try (TensorBackend backend = BenchEngine.cpuBackend(config))
        {
            final TradingCore core = new TradingCore(config, backend, new EventClock(), new AcceptingOrderSender(),
                Venues.orderDestination(config), counters);
            final Pipeline pipeline = core.pipeline();
            BenchEngine.connect(config, pipeline, BenchEngine.START_NANOS);
            long sequence = 0;
            for (int lap = 0; lap < 3; lap++)
            {
                if (lap > 0)
                {
                    frames.nextLap();
                }
                long previous = Long.MIN_VALUE;
                for (int k = 0; k < frames.count(); k++)
                {
                    assertThat(frames.ingressNanos(k)).isGreaterThanOrEqualTo(previous);
                    previous = frames.ingressNanos(k);
                    pipeline.onFrame(frames.buffer(), frames.offset(k), frames.length(k), frames.ingressNanos(k),
                        frames.source(), ++sequence, (k & 63) == 63);
                }
            }
        }

        assertThat(frames.lap()).isEqualTo(2);
        assertThat(counters.badFrameTotal()).isZero();
        assertThat(counters.validationTotal()).isZero();
        assertThat(counters.value(EngineCounter.INBOUND_FRAMES)).isEqualTo(3L * FRAMES + 2);
        assertThat(counters.value(EngineCounter.MARKET_EVENTS_VALID)).isGreaterThanOrEqualTo(3L * FRAMES);
        assertThat(counters.value(EngineCounter.HANDLER_ERRORS)).isZero();
    }

    @Test
    void shouldGenerateTheSameFramesEveryTime()
    {
        final SchwabotConfig config = BenchEngine.defaultConfig();
        final MarketFrames a = MarketFrames.generate(config, 1000, BenchEngine.START_NANOS);
        final MarketFrames b = MarketFrames.generate(config, 1000, BenchEngine.START_NANOS);

        assertThat(a.totalBytes()).isEqualTo(b.totalBytes());
        assertThat(a.buffer().compareTo(b.buffer())).isZero();
    }
}
