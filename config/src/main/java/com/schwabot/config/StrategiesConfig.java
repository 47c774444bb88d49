package com.schwabot.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * strategies.yaml: the strategies and the ensemble that combines their signals.
 *
 * @param strategies every strategy, in file order.
 * @param ensemble   how signals are combined.
 */
public record StrategiesConfig(List<StrategyConfig> strategies, Ensemble ensemble)
{
    /**
     * The ensemble: a weighted sum of strategy signals, acted on above a threshold.
     *
     * @param threshold combined strength needed to act, in (0, 1].
     * @param weights   weight of each strategy by name, in [0, 1].
     */
    public record Ensemble(double threshold, Map<String, Double> weights)
    {
        /** Least {@code ensemble.threshold}. */
        public static final double MIN_THRESHOLD = 0.001;
        /** Most {@code ensemble.threshold}. */
        public static final double MAX_THRESHOLD = 1.0;
        /** Least weight in {@code ensemble.weights}. */
        public static final double MIN_WEIGHT = 0.0;
        /** Most weight in {@code ensemble.weights}. */
        public static final double MAX_WEIGHT = 1.0;
    }

    static StrategiesConfig read(final Section s)
    {
        final List<StrategyConfig> strategies = s.sections("strategies").stream().map(StrategyConfig::read).toList();
        final Section e = s.section("ensemble");
        final Ensemble ensemble = new Ensemble(
            e.doubleValue("threshold", Ensemble.MIN_THRESHOLD, Ensemble.MAX_THRESHOLD),
            e.doubleMap("weights", Ensemble.MIN_WEIGHT, Ensemble.MAX_WEIGHT));
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < strategies.size(); i++)
        {
            final StrategyConfig strategy = strategies.get(i);
            if (!strategy.name().isEmpty() && !names.add(strategy.name()))
            {
                s.errors().add(s.file(), "strategies[" + i + "].name", null,
                    "duplicate strategy name '" + strategy.name() + "'");
            }
            if (strategy.enabled() && !strategy.name().isEmpty() && !ensemble.weights().containsKey(strategy.name()))
            {
                s.errors().add(s.file(), "ensemble.weights", null,
                    "missing a weight for enabled strategy '" + strategy.name() + "'");
            }
        }
        for (final String weighted : ensemble.weights().keySet())
        {
            if (!names.contains(weighted))
            {
                s.errors().add(s.file(), "ensemble.weights." + weighted, null,
                    "no strategy named '" + weighted + "' (strategies: " + names + ")");
            }
        }
        e.finish();
        s.finish();
        return new StrategiesConfig(strategies, ensemble);
    }
}
