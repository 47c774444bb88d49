package com.schwabot.bench.engine;

import java.nio.file.Path;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ConnectionStateEncoder;
import com.schwabot.codecs.sbe.LinkState;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.config.ConfigException;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.JournalConfig;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.Engine;
import com.schwabot.engine.Venues;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.journal.JournalContext;
import com.schwabot.tensor.BackendMode;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorBackends;
import com.schwabot.tensor.TensorCapacity;

/**
 * What the engine benchmarks share: the configuration, the CPU tensor backend, the journal settings of a live
 * engine, and the connection-state frames that tell a fresh core its feed and gateway are up (so that the risk gate
 * lets orders through).
 */
public final class BenchEngine
{
    /** Epoch nanoseconds of the first generated frame: 2023-11-14T22:13:20Z. */
    public static final long START_NANOS = 1_700_000_000_000_000_000L;

    private BenchEngine()
    {
    }

    /**
     * The bundled default configuration, with no environment.
     *
     * @return the configuration.
     */
    public static SchwabotConfig defaultConfig()
    {
        return load(null, Map.of());
    }

    /**
     * A configuration.
     *
     * @param configDir   directory of the files, or null for the bundled defaults.
     * @param environment SCHWABOT_* overrides.
     * @return the configuration.
     * @throws IllegalArgumentException listing what is wrong with it.
     */
    public static SchwabotConfig load(final Path configDir, final Map<String, String> environment)
    {
        try
        {
            return ConfigLoader.load(configDir, environment);
        }
        catch (final ConfigException ex)
        {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }

    /**
     * The CPU tensor backend, sized as {@code TradingCore.backend} sizes it, whatever {@code tensor.backend} says:
     * the benchmarks measure the CPU path.
     *
     * @param config the configuration.
     * @return the backend; the caller closes it.
     */
    public static TensorBackend cpuBackend(final SchwabotConfig config)
    {
        return TensorBackends.create(BackendMode.CPU, new TensorCapacity(
            Math.max(config.tensor().maxInstruments(), config.instruments().size()),
            config.tensor().featureCount(), 1, 1, 1));
    }

    /**
     * The journal settings {@code Engine} uses ({@link Engine#journalContext}).
     *
     * @param config    the configuration.
     * @param directory of the journal.
     * @return the context.
     */
    public static JournalContext journalContext(final SchwabotConfig config, final Path directory)
    {
        return Engine.journalContext(config, directory);
    }

    /**
     * The journal section with another {@code pretouch_mb}.
     *
     * @param journal    the section.
     * @param pretouchMb MiB to keep touched ahead; negative for the section's own.
     * @return the section to use.
     */
    public static JournalConfig withPretouch(final JournalConfig journal, final int pretouchMb)
    {
        return pretouchMb < 0 ? journal : new JournalConfig(journal.dir(), journal.rollCycle(), journal.blockSizeMb(),
            journal.retainCycles(), journal.minFreeMb(), journal.stopFreeMb(), pretouchMb);
    }

    /**
     * Feed a core the two connection-up frames a live run starts with (market data, then order entry).
     *
     * @param config   the configuration (the venue's sources).
     * @param pipeline the core's pipeline.
     * @param nanos    time of the frames.
     */
    public static void connect(final SchwabotConfig config, final Pipeline pipeline, final long nanos)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final ConnectionStateEncoder encoder = new ConnectionStateEncoder();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final long[] sources = {Venues.marketDataSource(config), Venues.orderDestination(config)};
        final Channel[] channels = {Channel.MARKET_DATA, Channel.ORDER_ENTRY};
        for (int i = 0; i < sources.length; i++)
        {
            encoder.wrapAndApplyHeader(buffer, 0, header)
                .timeNs(nanos).sourceId(sources[i]).channel(channels[i]).state(LinkState.UP);
            pipeline.onFrame(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(), nanos,
                sources[i], 0, i == sources.length - 1);
        }
    }
}
