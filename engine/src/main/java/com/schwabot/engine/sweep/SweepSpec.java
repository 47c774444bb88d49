package com.schwabot.engine.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.config.StrategyConfig;

/**
 * The variants of a sweep, from a grid: {@code name=values} parameters whose values are a comma-separated list
 * ({@code 0.3,0.4,0.6}) or an inclusive range {@code start:stop:step} ({@code 0.5:1.5:0.25} is 0.5, 0.75, 1, 1.25,
 * 1.5). Several parameters in one string are separated by commas too: a token with {@code =} starts a parameter,
 * one without is another value of the previous one ({@code threshold=0.3,0.4,weight-scale=0.5:1.5:0.5}). The grid
 * is the cartesian product, the first parameter varying slowest; variant 0 is always the configuration as it is,
 * and the grid's points are variants 1 to N (one equal to the configuration is still run: it must agree with 0).
 * <p>
 * Parameters:
 * <ul>
 *     <li>{@code threshold}: the ensemble threshold, in (0, 1];</li>
 *     <li>{@code weight-scale}: a factor on every strategy's initial tensor weight, finite (the learning keeps
 *     weights within +-1, so a weight scaled beyond that is clamped at the variant's first learning step);</li>
 *     <li>{@code weight.NAME}: the initial tensor weight of the enabled strategy NAME (instead of its ensemble
 *     weight), in [-1, 1];</li>
 *     <li>{@code learning-rate}: the learning rate, in [0, 1].</li>
 * </ul>
 * Ranges are computed in decimal, so {@code 0.1:0.3:0.1} is exactly 0.1, 0.2, 0.3.
 */
public final class SweepSpec
{
    /** Most variants in one sweep, variant 0 included. */
    public static final int MAX_VARIANTS = 1024;

    private final Map<String, List<Double>> parameters = new LinkedHashMap<>();

    private SweepSpec()
    {
    }

    /**
     * Parse one or more {@code --sweep} strings, checked against the configuration.
     *
     * @param specs  the strings, in order.
     * @param config the configuration (strategy names).
     * @return the spec.
     * @throws IllegalArgumentException naming the bad token and what is allowed.
     */
    public static SweepSpec parse(final List<String> specs, final SchwabotConfig config)
    {
        final SweepSpec spec = new SweepSpec();
        for (final String text : specs)
        {
            String name = null;
            for (final String raw : text.split(","))
            {
                final String token = raw.trim();
                if (token.isEmpty())
                {
                    throw new IllegalArgumentException("empty value in sweep '" + text + "'");
                }
                final int eq = token.indexOf('=');
                final String values;
                if (eq >= 0)
                {
                    name = token.substring(0, eq).trim();
                    checkName(name, config);
                    if (spec.parameters.containsKey(name))
                    {
                        throw new IllegalArgumentException("sweep parameter '" + name + "' given twice");
                    }
                    spec.parameters.put(name, new ArrayList<>());
                    values = token.substring(eq + 1).trim();
                }
                else if (null == name)
                {
                    throw new IllegalArgumentException("sweep '" + text + "' must start with NAME=VALUES");
                }
                else
                {
                    values = token;
                }
                final List<Double> list = spec.parameters.get(name);
                for (final double v : values(name, values))
                {
                    check(name, v);
                    list.add(v);
                }
            }
        }
        final long count = spec.gridSize();
        if (count + 1 > MAX_VARIANTS)
        {
            throw new IllegalArgumentException("sweep of " + count + " variants (plus the base): at most " +
                (MAX_VARIANTS - 1));
        }
        return spec;
    }

    private long gridSize()
    {
        long count = parameters.isEmpty() ? 0 : 1;
        for (final List<Double> values : parameters.values())
        {
            count *= values.size();
            if (count > MAX_VARIANTS)
            {
                return count;
            }
        }
        return count;
    }

    private static void checkName(final String name, final SchwabotConfig config)
    {
        switch (name)
        {
            case "threshold", "weight-scale", "learning-rate" ->
            {
            }
            default ->
            {
                if (name.startsWith("weight."))
                {
                    final String strategy = name.substring("weight.".length());
                    for (final StrategyConfig s : config.strategies().strategies())
                    {
                        if (s.enabled() && s.name().equals(strategy))
                        {
                            return;
                        }
                    }
                    throw new IllegalArgumentException("sweep parameter '" + name + "': no enabled strategy '" +
                        strategy + "'");
                }
                throw new IllegalArgumentException("unknown sweep parameter '" + name +
                    "' (allowed: threshold, weight-scale, learning-rate, weight.STRATEGY)");
            }
        }
    }

    private static List<Double> values(final String name, final String text)
    {
        final List<Double> out = new ArrayList<>();
        try
        {
            if (text.contains(":"))
            {
                final String[] parts = text.split(":");
                if (parts.length != 3)
                {
                    throw new IllegalArgumentException("sweep " + name + "=" + text + ": a range is START:STOP:STEP");
                }
                final BigDecimal start = new BigDecimal(parts[0].trim());
                final BigDecimal stop = new BigDecimal(parts[1].trim());
                final BigDecimal step = new BigDecimal(parts[2].trim());
                if (step.signum() <= 0 || stop.compareTo(start) < 0)
                {
                    throw new IllegalArgumentException("sweep " + name + "=" + text +
                        ": a range needs STEP > 0 and STOP >= START");
                }
                for (BigDecimal v = start; v.compareTo(stop) <= 0; v = v.add(step))
                {
                    out.add(v.doubleValue());
                    if (out.size() > MAX_VARIANTS)
                    {
                        throw new IllegalArgumentException("sweep " + name + "=" + text + ": more than " +
                            MAX_VARIANTS + " values");
                    }
                }
            }
            else
            {
                out.add(new BigDecimal(text).doubleValue());
            }
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("sweep " + name + "=" + text + ": not a number", ex);
        }
        return out;
    }

    private static void check(final String name, final double v)
    {
        final boolean ok = switch (name)
        {
            case "threshold" -> v > 0 && v <= 1;
            case "weight-scale" -> Double.isFinite(v);
            case "learning-rate" -> v >= 0 && v <= 1;
            default -> v >= -1 && v <= 1;
        };
        if (!ok)
        {
            throw new IllegalArgumentException("sweep " + name + "=" + Variant.format(v) + ": must be " +
                switch (name)
                {
                    case "threshold" -> "in (0, 1]";
                    case "weight-scale" -> "a finite number";
                    case "learning-rate" -> "in [0, 1]";
                    default -> "in [-1, 1]";
                });
        }
    }

    /**
     * The variants: 0 is the configuration as it is, then the grid's points.
     *
     * @return the variants, by id.
     */
    public List<Variant> variants()
    {
        final List<Variant> out = new ArrayList<>();
        out.add(Variant.base());
        if (parameters.isEmpty())
        {
            return out;
        }
        final List<String> names = new ArrayList<>(parameters.keySet());
        final int[] index = new int[names.size()];
        while (true)
        {
            double threshold = Double.NaN;
            double scale = 1.0;
            double rate = Double.NaN;
            final Map<String, Double> weights = new HashMap<>();
            for (int p = 0; p < names.size(); p++)
            {
                final String name = names.get(p);
                final double v = parameters.get(name).get(index[p]);
                switch (name)
                {
                    case "threshold" -> threshold = v;
                    case "weight-scale" -> scale = v;
                    case "learning-rate" -> rate = v;
                    default -> weights.put(name.substring("weight.".length()), v);
                }
            }
            out.add(new Variant(out.size(), threshold, scale, rate, weights));
            int p = names.size() - 1;
            while (p >= 0 && ++index[p] == parameters.get(names.get(p)).size())
            {
                index[p] = 0;
                p--;
            }
            if (p < 0)
            {
                return out;
            }
        }
    }
}
