package com.schwabot.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * config.yaml, read section by section.
 */
record ConfigYaml(
    EngineConfig engine,
    JournalConfig journal,
    List<Instrument> instruments,
    VenuesConfig venues,
    TensorConfig tensor,
    PersistenceConfig persistence,
    MonitoringConfig monitoring,
    LoggingConfig logging,
    BacktestConfig backtest)
{
    static ConfigYaml read(final Section s)
    {
        final ConfigYaml config = new ConfigYaml(
            EngineConfig.read(s.section("engine")),
            JournalConfig.read(s.section("journal")),
            s.sections("instruments").stream().map(Instrument::read).toList(),
            VenuesConfig.read(s.section("venues")),
            TensorConfig.read(s.section("tensor")),
            PersistenceConfig.read(s.section("persistence")),
            MonitoringConfig.read(s.section("monitoring")),
            LoggingConfig.read(s.section("logging")),
            BacktestConfig.read(s.section("backtest")));
        s.finish();
        config.checkInstruments(s);
        return config;
    }

    private void checkInstruments(final Section s)
    {
        if (instruments.isEmpty() && !s.errors().hasErrorsUnder(s.file(), "instruments"))
        {
            s.errors().add(s.file(), "instruments", "must list at least one instrument", 0);
        }
        final Map<Integer, String> ids = new HashMap<>();
        final Map<String, Integer> symbols = new HashMap<>();
        for (int i = 0; i < instruments.size(); i++)
        {
            final Instrument instrument = instruments.get(i);
            final String previousSymbol = ids.putIfAbsent(instrument.id(), instrument.symbol());
            if (null != previousSymbol && !s.errors().hasErrorsUnder(s.file(), "instruments[" + i + "]"))
            {
                s.errors().add(s.file(), "instruments[" + i + "].id", null,
                    "duplicate instrument id " + instrument.id() + " (already used by " + previousSymbol + ")");
            }
            if (!instrument.symbol().isEmpty() && null != symbols.putIfAbsent(instrument.symbol(), i))
            {
                s.errors().add(s.file(), "instruments[" + i + "].symbol", null,
                    "duplicate symbol " + instrument.symbol());
            }
        }
        final List<String> simulated = venues.simulator().instruments();
        for (int i = 0; i < simulated.size(); i++)
        {
            if (!symbols.containsKey(simulated.get(i)))
            {
                s.errors().add(s.file(), "venues.simulator.instruments[" + i + "]", null,
                    "unknown instrument '" + simulated.get(i) + "' (instruments: " + symbols.keySet() + ")");
            }
        }
        if (tensor.maxInstruments() < instruments.size())
        {
            s.errors().add(s.file(), "tensor.max_instruments", null,
                "must be >= the number of instruments (" + instruments.size() + ")");
        }
    }
}
