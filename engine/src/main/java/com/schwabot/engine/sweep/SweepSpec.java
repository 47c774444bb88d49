package com.schwabot.engine.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.config.StrategiesConfig.Ensemble;
import com.schwabot.config.StrategyConfig;
import com.schwabot.config.TensorConfig;

/**
 * The variants of a sweep, from a grid: {@code name=values} parameters whose values are a comma-separated list
 * ({@code 0.3,0.4,0.6}) or an inclusive range {@code start:stop:step} ({@code 0.5:1.5:0.25} is 0.5, 0.75, 1, 1.25,
 * 1.5). Several parameters in one string are separated by commas too: a token with {@code =} starts a parameter,
 * one without is another value of the previous one ({@code threshold=0.3,0.4,weight-scale=0.5:1.5:0.5}). The grid
 * is the cartesian product, the first parameter varying slowest; variant 0 is always the configuration as it is,
 * and the grid's points are variants 1 to N (one equal to the configuration is still run: it must agree with 0).
 * <p>
 * Parameters, each refused outside the range of the configuration key it varies (so that any variant can be written
 * back as the configuration):
 * <ul>
 *     <li>{@code threshold}: the ensemble threshold, in [0.001, 1] ({@code ensemble.threshold});</li>
 *     <li>{@code weight-scale}: a factor on every enabled strategy's initial tensor weight, at least 0 and small
 *     enough that every scaled weight stays in [0, 1] ({@code ensemble.weights});</li>
 *     <li>{@code weight.NAME}: the initial tensor weight of the enabled strategy NAME (instead of its ensemble
 *     weight), in [0, 1] ({@code ensemble.weights.NAME});</li>
 *     <li>{@code learning-rate}: the learning rate, in [0, 1] ({@code tensor.learning_rate}).</li>
 * </ul>
 * Ranges are computed in decimal, so {@code 0.1:0.3:0.1} is exactly 0.1, 0.2, 0.3.
 */
public final class SweepSpec
{
    /** Most variants in one sweep, variant 0 included. */
    public static final int MAX_VARIANTS = 1024;

    private final Map<String, List<Double>> parameters = new LinkedHashMap<>();
    /** The {@code --sweep} string each parameter was given in, for the error messages. */
    private final Map<String, String> given = new HashMap<>();

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
                    spec.given.put(name, text);
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
                    check(text, name, v);
                    list.add(v);
                }
            }
        }
        spec.checkScaledWeights(config);
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

    private static void check(final String text, final String name, final double v)
    {
        final double min;
        final double max;
        final String key;
        switch (name)
        {
            case "threshold" ->
            {
                min = Ensemble.MIN_THRESHOLD;
                max = Ensemble.MAX_THRESHOLD;
                key = "strategies.yaml ensemble.threshold";
            }
            case "learning-rate" ->
            {
                min = TensorConfig.MIN_LEARNING_RATE;
                max = TensorConfig.MAX_LEARNING_RATE;
                key = "config.yaml tensor.learning_rate";
            }
            case "weight-scale" ->
            {
                min = 0;
                max = Double.MAX_VALUE;
                key = null;
            }
            default ->
            {
                min = Ensemble.MIN_WEIGHT;
                max = Ensemble.MAX_WEIGHT;
                key = "strategies.yaml ensemble.weights." + name.substring("weight.".length());
            }
        }
        if (!(v >= min && v <= max))
        {
            throw new IllegalArgumentException(prefix(text, name, v) + (null == key ?
                "must be a number >= 0 (it scales the ensemble weights, each in [" + Ensemble.MIN_WEIGHT + ", " +
                Ensemble.MAX_WEIGHT + "])" : "must be in [" + min + ", " + max + "], the range of " + key));
        }
    }

    private static String prefix(final String text, final String name, final double v)
    {
        final String value = Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() :
            Double.toString(v);
        return "--sweep " + text + ": " + name + "=" + value + " ";
    }

    /**
     * Every weight a {@code weight-scale} value scales (an enabled strategy's swept {@code weight.NAME} values, else
     * its ensemble weight) must stay within the range of {@code ensemble.weights}.
     */
    private void checkScaledWeights(final SchwabotConfig config)
    {
        final List<Double> scales = parameters.get("weight-scale");
        if (null == scales)
        {
            return;
        }
        BigDecimal largest = BigDecimal.ZERO;
        String largestOf = null;
        for (final StrategyConfig strategy : config.strategies().strategies())
        {
            if (!strategy.enabled())
            {
                continue;
            }
            final List<Double> swept = parameters.get("weight." + strategy.name());
            final double weight = null == swept ? config.strategies().ensemble().weights()
                .getOrDefault(strategy.name(), 0.0) : swept.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (BigDecimal.valueOf(weight).compareTo(largest) > 0)
            {
                largest = BigDecimal.valueOf(weight);
                largestOf = strategy.name();
            }
        }
        final BigDecimal max = BigDecimal.valueOf(Ensemble.MAX_WEIGHT);
        for (final double scale : scales)
        {
            final BigDecimal scaled = largest.multiply(BigDecimal.valueOf(scale));
            if (scaled.compareTo(max) > 0)
            {
                throw new IllegalArgumentException(prefix(given.get("weight-scale"), "weight-scale", scale) +
                    "must be in [0, " + max.divide(largest, MathContext.DECIMAL64).stripTrailingZeros()
                    .toPlainString() + "]: it scales " + largestOf + "'s weight " + largest.toPlainString() + " to " +
                    scaled.stripTrailingZeros().toPlainString() + ", outside [" + Ensemble.MIN_WEIGHT + ", " +
                    Ensemble.MAX_WEIGHT + "], the range of strategies.yaml ensemble.weights");
            }
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
