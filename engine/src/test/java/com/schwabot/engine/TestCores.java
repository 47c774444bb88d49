package com.schwabot.engine;

import java.util.Map;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ConnectionStateEncoder;
import com.schwabot.codecs.sbe.LinkState;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.TimerEncoder;
import com.schwabot.config.ConfigException;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.venue.Sources;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

/**
 * Test support: trading cores on the bundled default configuration with the CPU backend, and engine frames.
 */
public final class TestCores
{
    /** Destination of orders in tests. */
    public static final long DESTINATION = Sources.source(Sources.VENUE_SIMULATOR, 2);

    private TestCores()
    {
    }

    /**
     * The bundled default configuration, no environment.
     *
     * @return the configuration.
     */
    public static SchwabotConfig defaults()
    {
        return defaults(Map.of());
    }

    /**
     * The bundled defaults with environment overrides.
     *
     * @param environment {@code SCHWABOT_*} overrides.
     * @return the configuration.
     */
    public static SchwabotConfig defaults(final Map<String, String> environment)
    {
        try
        {
            return ConfigLoader.load(null, environment);
        }
        catch (final ConfigException ex)
        {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }

    /**
     * A core on the defaults.
     *
     * @param sender   where orders go.
     * @param counters counters.
     * @return the core.
     */
    public static TradingCore core(final OrderSender sender, final EngineCounters counters)
    {
        return core(defaults(), sender, counters);
    }

    /**
     * A core on a configuration.
     *
     * @param config   the configuration.
     * @param sender   where orders go.
     * @param counters counters.
     * @return the core.
     */
    public static TradingCore core(final SchwabotConfig config, final OrderSender sender, final EngineCounters counters)
    {
        return new TradingCore(config, new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)), new EventClock(),
            sender, DESTINATION, counters);
    }

    /**
     * Encode a connection state frame.
     *
     * @param buffer  to write into at 0.
     * @param channel market data or order entry.
     * @param up      state.
     * @param nanos   time.
     * @return the frame length.
     */
    public static int connection(
        final MutableDirectBuffer buffer, final Channel channel, final boolean up, final long nanos)
    {
        final ConnectionStateEncoder e = new ConnectionStateEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(nanos).sourceId(DESTINATION).channel(channel).state(up ? LinkState.UP : LinkState.DOWN);
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    /**
     * Encode a timer frame.
     *
     * @param buffer to write into at 0.
     * @param nanos  time.
     * @return the frame length.
     */
    public static int timer(final MutableDirectBuffer buffer, final long nanos)
    {
        final TimerEncoder e = new TimerEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timerId(1).deadlineNs(nanos).timeNs(nanos);
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    /**
     * Feed both connections up into a core.
     *
     * @param core  the core.
     * @param nanos time.
     */
    public static void connect(final TradingCore core, final long nanos)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        int length = connection(buffer, Channel.MARKET_DATA, true, nanos);
        core.pipeline().onFrame(buffer, 0, length, nanos, DESTINATION, 1, false);
        length = connection(buffer, Channel.ORDER_ENTRY, true, nanos);
        core.pipeline().onFrame(buffer, 0, length, nanos, DESTINATION, 2, true);
    }
}
