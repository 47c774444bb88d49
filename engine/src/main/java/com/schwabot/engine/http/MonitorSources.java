package com.schwabot.engine.http;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.MonitorSnapshot;
import com.schwabot.engine.monitor.StatusPublisher;

/**
 * What the HTTP server reads, all safe on its thread: the counters (Agrona counters, read with volatile loads), the
 * state the business thread publishes into gauges ({@link StatusPublisher}), the monitor agent's last
 * {@link MonitorSnapshot} (immutable, published through a volatile field), and the instrument table (immutable once
 * built). Nothing here reads an object the business thread mutates.
 *
 * @param counters    engine counters.
 * @param status      published business state.
 * @param instruments the instruments (symbols, exponents).
 * @param snapshot    the monitor's last sample.
 * @param profile     the active risk profile's name.
 */
public record MonitorSources(
    EngineCounters counters,
    StatusPublisher status,
    InstrumentTable instruments,
    Supplier<MonitorSnapshot> snapshot,
    String profile)
{
    /**
     * Every counter's value by label.
     *
     * @return label to value.
     */
    Map<String, Long> counterValues()
    {
        final Map<String, Long> values = new HashMap<>();
        counters.reader().forEach((value, id, label) -> values.put(label, value));
        return values;
    }
}
