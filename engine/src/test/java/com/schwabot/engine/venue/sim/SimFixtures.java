package com.schwabot.engine.venue.sim;

import java.math.BigDecimal;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.CancelOrderEncoder;
import com.schwabot.codecs.sbe.HeartbeatEncoder;
import com.schwabot.codecs.sbe.LogonEncoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderEncoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.codecs.sbe.YesNo;
import com.schwabot.config.Instrument;
import com.schwabot.config.VenueKind;

/**
 * Instruments, contexts and order-entry frames for the simulator tests.
 * <p>
 * BTCUSDT here has a tick of 10 price units and a lot of 10 quantity units (exponents -3 and -6) so that mantissas
 * that are not tick or lot multiples exist; ETHUSDT has tick and lot of 1 unit (exponents -2 and -4).
 */
final class SimFixtures
{
    static final int BTC_ID = 1;
    static final int ETH_ID = 2;
    static final int BTC = 0;
    static final int ETH = 1;
    static final Instrument BTCUSDT = new Instrument(
        "BTCUSDT", BTC_ID, -3, -6, new BigDecimal("0.010"), new BigDecimal("0.00001"), VenueKind.SIMULATOR, null);
    static final Instrument ETHUSDT = new Instrument(
        "ETHUSDT", ETH_ID, -2, -4, new BigDecimal("0.01"), new BigDecimal("0.0001"), VenueKind.SIMULATOR, null);

    private SimFixtures()
    {
    }

    /**
     * A context for stepping by hand: both instruments, small levels, distinct maker and taker fees.
     */
    static ExchangeSimulator.Context context(final long seed)
    {
        return new ExchangeSimulator.Context()
            .instruments(List.of(BTCUSDT, ETHUSDT))
            .seed(seed)
            .autoTick(false)
            .maxLevelLots(100)
            .makerFeeBps(2)
            .takerFeeBps(5)
            .initialPrice("BTCUSDT", new BigDecimal("65000.00"))
            .initialPrice("ETHUSDT", new BigDecimal("3000.00"));
    }

    static byte[] newOrder(
        final long clOrdId,
        final int instrumentId,
        final Side side,
        final OrderType type,
        final TimeInForce tif,
        final long price,
        final long qty)
    {
        final Instrument instrument = instrumentId == ETH_ID ? ETHUSDT : BTCUSDT;
        return newOrder(
            clOrdId, instrumentId, side, type, tif, price, instrument.priceExponent(), qty, instrument.qtyExponent());
    }

    static byte[] newOrder(
        final long clOrdId,
        final int instrumentId,
        final Side side,
        final OrderType type,
        final TimeInForce tif,
        final long price,
        final int priceExponent,
        final long qty,
        final int qtyExponent)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH +
            NewOrderEncoder.BLOCK_LENGTH]);
        new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .clOrdId(clOrdId)
            .price(price)
            .qty(qty)
            .timeNs(StepClock.START_NANOS)
            .instrumentId(instrumentId)
            .strategyId(7)
            .venueId(1)
            .priceExponent((byte)priceExponent)
            .qtyExponent((byte)qtyExponent)
            .side(side)
            .orderType(type)
            .timeInForce(tif);
        return buffer.byteArray();
    }

    static byte[] cancel(final long clOrdId, final long origClOrdId, final long exchangeOrderId, final int instrumentId)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH +
            CancelOrderEncoder.BLOCK_LENGTH]);
        new CancelOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId)
            .exchangeOrderId(exchangeOrderId)
            .timeNs(StepClock.START_NANOS)
            .instrumentId(instrumentId)
            .venueId(1);
        return buffer.byteArray();
    }

    static byte[] logon(final long account, final long lastExecId)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final LogonEncoder encoder = new LogonEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(1).account(account).lastExecId(lastExecId)
            .reset(Long.MIN_VALUE == lastExecId ? YesNo.YES : YesNo.NO);
        final byte[] frame = new byte[MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength()];
        buffer.getBytes(0, frame);
        return frame;
    }

    static byte[] heartbeat(final long sequence)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH +
            HeartbeatEncoder.BLOCK_LENGTH]);
        new HeartbeatEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(StepClock.START_NANOS)
            .sequence(sequence)
            .sourceId(5);
        return buffer.byteArray();
    }
}
