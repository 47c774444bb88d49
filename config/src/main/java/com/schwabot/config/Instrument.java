package com.schwabot.config;

import java.math.BigDecimal;

/**
 * One tradable instrument. Prices and quantities travel as int64 mantissas with these exponents.
 *
 * @param symbol        venue symbol, for example {@code BTCUSDT}.
 * @param id            engine-wide instrument id, unique.
 * @param priceExponent price = mantissa * 10^priceExponent.
 * @param qtyExponent   quantity = mantissa * 10^qtyExponent.
 * @param tickSize      smallest price increment; a multiple of 10^priceExponent.
 * @param lotSize       smallest quantity increment; a multiple of 10^qtyExponent.
 * @param venue         the venue that lists it.
 * @param referencePrice optional plausible price (a tick multiple): where the embedded simulator starts its random
 *                      walk; null when not set.
 */
public record Instrument(
    String symbol,
    int id,
    int priceExponent,
    int qtyExponent,
    BigDecimal tickSize,
    BigDecimal lotSize,
    VenueKind venue,
    BigDecimal referencePrice)
{
    static Instrument read(final Section s)
    {
        final Instrument instrument = new Instrument(
            s.matching("symbol", "[A-Z0-9]{2,20}", "2 to 20 upper-case letters or digits"),
            s.intValue("id", 1, 65_535),
            s.intValue("price_exponent", -18, 0),
            s.intValue("qty_exponent", -18, 0),
            s.decimal("tick_size", BigDecimal.ZERO, null),
            s.decimal("lot_size", BigDecimal.ZERO, null),
            s.enumValue("venue", VenueKind.class),
            s.optionalDecimal("reference_price", BigDecimal.ZERO, null));
        if (!s.errors().hasErrorsUnder(s.file(), s.path() + "."))
        {
            if (instrument.tickSize.scale() > -instrument.priceExponent)
            {
                s.error("tick_size", "must be a multiple of 10^" + instrument.priceExponent + " (price_exponent)");
            }
            if (instrument.lotSize.scale() > -instrument.qtyExponent)
            {
                s.error("lot_size", "must be a multiple of 10^" + instrument.qtyExponent + " (qty_exponent)");
            }
            if (null != instrument.referencePrice &&
                instrument.referencePrice.remainder(instrument.tickSize).signum() != 0)
            {
                s.error("reference_price", "must be a multiple of tick_size " + instrument.tickSize.toPlainString());
            }
        }
        s.finish();
        return instrument;
    }
}
