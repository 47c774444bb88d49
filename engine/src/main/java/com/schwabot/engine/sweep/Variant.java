package com.schwabot.engine.sweep;

import java.util.Locale;
import java.util.Map;

import com.schwabot.config.SchwabotConfig;

/**
 * One strategy parameter variant of a sweep: the settings it changes from the configuration. A parameter it does
 * not set keeps the configured value.
 *
 * @param id           its number in the sweep; 0 is the configuration as it is.
 * @param threshold    the ensemble threshold of its decisions, or NaN for the configured one.
 * @param weightScale  factor on every strategy's initial tensor weight (after {@code weights}), 1 for none.
 * @param learningRate its learning rate, or NaN for the configured {@code tensor.learning_rate}.
 * @param weights      initial tensor weights by strategy name, replacing the configured ensemble weights.
 */
public record Variant(int id, double threshold, double weightScale, double learningRate, Map<String, Double> weights)
{
    /**
     * @param id           at least 0.
     * @param threshold    NaN or in (0, 1].
     * @param weightScale  finite.
     * @param learningRate NaN or in [0, 1].
     * @param weights      strategy name to weight, each finite.
     */
    public Variant
    {
        weights = Map.copyOf(weights);
    }

    /**
     * The configuration as it is.
     *
     * @return variant 0.
     */
    public static Variant base()
    {
        return new Variant(0, Double.NaN, 1.0, Double.NaN, Map.of());
    }

    /**
     * Whether this variant changes nothing.
     *
     * @return true for the configuration as it is.
     */
    public boolean isBase()
    {
        return Double.isNaN(threshold) && weightScale == 1.0 && Double.isNaN(learningRate) && weights.isEmpty();
    }

    /**
     * The ensemble threshold it decides with.
     *
     * @param config the configuration.
     * @return the threshold.
     */
    public double threshold(final SchwabotConfig config)
    {
        return Double.isNaN(threshold) ? config.strategies().ensemble().threshold() : threshold;
    }

    /**
     * The learning rate it learns with.
     *
     * @param config the configuration.
     * @return the rate.
     */
    public double learningRate(final SchwabotConfig config)
    {
        return Double.isNaN(learningRate) ? config.tensor().learningRate() : learningRate;
    }

    /**
     * What it changes, as {@code name=value} pairs in a fixed order, or {@code base}.
     *
     * @return the label.
     */
    public String label()
    {
        if (isBase())
        {
            return "base";
        }
        final StringBuilder b = new StringBuilder();
        if (!Double.isNaN(threshold))
        {
            b.append(" threshold=").append(format(threshold));
        }
        if (weightScale != 1.0)
        {
            b.append(" weight-scale=").append(format(weightScale));
        }
        if (!Double.isNaN(learningRate))
        {
            b.append(" learning-rate=").append(format(learningRate));
        }
        weights.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach((e) -> b.append(" weight.").append(e.getKey()).append('=').append(format(e.getValue())));
        return b.substring(1);
    }

    static String format(final double value)
    {
        final String s = String.format(Locale.ROOT, "%.6f", value);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
