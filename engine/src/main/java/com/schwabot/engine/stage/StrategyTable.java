package com.schwabot.engine.stage;

import java.util.List;

import com.schwabot.config.StrategiesConfig;
import com.schwabot.config.StrategyConfig;
import com.schwabot.config.StrategyParams;
import com.schwabot.engine.market.InstrumentTable;

/**
 * The enabled strategies of strategies.yaml, resolved against the instrument table once at start: for strategy
 * slot s (its position among the enabled strategies), its parameters, whether it trades instrument i, and its
 * ensemble weight. Slot s is also feature s of the tensor stage's feature rows.
 * <p>
 * Immutable after construction.
 */
public final class StrategyTable
{
    private final int count;
    private final String[] names;
    private final StrategyParams[] params;
    private final boolean[][] trades;
    private final float[] weights;
    private final double threshold;

    /**
     * Resolve the configuration.
     *
     * @param config      strategies.yaml.
     * @param instruments the instrument table.
     */
    public StrategyTable(final StrategiesConfig config, final InstrumentTable instruments)
    {
        final List<StrategyConfig> enabled = config.strategies().stream().filter(StrategyConfig::enabled).toList();
        count = enabled.size();
        names = new String[count];
        params = new StrategyParams[count];
        trades = new boolean[count][instruments.count()];
        weights = new float[count];
        for (int s = 0; s < count; s++)
        {
            final StrategyConfig strategy = enabled.get(s);
            names[s] = strategy.name();
            params[s] = strategy.params();
            weights[s] = config.ensemble().weights().getOrDefault(strategy.name(), 0.0).floatValue();
            for (final String symbol : strategy.instruments())
            {
                final int i = instruments.indexOf(symbol);
                if (i != InstrumentTable.UNKNOWN)
                {
                    trades[s][i] = true;
                }
            }
        }
        threshold = config.ensemble().threshold();
    }

    /**
     * Enabled strategies.
     *
     * @return the count.
     */
    public int count()
    {
        return count;
    }

    /**
     * Name of a strategy.
     *
     * @param s slot.
     * @return the name.
     */
    public String name(final int s)
    {
        return names[s];
    }

    /**
     * Parameters of a strategy.
     *
     * @param s slot.
     * @return its parameters.
     */
    public StrategyParams params(final int s)
    {
        return params[s];
    }

    /**
     * Whether a strategy trades an instrument.
     *
     * @param s slot.
     * @param i instrument index.
     * @return true when listed in its instruments.
     */
    public boolean trades(final int s, final int i)
    {
        return trades[s][i];
    }

    /**
     * Ensemble weight of a strategy from configuration.
     *
     * @param s slot.
     * @return the weight in [0, 1].
     */
    public float weight(final int s)
    {
        return weights[s];
    }

    /**
     * Combined strength needed to act.
     *
     * @return the ensemble threshold in (0, 1].
     */
    public double threshold()
    {
        return threshold;
    }
}
