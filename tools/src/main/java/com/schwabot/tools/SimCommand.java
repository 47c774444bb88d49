package com.schwabot.tools;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.venue.sim.ExchangeSimulator;
import com.schwabot.engine.venue.sim.SimCounter;
import com.schwabot.engine.venue.sim.SimInstrument;
import com.schwabot.engine.venue.sim.SimulatorCore;
import com.schwabot.engine.venue.sim.SimulatorCounters;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot sim}: the exchange simulator on its own, a venue that outlives the engines trading on it (the one
 * {@code schwabot run} embeds by default): Binance SBE market data over WebSocket and canonical SBE order entry over
 * TCP on {@code venues.simulator.host} and its two ports, from the same {@code venues.simulator} settings (seed,
 * instruments, tick interval, reject rate). It prints where it listens and how an engine connects to it, then a status
 * line every {@code monitoring.status_interval_ms}, with each account's fills and net position per instrument as the
 * venue sees them, and stops on Ctrl-C or after {@code --duration}.
 */
@Command(
    name = "sim",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        ExitCodes.OK_HELP, "1:the simulator could not start (a port in use)", ExitCodes.USAGE_HELP,
        ExitCodes.CONFIG_HELP, ExitCodes.SIGINT_HELP, ExitCodes.SIGTERM_HELP },
    description = {
        "Run the exchange simulator on its own, as a venue that outlives the engine: market data (ws) and order " +
            "entry (tcp) on venues.simulator.host and its ports, until Ctrl-C or --duration.",
        "An engine trades on it with schwabot run --simulator HOST:MARKET_DATA_PORT:ORDER_PORT (the line to use is " +
            "printed). Every monitoring.status_interval_ms a status line shows each account's fills and net " +
            "position per instrument, as the venue sees them." })
public final class SimCommand implements Callable<Integer>
{
    private static final long SHUTDOWN_WAIT_MS = 10_000;
    private static final long STATUS_TIMEOUT_MS = 5_000;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    DurationOption runFor;

    @Option(
        names = "--market-data-port",
        paramLabel = "PORT",
        description = "WebSocket port (overrides venues.simulator.market_data_port; 0 picks a free one).")
    Integer marketDataPort;

    @Option(
        names = "--order-port",
        paramLabel = "PORT",
        description = "Order-entry port (overrides venues.simulator.order_port; 0 picks a free one).")
    Integer orderPort;

    /**
     * Load the configuration, start the simulator, print its status until stopped.
     *
     * @return the exit status.
     */
    public Integer call()
    {
        final Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        if (null != marketDataPort)
        {
            overrides.put("--market-data-port " + marketDataPort,
                Map.of("SCHWABOT_VENUES_SIMULATOR_MARKET_DATA_PORT", Integer.toString(marketDataPort)));
        }
        if (null != orderPort)
        {
            overrides.put("--order-port " + orderPort,
                Map.of("SCHWABOT_VENUES_SIMULATOR_ORDER_PORT", Integer.toString(orderPort)));
        }
        final SchwabotConfig config = configOptions.load(SchwabotCli.context(spec), overrides);
        return run(config, runFor.duration, spec.commandLine().getOut());
    }

    private static int run(final SchwabotConfig config, final Duration duration, final PrintWriter out)
    {
        final CountDownLatch stop = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);
        final Thread hook = new Thread(() ->
        {
            stop.countDown();
            await(stopped, SHUTDOWN_WAIT_MS);
        }, "schwabot-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ExchangeSimulator simulator = null;
        try
        {
            simulator = start(config);
            final String host = simulator.context().host();
            out.println("# schwabot sim: market data ws://" + host + ":" + simulator.marketDataPort() +
                "/ws, order entry tcp " + host + ":" + simulator.orderEntryPort() + ", seed " +
                simulator.context().seed() + (null == duration ? ", until Ctrl-C" : ", for " + duration));
            out.println("# engines connect with: schwabot run --simulator " + host + ":" +
                simulator.marketDataPort() + ":" + simulator.orderEntryPort());
            out.flush();
            final long interval = config.monitoring().statusIntervalMs();
            final long end = null == duration ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (true)
            {
                final long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0 || await(stop, Math.min(interval, left)))
                {
                    break;
                }
                out.println(status(simulator));
                out.flush();
            }
            out.println("# stopped: " + status(simulator));
            out.flush();
        }
        finally
        {
            if (null != simulator)
            {
                simulator.close();
            }
            stopped.countDown();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException ex)
            {
                // the JVM is shutting down: the hook is running and waits for this to finish
            }
        }
        return ExitCodes.OK;
    }

    private static ExchangeSimulator start(final SchwabotConfig config)
    {
        try
        {
            return ExchangeSimulator.launch(ExchangeSimulator.Context.from(config));
        }
        catch (final UncheckedIOException ex)
        {
            throw new CliException(ExitCodes.FAILURE, ex.getMessage()); // names the address in use
        }
        catch (final RuntimeException ex)
        {
            throw new CliException(ExitCodes.FAILURE, "the simulator could not start: " + ex.getMessage());
        }
    }

    /**
     * One status line, read on the simulator's event loop: counters, then per account its fills and net position
     * per instrument at the instrument's quantity exponent, e.g.
     * {@code orders=12 fills=9 open=0 logons=2 resent=3 account=1 fills=9 pos=BTCUSDT:0.00100,ETHUSDT:0.0000}.
     */
    static String status(final ExchangeSimulator simulator)
    {
        try
        {
            return simulator.submit(SimCommand::statusOnLoop).get(STATUS_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final Exception ex)
        {
            return "status unavailable: " + ex;
        }
    }

    private static String statusOnLoop(final SimulatorCore core)
    {
        final SimulatorCounters counters = core.counters();
        final StringBuilder line = new StringBuilder(160)
            .append("orders=").append(counters.get(SimCounter.ORDERS_RECEIVED))
            .append(" fills=").append(counters.get(SimCounter.FILLS))
            .append(" open=").append(core.openOrderCount())
            .append(" logons=").append(counters.get(SimCounter.OE_LOGONS))
            .append(" resent=").append(counters.get(SimCounter.OE_REPORTS_RESENT));
        for (final long account : core.accountIds())
        {
            line.append(" account=").append(account).append(" fills=").append(core.accountFills(account))
                .append(" pos=");
            for (int i = 0; i < core.instrumentCount(); i++)
            {
                final SimInstrument instrument = core.instrument(i);
                line.append(i > 0 ? "," : "").append(instrument.symbol()).append(':')
                    .append(new BigDecimal(BigInteger.valueOf(core.accountNetQty(account, instrument.id())),
                        -instrument.qtyExponent()).toPlainString());
            }
        }
        return line.toString();
    }

    private static boolean await(final CountDownLatch latch, final long millis)
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
}
