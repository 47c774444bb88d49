package com.schwabot.engine.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.agrona.concurrent.status.CountersReader;

import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.LatencySummary;
import com.schwabot.engine.monitor.MonitorSnapshot;

/**
 * Renders the counters and the latency summaries in the Prometheus text exposition format (version 0.0.4).
 * <p>
 * Every counter becomes a sample, named {@code schwabot_} + its label with dots as underscores: counters that only
 * grow are Prometheus counters ({@code _total}), the others gauges. A label whose last part is an upper-case name
 * (a reason, a status, a symbol) becomes a labelled sample of its family: {@code risk.reject.ORDER_RATE} is
 * {@code schwabot_risk_reject_total{reason="ORDER_RATE"}}, {@code status.position.BTCUSDT} is
 * {@code schwabot_status_position{symbol="BTCUSDT"}}; {@code alert.NAME.WHAT} is
 * {@code schwabot_alert_WHAT{alert="NAME"}}; a {@code .micros} value is divided into units. A position is
 * published as the instrument's quantity mantissa and exported in units of the instrument (the mantissa scaled by its
 * quantity exponent: {@code -100} at exponent -4 is {@code -0.0100}, the quantity {@code /status} shows). Latency is
 * two summaries in seconds: quantiles over the monitor's window, count and sum since start. Stateless; allocates
 * (HTTP thread only).
 */
final class MetricsText
{
    /** Content type of the format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999, 1.0};
    private static final String PREFIX = "schwabot_";
    private static final String POSITION = "status.position.";

    private MetricsText()
    {
    }

    private record Family(String name, String type, String help, List<String> samples)
    {
    }

    /**
     * Render a scrape.
     *
     * @param reader      the counters.
     * @param snapshot    the monitor's last sample.
     * @param instruments the instruments, whose quantity exponents scale the positions.
     * @return the text.
     */
    static String render(final CountersReader reader, final MonitorSnapshot snapshot, final InstrumentTable instruments)
    {
        final Map<String, Family> families = new LinkedHashMap<>();
        family(families, "up", "gauge", "1 while the engine serves this endpoint").samples().add(PREFIX + "up 1");
        family(families, "start_time_seconds", "gauge", "Start of the engine, seconds since the epoch").samples()
            .add(PREFIX + "start_time_seconds " + format(snapshot.startTimeMs() / 1000.0));
        reader.forEach((counterId, typeId, keyBuffer, label) ->
        {
            if (typeId != EngineCounters.TYPE_LATENCY)
            {
                addCounter(families, typeId, label, reader.getCounterValue(counterId), instruments);
            }
        });
        final StringBuilder out = new StringBuilder(16 * 1024);
        for (final Family family : families.values())
        {
            out.append("# HELP ").append(family.name()).append(' ').append(family.help()).append('\n');
            out.append("# TYPE ").append(family.name()).append(' ').append(family.type()).append('\n');
            for (final String sample : family.samples())
            {
                out.append(sample).append('\n');
            }
        }
        summary(out, "event_latency_seconds", "Ingress to handled, every inbound event (quantiles over the last " +
            "10 s, count and sum since start)", snapshot.eventLatency());
        summary(out, "order_latency_seconds", "Ingress to handled, events that sent orders (quantiles over the " +
            "last 10 s, count and sum since start)", snapshot.orderLatency());
        return out.toString();
    }

    private static void addCounter(final Map<String, Family> families, final int typeId, final String label,
        final long value, final InstrumentTable instruments)
    {
        final boolean gauge = typeId == EngineCounters.TYPE_GAUGE;
        final boolean micros = label.endsWith(".micros");
        final String base = micros ? label.substring(0, label.length() - ".micros".length()) : label;
        String family = base;
        String labels = "";
        final String[] parts = base.split("\\.");
        if (parts.length == 3 && parts[0].equals("alert"))
        {
            family = "alert." + parts[2];
            labels = "{alert=\"" + escape(parts[1]) + "\"}";
        }
        else if (parts.length > 1 && isName(parts[parts.length - 1]))
        {
            family = base.substring(0, base.lastIndexOf('.'));
            labels = "{" + dimension(family) + "=\"" + escape(parts[parts.length - 1]) + "\"}";
        }
        final String name = PREFIX + sanitize(family) + (gauge ? "" : "_total");
        final Family f = family(families, name.substring(PREFIX.length()), gauge ? "gauge" : "counter",
            help(family, gauge, micros));
        f.samples().add(name + labels + " " + sample(label, value, micros, instruments));
    }

    private static String help(final String family, final boolean gauge, final boolean micros)
    {
        final String unit = switch (family)
        {
            case "status.position" -> " (net quantity, in units of the instrument)";
            case "alert.value" -> " (in the alert's unit: drawdown and reject_rate bps, p99_latency us, stale_feed " +
                "ms, free_disk and journal MB)";
            default -> micros ? " (quote currency)" : "";
        };
        return (gauge ? "Engine gauge " : "Engine counter ") + family + unit;
    }

    private static String sample(
        final String label, final long value, final boolean micros, final InstrumentTable instruments)
    {
        if (micros)
        {
            return format(value / 1_000_000.0);
        }
        final int instrument = label.startsWith(POSITION) ?
            instruments.indexOf(label.substring(POSITION.length())) : InstrumentTable.UNKNOWN;
        if (instrument != InstrumentTable.UNKNOWN)
        {
            return new BigDecimal(BigInteger.valueOf(value), -instruments.qtyExponent(instrument)).toPlainString();
        }
        return Long.toString(value);
    }

    private static Family family(
        final Map<String, Family> families, final String suffix, final String type, final String help)
    {
        return families.computeIfAbsent(PREFIX + suffix, (n) -> new Family(n, type, help, new ArrayList<>()));
    }

    private static void summary(
        final StringBuilder out, final String suffix, final String help, final LatencySummary latency)
    {
        final String name = PREFIX + suffix;
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" summary\n");
        for (final double q : QUANTILES)
        {
            out.append(name).append("{quantile=\"").append(q == 1.0 ? "1" : Double.toString(q)).append("\"} ")
                .append(latency.windowCount() == 0 ? "NaN" : format(latency.quantile(q) / 1e9)).append('\n');
        }
        out.append(name).append("_sum ").append(format(latency.sumNanos() / 1e9)).append('\n');
        out.append(name).append("_count ").append(latency.count()).append('\n');
    }

    private static boolean isName(final String part)
    {
        boolean upper = false;
        for (int i = 0; i < part.length(); i++)
        {
            final char c = part.charAt(i);
            if (Character.isLowerCase(c))
            {
                return false;
            }
            upper |= Character.isUpperCase(c);
        }
        return upper;
    }

    private static String dimension(final String family)
    {
        return switch (family)
        {
            case "frames.bad" -> "status";
            case "status.position" -> "symbol";
            default -> "reason";
        };
    }

    private static String sanitize(final String label)
    {
        final StringBuilder sb = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++)
        {
            final char c = label.charAt(i);
            sb.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : '_');
        }
        return sb.toString();
    }

    private static String escape(final String value)
    {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String format(final double value)
    {
        if (Double.isNaN(value))
        {
            return "NaN";
        }
        if (Double.isInfinite(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%s", value);
    }
}
