package com.schwabot.engine.venue.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.schwabot.config.Instrument;

/**
 * The checks of {@link ExchangeSimulator.Context#conclude()}: ranges, and turning the configured instruments and
 * the simulator's symbol list into {@link SimInstrument}s.
 */
final class ContextChecks
{
    private ContextChecks()
    {
    }

    /**
     * @param instruments   every configured instrument.
     * @param symbols       the symbols to quote, in order, or null for all instruments.
     * @param initialPrices start of each symbol's walk; others start at
     *                      {@link ExchangeSimulator.Context#DEFAULT_INITIAL_MID_TICKS}.
     * @param errors        where problems are added.
     * @return the quoted instruments, indexed in order.
     */
    static List<SimInstrument> resolve(
        final List<Instrument> instruments,
        final List<String> symbols,
        final Map<String, BigDecimal> initialPrices,
        final List<String> errors)
    {
        final List<Instrument> chosen = new ArrayList<>();
        if (null == symbols)
        {
            chosen.addAll(instruments);
        }
        else
        {
            for (final String symbol : symbols)
            {
                final Instrument instrument = find(instruments, symbol);
                check(
                    errors, null != instrument, "symbols", symbol, "a symbol of the given instruments");
                if (null != instrument && !chosen.contains(instrument))
                {
                    chosen.add(instrument);
                }
            }
        }
        check(errors, !chosen.isEmpty(), "instruments", chosen.size(), "at least one");
        final List<SimInstrument> result = new ArrayList<>();
        for (final Instrument instrument : chosen)
        {
            try
            {
                result.add(new SimInstrument(result.size(), instrument, initialMidTicks(instrument, initialPrices)));
            }
            catch (final IllegalArgumentException | ArithmeticException ex)
            {
                errors.add("instruments: " + ex.getMessage());
            }
        }
        for (final String symbol : initialPrices.keySet())
        {
            check(
                errors, null != find(instruments, symbol), "initialPrice", symbol, "a symbol of the given instruments");
        }
        return List.copyOf(result);
    }

    private static long initialMidTicks(final Instrument instrument, final Map<String, BigDecimal> initialPrices)
    {
        final BigDecimal price = initialPrices.get(instrument.symbol());
        if (null == price)
        {
            return ExchangeSimulator.Context.DEFAULT_INITIAL_MID_TICKS;
        }
        return price.divide(instrument.tickSize(), 0, RoundingMode.FLOOR).longValueExact();
    }

    private static Instrument find(final List<Instrument> instruments, final String symbol)
    {
        for (final Instrument instrument : instruments)
        {
            if (instrument.symbol().equals(symbol))
            {
                return instrument;
            }
        }
        return null;
    }

    /**
     * Add "name=value (allowed: ...)" to the errors unless ok.
     */
    static void check(
        final List<String> errors, final boolean ok, final String name, final Object value, final String allowed)
    {
        if (!ok)
        {
            errors.add(name + "=" + value + " (allowed: " + allowed + ")");
        }
    }

    /**
     * Add "name=value (allowed: min..max)" to the errors unless the value is in range.
     */
    static void checkRange(
        final List<String> errors, final String name, final long value, final long min, final long max)
    {
        check(errors, value >= min && value <= max, name, value, min + ".." + max);
    }
}
