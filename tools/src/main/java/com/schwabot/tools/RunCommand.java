package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.EnvMapping;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.config.ShellWords;
import com.schwabot.config.secret.KeySource;
import com.schwabot.config.secret.Secret;
import com.schwabot.config.secret.SecretStore;
import com.schwabot.config.secret.SecretStoreException;
import com.schwabot.engine.Engine;
import com.schwabot.engine.LiveVenues;
import com.schwabot.engine.MonitoringOptions;
import com.schwabot.engine.http.AdminToken;
import com.schwabot.engine.monitor.CountersFile;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.StatusLine;
import com.schwabot.engine.persist.PersistenceService;
import com.schwabot.engine.stage.OrderStage;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalDamagedException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot run}: starts the engine against the embedded simulator (or a running {@code schwabot sim} with
 * {@code --simulator}, or the venue the configuration enables),
 * prints a one-line live status every status interval, stops cleanly on Ctrl-C or after {@code --duration}, leaves
 * its journal under the data directory and ends by printing the digest of the order stream it sent.
 * <p>
 * While it runs: the counters file {@code DATA_DIR/data/cnc/counters.dat} ({@code schwabot stat}), the monitoring
 * HTTP server on {@code monitoring.http_host:http_port} (its URL is printed), JSON logs and the audit log of admin
 * actions under {@code logging.dir}. Admin actions need a token of at least 16 bytes: the api_keys.yaml plain
 * secret named by {@code monitoring.admin_token_name}, or {@code SCHWABOT_ADMIN_TOKEN}, which wins.
 * <p>
 * A full disk under the journal: below {@code journal.min_free_mb} the engine halts trading (the status line says
 * {@code HALTED ALERTS=journal}); below {@code journal.stop_free_mb}, or when an append fails, the engine stops
 * journaling and this command stops the run as after Ctrl-C, prints the summary, and exits with {@link ExitCodes#IO}
 * and one line saying why. A venue the engine tried and never reached during the whole run (the feed and the gateway
 * retry with backoff, so the run goes on) is reported after the summary, exit {@link ExitCodes#FAILURE}.
 */
@Command(
    name = "run",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        ExitCodes.OK_HELP, "1:the engine could not start (a port in use, another engine running with the " +
            "data directory, the journal's disk below journal.stop_free_mb), or a venue was never reached during " +
            "the run (it retries until stopped)",
        ExitCodes.USAGE_HELP, ExitCodes.CONFIG_HELP, ExitCodes.SECRETS_HELP,
        ExitCodes.IO + ":I/O: unusable databases, or the journal stopped while running (its disk fell below " +
            "journal.stop_free_mb, or an append failed; the journal ends on its last whole record)",
        ExitCodes.SIGINT_HELP + " (the summary and digest printed first)", ExitCodes.SIGTERM_HELP },
    description = {
        "Run the engine on the configuration (the bundled defaults trade against the embedded simulator).",
        "Prints a status line every monitoring.status_interval_ms, stops on Ctrl-C or after --duration, keeps " +
            "its journal under the data directory and ends with the digest of the order stream it sent.",
        "While running: counters in DATA_DIR/data/cnc (schwabot stat), the monitoring server at " +
            "monitoring.http_host:http_port (dashboard, /health, /metrics, /status; POST /halt and /resume with " +
            "the bearer token: the api_keys.yaml secret monitoring.admin_token_name, or SCHWABOT_ADMIN_TOKEN), " +
            "JSON logs and audit.log under logging.dir." })
public final class RunCommand implements Callable<Integer>
{
    private static final long SHUTDOWN_WAIT_MS = 30_000;
    /** Directory of the counters file under the data directory; {@code schwabot stat}'s default. */
    static final String COUNTERS_DIR = "data/cnc";

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    DurationOption runFor;

    @Option(
        names = "--venue",
        paramLabel = "VENUE",
        description = "simulator (the embedded exchange simulator, default from config) or binance (Binance's SBE " +
            "market-data streams at venues.binance.ws_endpoint, with the API key named by venues.binance." +
            "api_key_name; order entry to Binance is not implemented: the engine observes and decides but sends " +
            "no order).")
    String venue;

    @Option(
        names = "--simulator",
        paramLabel = "HOST:MD_PORT:ORDER_PORT",
        description = "Trade on a simulator already running (schwabot sim, which prints this argument) instead of " +
            "starting the embedded one: venues.simulator.embedded false, its host, market_data_port and order_port.")
    String simulator;

    @Option(
        names = "--binance-endpoint",
        paramLabel = "URL",
        description = "The Binance SBE stream endpoint (overrides venues.binance.ws_endpoint), e.g. " +
            "wss://stream-sbe.binance.com:9443/ws.")
    String binanceEndpoint;

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        defaultValue = ".",
        description = "Base directory of the relative paths in the configuration (journal.dir, " +
            "tensor.cache_dir, persistence.sqlite_dir, logging.dir). Default: the current directory.")
    Path dataDir;

    /**
     * Load and validate the configuration, then {@link #run}.
     *
     * @return the exit status.
     */
    public Integer call()
    {
        final CliContext context = SchwabotCli.context(spec);
        final SchwabotConfig config = configOptions.load(context, venueOverrides());
        if (!hasVenue(config))
        {
            throw new CliException(ExitCodes.CONFIG, NO_VENUE);
        }
        if (null != binanceEndpoint && !config.venues().binance().enabled())
        {
            throw new CliException(ExitCodes.USAGE, "--binance-endpoint " + binanceEndpoint + ": Binance is not " +
                "enabled, so the run would not use it: add --venue binance (or set venues.binance.enabled: true)");
        }
        return run(config, dataDir, runFor.duration, context.environment(), spec.commandLine().getOut());
    }

    /** Why a configuration with no venue enabled cannot run (valid for a backtest, an import or a replay). */
    static final String NO_VENUE = "config.yaml: venues.simulator.enabled = false and venues.binance.enabled = " +
        "false: run needs one of them true, otherwise there is nothing to trade (replay, import and the other " +
        "commands need no venue)";

    /**
     * Whether a configuration enables a venue to trade on.
     *
     * @param config the configuration.
     * @return true when the simulator or Binance is enabled.
     */
    static boolean hasVenue(final SchwabotConfig config)
    {
        return config.venues().simulator().enabled() || config.venues().binance().enabled();
    }

    /**
     * Start the engine on the configuration (the bundled defaults: against the embedded simulator), print the live
     * status line every {@code monitoring.status_interval_ms}, stop on Ctrl-C or after {@code duration}, and end
     * with a summary and the digest of the order stream sent.
     *
     * @param config      the validated configuration.
     * @param dataDir     base directory of the relative paths in the configuration.
     * @param duration    how long to run, or null to run until stopped.
     * @param environment the environment (the admin token).
     * @param out         standard output.
     * @return the exit status, see {@link ExitCodes}.
     */
    int run(final SchwabotConfig config, final Path dataDir, final Duration duration,
        final Map<String, String> environment, final PrintWriter out)
    {
        refuseWhileAnotherEngineRuns(dataDir);
        final Path journalDir = resolve(dataDir, config.journal().dir());
        final Path logDir = resolve(dataDir, config.logging().dir());
        final MonitoringOptions monitoring = new MonitoringOptions()
            .countersDirectory(resolve(dataDir, Path.of(COUNTERS_DIR)))
            .httpServer(true)
            .adminToken(adminToken(config, environment))
            .auditLog(logDir.resolve("audit.log"));
        final RunLogging logging = RunLogging.install(logDir, config.logging().level());
        try
        {
            return run(config, journalDir, monitoring, duration, out);
        }
        finally
        {
            if (null != logging)
            {
                logging.close();
            }
            if (null != monitoring.adminToken())
            {
                monitoring.adminToken().wipe();
            }
        }
    }

    private int run(final SchwabotConfig config, final Path journalDir, final MonitoringOptions monitoring,
        final Duration duration, final PrintWriter out)
    {
        final LiveVenues venues = new LiveVenues(binanceApiKey(config));
        final CountDownLatch stop = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);
        final Thread hook = new Thread(() ->
        {
            stop.countDown();
            awaitQuietly(stopped, SHUTDOWN_WAIT_MS);
        }, "schwabot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Engine engine = null;
        PersistenceService persistence = null;
        try
        {
            JournalFiles.requireWhole(journalDir, "the engine could not start: ");
            JournalFiles.warnRollCycle(journalDir, config.journal().rollCycle(), spec.commandLine().getErr());
            final long journalEnd = RunPersistence.journalEnd(journalDir); // persistence: the run starts after this
            RunPersistence.check(config, dataDir, journalDir);
            engine = start(config, journalDir, resolve(dataDir, config.tensor().cacheDir()), venues, monitoring);
            persistence = RunPersistence.start(engine, config, dataDir, journalEnd);
            out.println("# schwabot run: journal " + journalDir + ", tensor backend " + engine.backendName() +
                ", engine profile " + config.engine().profile().label() +
                (null == duration ? ", until Ctrl-C" : ", for " + duration));
            if (null != engine.warmupSummary())
            {
                out.println("# " + engine.warmupSummary());
            }
            if (engine.recoveredFrom() > 0)
            {
                out.println("# recovered the session begun at journal sequence " + engine.recoveredFrom() + ": " +
                    engine.recoveredEvents() + " events replayed (positions, orders, risk state); working orders " +
                    "canceled with the old connections (engine.recover_on_start); " +
                    (engine.resumeAfterExecId() == OrderStage.NO_EXEC_ID ? "the venue starts a new session" :
                    "the venue resends its reports after exec id " + engine.resumeAfterExecId()));
            }
            out.println("# monitoring " + engine.httpServer().url() + " (dashboard; /health /metrics /status; " +
                (null == monitoring.adminToken() ? "admin disabled: add the token with schwabot keys add " +
                config.monitoring().adminTokenName() + ", or set " + EnvMapping.ADMIN_TOKEN :
                "POST /halt /resume with the bearer token") + ")");
            out.println("# counters " + monitoring.countersDirectory().resolve(CountersFile.FILE_NAME) +
                " (schwabot stat --dir " + ShellWords.quote(monitoring.countersDirectory()) + ")");
            out.println("# logs " + monitoring.auditLog().getParent() + " (" + RunLogging.FILE_NAME +
                ", audit.log)");
            out.flush();
            loop(engine, config, duration, stop, out);
        }
        finally
        {
            if (null != engine)
            {
                engine.close();
            }
            if (null != persistence)
            {
                persistence.close(); // after the engine: catches up with the run's last records
            }
            if (null != engine)
            {
                printSummary(engine, journalDir, out);
            }
            stopped.countDown();
            removeHook(hook);
        }
        final String journalStop = engine.journalStopCause();
        if (null != journalStop)
        {
            throw new CliException(ExitCodes.IO, journalStopMessage(journalDir, journalStop));
        }
        final List<String> unreached = venues.neverReached();
        if (!unreached.isEmpty())
        {
            throw new CliException(ExitCodes.FAILURE, "the venue was never reached: " + String.join(", ", unreached) +
                "; the engine kept retrying until it stopped (is the venue running, at that address?)");
        }
        return ExitCodes.OK;
    }

    /**
     * What to say when the journal stopped the run. A file that makes the journal unwritable (one named after no
     * cycle, such as a copy saved in the directory while the engine ran, fails Chronicle's next roll) is named with
     * what to do about it; otherwise the likely cause is the disk.
     *
     * @param journalDir the run's journal.
     * @param cause      why the journal stopped ({@code Engine.journalStopCause()}).
     * @return the message.
     */
    static String journalStopMessage(final Path journalDir, final String cause)
    {
        final String stopped = "the journal stopped: " + cause + "; the run stopped and the journal ends on its last " +
            "whole record";
        try
        {
            Journal.requireWhole(journalDir);
        }
        catch (final JournalDamagedException ex)
        {
            return stopped + "; " + ex.getMessage() + "; then run again: the session continues, halted if it was " +
                "(POST /resume)";
        }
        return stopped + " (check it: schwabot journal verify " + ShellWords.quote(journalDir) + "); free space, " +
            "then run again: the session continues, halted if it was (POST /resume)";
    }

    /**
     * An engine running with the same data directory holds its counters file (alive, heartbeat recent), its journal
     * and its databases' lock: say that, before the checks of what they hold find one of them in use.
     */
    private static void refuseWhileAnotherEngineRuns(final Path dataDir)
    {
        final long pid = CountersFile.activeEnginePid(resolve(dataDir, Path.of(COUNTERS_DIR)),
            System.currentTimeMillis());
        if (CountersFile.NO_ACTIVE_ENGINE != pid)
        {
            throw new CliException(ExitCodes.FAILURE, "the engine could not start: another engine (pid " + pid +
                ") is running with the data directory " + dataDir.toAbsolutePath().normalize() +
                ": stop it first, or give this run another --data-dir");
        }
    }

    private Map<String, Map<String, String>> venueOverrides()
    {
        final Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        if (null != venue)
        {
            final boolean binance = "binance".equalsIgnoreCase(venue);
            if (!binance && !"simulator".equalsIgnoreCase(venue))
            {
                throw new CliException(ExitCodes.USAGE, "--venue " + venue + ": must be simulator or binance");
            }
            if (binance && null != simulator)
            {
                throw new CliException(ExitCodes.USAGE, "--venue " + venue + " and --simulator " + simulator +
                    " name two venues: give one");
            }
            overrides.put("--venue " + venue, Map.of("SCHWABOT_VENUES_BINANCE_ENABLED", Boolean.toString(binance),
                "SCHWABOT_VENUES_SIMULATOR_ENABLED", Boolean.toString(!binance)));
        }
        if (null != simulator)
        {
            final String[] parts = simulator.split(":");
            if (parts.length != 3 || parts[0].isEmpty() || !parts[1].matches("[0-9]{1,5}") ||
                !parts[2].matches("[0-9]{1,5}"))
            {
                throw new CliException(ExitCodes.USAGE, "--simulator " + simulator +
                    ": must be HOST:MARKET_DATA_PORT:ORDER_PORT, e.g. 127.0.0.1:9001:9002");
            }
            overrides.put("--simulator " + simulator, Map.of(
                "SCHWABOT_VENUES_BINANCE_ENABLED", "false",
                "SCHWABOT_VENUES_SIMULATOR_ENABLED", "true",
                "SCHWABOT_VENUES_SIMULATOR_EMBEDDED", "false",
                "SCHWABOT_VENUES_SIMULATOR_HOST", parts[0],
                "SCHWABOT_VENUES_SIMULATOR_MARKET_DATA_PORT", parts[1],
                "SCHWABOT_VENUES_SIMULATOR_ORDER_PORT", parts[2]));
        }
        if (null != binanceEndpoint)
        {
            overrides.put("--binance-endpoint " + binanceEndpoint,
                Map.of("SCHWABOT_VENUES_BINANCE_WS_ENDPOINT", binanceEndpoint));
        }
        return overrides;
    }

    private static Engine start(final SchwabotConfig config, final Path journalDir, final Path cacheDir,
        final LiveVenues venues, final MonitoringOptions monitoring)
    {
        try
        {
            return Engine.start(config, journalDir, cacheDir, venues, monitoring);
        }
        catch (final CliException ex)
        {
            throw ex;
        }
        catch (final JournalDamagedException ex)
        {
            throw new CliException(ExitCodes.IO, "the engine could not start: " + ex.getMessage());
        }
        catch (final Exception ex)
        {
            final FileSystemException io = fileSystemCause(ex);
            if (null != io)
            {
                throw new CliException(ExitCodes.IO, "the engine could not start: " + (io.getMessage().equals(
                    ex.getMessage()) ? "" : ex.getMessage() + ": ") + describe(io));
            }
            throw new CliException(ExitCodes.FAILURE, "the engine could not start: " + ex.getMessage());
        }
    }

    /**
     * The file or directory the engine could not create, read or write, if that is why it could not start (a port
     * in use or a disk below the journal's stop limit are other I/O exceptions, and exit 1).
     */
    private static FileSystemException fileSystemCause(final Throwable ex)
    {
        for (Throwable t = ex; null != t; t = t.getCause() == t ? null : t.getCause())
        {
            if (t instanceof FileSystemException io && null != io.getMessage())
            {
                return io;
            }
        }
        return null;
    }

    private static String describe(final FileSystemException io)
    {
        if (io instanceof NoSuchFileException)
        {
            return io.getMessage() + ": no such file or directory (or a parent of it cannot be created)";
        }
        if (io instanceof AccessDeniedException)
        {
            return io.getMessage() + ": permission denied";
        }
        return io.getClass().getSimpleName() + ": " + io.getMessage();
    }

    /**
     * The admin bearer token: {@code SCHWABOT_ADMIN_TOKEN} when set, else the api_keys.yaml plain secret named by
     * {@code monitoring.admin_token_name} (decrypted with the store's passphrase or key file), else none (admin
     * actions disabled).
     */
    static Secret adminToken(final SchwabotConfig config, final Map<String, String> environment)
    {
        final String token = environment.get(EnvMapping.ADMIN_TOKEN);
        final String name = config.monitoring().adminTokenName();
        final Secret secret;
        final String origin;
        if (null != token && !token.isEmpty())
        {
            secret = Secret.ofChars(token.toCharArray());
            origin = EnvMapping.ADMIN_TOKEN;
        }
        else if (null != config.apiKeys().entry(name))
        {
            secret = storedSecret(config, environment, name);
            origin = "api_keys.yaml entry '" + name + "' (monitoring.admin_token_name)";
        }
        else
        {
            return null;
        }
        if (secret.length() < AdminToken.MIN_LENGTH)
        {
            secret.wipe();
            throw new CliException(ExitCodes.SECRETS, origin + " is too short: the admin token must be at least " +
                AdminToken.MIN_LENGTH + " bytes (e.g. openssl rand -hex 32)");
        }
        return secret;
    }

    private static Secret storedSecret(
        final SchwabotConfig config, final Map<String, String> environment, final String name)
    {
        if (null != config.apiKeys().entry(name).venue())
        {
            throw new CliException(ExitCodes.SECRETS, "api_keys.yaml entry '" + name +
                "' (monitoring.admin_token_name) is a venue credential, not a plain secret: add the token with " +
                "schwabot keys add NAME (no --venue)");
        }
        try (KeySource source = KeySource.fromEnvironment(environment);
            SecretStore store = SecretStore.open(config.apiKeys(), source))
        {
            return store.secret(name);
        }
        catch (final SecretStoreException ex)
        {
            throw new CliException(ExitCodes.SECRETS, "the admin token (api_keys.yaml entry '" + name + "'): " +
                ex.getMessage());
        }
    }

    private static Secret binanceApiKey(final SchwabotConfig config)
    {
        if (!config.venues().binance().enabled() || config.venues().simulator().enabled())
        {
            return null;
        }
        final String name = config.venues().binance().apiKeyName();
        final ApiKeysFile.Entry entry = config.apiKeys().entry(name);
        if (null == entry)
        {
            throw new CliException(ExitCodes.SECRETS, "api_keys.yaml has no entry '" + name +
                "' (venues.binance.api_key_name): add it with schwabot keys add " + name + " --venue binance");
        }
        return Secret.ofChars(entry.apiKey().toCharArray());
    }

    private static void loop(
        final Engine engine,
        final SchwabotConfig config,
        final Duration duration,
        final CountDownLatch stop,
        final PrintWriter out)
    {
        final StatusLine status = new StatusLine(
            engine.counters(), engine.core().status(), engine.core().instruments(), engine.monitor()::snapshot);
        final long interval = config.monitoring().statusIntervalMs();
        final long end = null == duration ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        status.line(System.nanoTime());
        while (true)
        {
            final long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (left <= 0 || awaitQuietly(stop, Math.min(interval, left)) || null != engine.journalStopCause())
            {
                return;
            }
            out.println(status.line(System.nanoTime()));
            out.flush();
        }
    }

    private static void printSummary(final Engine engine, final Path journalDir, final PrintWriter out)
    {
        final EngineCounters counters = engine.counters();
        final StatusLine status = new StatusLine(counters, engine.core().status(), engine.core().instruments(),
            engine.monitor()::snapshot);
        out.println("# stopped: " + status.line(System.nanoTime()));
        out.println("# journal " + journalDir + " (replay it: schwabot replay --journal " +
            ShellWords.quote(journalDir) + ")");
        out.println("order digest " + engine.core().digest().hex() + " (" +
            engine.core().digest().frames() + " frames)");
        out.flush();
    }

    private static boolean awaitQuietly(final CountDownLatch latch, final long millis)
    {
        try
        {
            return latch.await(millis, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void removeHook(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // the JVM is shutting down: the hook is running and waits for this run to finish
        }
    }

    private static Path resolve(final Path dataDir, final Path path)
    {
        return dataDir.resolve(path).toAbsolutePath().normalize();
    }
}
