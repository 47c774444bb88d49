package com.schwabot.bench.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.schwabot.config.EnvMapping;

/**
 * Command-line options of {@link LatencyHarness}, with their defaults, and the configuration environment they imply.
 * Every {@code SCHWABOT_*} configuration variable in the process environment applies too (for example
 * {@code SCHWABOT_RISK_PROFILES_CONSERVATIVE_MAX_ORDERS_PER_SECOND}); other variables are ignored.
 */
final class LatencyOptions
{
    static final String USAGE = String.join(System.lineSeparator(),
        "usage: bench/run latency [options]",
        "  --rate N           market-data events per second, fixed schedule; 0 = none, to measure what the",
        "                     threads cost while idle (default 100000)",
        "  --warmup S         seconds of warm-up before measuring (default 10)",
        "  --duration S       seconds measured (default 30)",
        "  --profile P        engine.profile: latency | balanced | low-cpu (default: the configuration's)",
        "  --wait W           business thread wait strategy, overriding the profile's: busy-spin | yielding |",
        "                     sleeping | blocking | wake-on-publish (default: engine.wait_strategy of the",
        "                     configuration)",
        "  --max-orders N     max_orders_per_second of the active risk profile (default: the configuration's)",
        "  --timer-ms N       timer tick interval, 0 for none (default 100, as the engine)",
        "  --frames N         generated frames per lap (default 262144)",
        "  --producer W       how the producer waits for each event's intended time: spin (Thread.onSpinWait,",
        "                     a core of its own) | yield (Thread.yield: the engine's threads may run meanwhile,",
        "                     as they may while a real feed thread waits in epoll); default spin",
        "  --config-dir DIR   configuration directory (default: SCHWABOT_CONFIG_DIR, else the bundled defaults)");

    long rate = 100_000;
    long warmupSeconds = 10;
    long durationSeconds = 30;
    String profile;
    String wait;
    Integer maxOrdersPerSecond;
    long timerMs = 100;
    int frames = 1 << 18;
    boolean producerYields;
    Path configDir;

    /**
     * Parse the arguments.
     *
     * @param args the command line.
     * @return the options.
     * @throws IllegalArgumentException on an unknown option or a bad value.
     */
    static LatencyOptions parse(final String[] args)
    {
        final LatencyOptions options = new LatencyOptions();
        for (int i = 0; i < args.length; i += 2)
        {
            if ("--help".equals(args[i]))
            {
                throw new IllegalArgumentException("options of the engine latency harness");
            }
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            final String value = args[i + 1];
            switch (args[i])
            {
                case "--rate" -> options.rate = notNegative(args[i], value);
                case "--warmup" -> options.warmupSeconds = Long.parseLong(value);
                case "--duration" -> options.durationSeconds = positive(args[i], value);
                case "--profile" -> options.profile = value;
                case "--wait" -> options.wait = value;
                case "--max-orders" -> options.maxOrdersPerSecond = (int)positive(args[i], value);
                case "--timer-ms" -> options.timerMs = Long.parseLong(value);
                case "--frames" -> options.frames = (int)positive(args[i], value);
                case "--config-dir" -> options.configDir = Path.of(value);
                case "--producer" -> options.producerYields = producerYields(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return options;
    }

    /**
     * The configuration variables from the process environment plus the profile and wait strategy options.
     *
     * @return variable name to value.
     */
    Map<String, String> environment()
    {
        final Map<String, String> env = new HashMap<>();
        final Map<String, EnvMapping.Target> known = EnvMapping.table();
        System.getenv().forEach((name, value) ->
        {
            if (known.containsKey(name) || EnvMapping.CONFIG_DIR.equals(name))
            {
                env.put(name, value);
            }
        });
        if (null != profile)
        {
            env.put("SCHWABOT_ENGINE_PROFILE", profile);
        }
        if (null != wait)
        {
            env.put("SCHWABOT_ENGINE_WAIT_STRATEGY", wait);
        }
        return env;
    }

    private static boolean producerYields(final String value)
    {
        return switch (value)
        {
            case "spin" -> false;
            case "yield" -> true;
            default -> throw new IllegalArgumentException("--producer must be spin or yield: " + value);
        };
    }

    private static long notNegative(final String name, final String value)
    {
        final long parsed = Long.parseLong(value);
        if (parsed < 0)
        {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return parsed;
    }

    private static long positive(final String name, final String value)
    {
        final long parsed = Long.parseLong(value);
        if (parsed <= 0)
        {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return parsed;
    }
}
