package com.schwabot.codecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.codecs.sbe.BookDeltaDecoder;
import com.schwabot.codecs.sbe.TradeDecoder;

class FrameCheckerTest
{
    private final FrameChecker checker = new FrameChecker();

    static List<TestFrames.Sample> samples()
    {
        return TestFrames.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldAcceptCompleteFrameAndReportItsLength(final TestFrames.Sample sample)
    {
        final byte[] frame = sample.frame();

        assertThat(checker.check(new UnsafeBuffer(frame), 0, frame.length)).isEqualTo(FrameStatus.OK);
        assertThat(checker.encodedLength()).isEqualTo(frame.length);
        assertThat(checker.messageName()).isEqualTo(sample.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldReportEveryShorterLengthAsTruncatedWithoutReadingPastTheEnd(final TestFrames.Sample sample)
    {
        final byte[] frame = sample.frame();
        for (int length = 0; length < frame.length; length++)
        {
            final UnsafeBuffer exact = new UnsafeBuffer(Arrays.copyOf(frame, length));

            final FrameStatus status = checker.check(exact, 0, length);

            assertThat(status.isTruncated()).as("length %d gave %s", length, status).isTrue();
            assertThat(status).isEqualTo(
                length < FrameChecker.HEADER_LENGTH ? FrameStatus.TRUNCATED_HEADER : FrameStatus.TRUNCATED_BODY);
            assertThat(checker.encodedLength()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldCheckFrameAtNonZeroOffsetAndIgnoreTrailingBytes(final TestFrames.Sample sample)
    {
        final byte[] frame = sample.frame();
        final byte[] bigger = new byte[frame.length + 13];
        System.arraycopy(frame, 0, bigger, 5, frame.length);

        assertThat(checker.check(new UnsafeBuffer(bigger), 5, frame.length + 8)).isEqualTo(FrameStatus.OK);
        assertThat(checker.encodedLength()).isEqualTo(frame.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldSayWhereTheVariableLengthDataBegins(final TestFrames.Sample sample)
    {
        final byte[] frame = sample.frame();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[frame.length + 16]);
        buffer.putBytes(7, frame);

        assertThat(checker.check(buffer, 7, frame.length + 9)).isEqualTo(FrameStatus.OK);
        final int varData = checker.varDataOffset();
        final int end = 7 + checker.encodedLength();
        if (sample.name().endsWith("StreamEvent") || sample.name().equals("InstrumentDefinition") ||
            sample.name().equals("AdminCommand"))
        {
            final int length = buffer.getByte(varData) & 0xFF;
            assertThat(varData + 1 + length).as("one var-data field ends the frame").isEqualTo(end);
            assertThat(length).isPositive();
        }
        else
        {
            assertThat(varData).as("no var data: the frame's end").isEqualTo(end);
        }
        if (sample.name().endsWith("StreamEvent"))
        {
            assertThat(buffer.getStringWithoutLengthAscii(varData + 1, buffer.getByte(varData)))
                .isIn("BTCUSDT", "ETHUSDT");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldNotSayWhereVariableLengthDataBeginsInAFrameItRejects(final TestFrames.Sample sample)
    {
        final byte[] frame = sample.frame();
        assertThat(checker.check(new UnsafeBuffer(frame), 0, frame.length)).isEqualTo(FrameStatus.OK);

        assertThat(checker.check(new UnsafeBuffer(frame), 0, frame.length - 1)).isNotEqualTo(FrameStatus.OK);
        assertThat(checker.varDataOffset()).isEqualTo(-1);
    }

    @Test
    void shouldDetectUnknownSchemaId()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(TestFrames.trade());
        buffer.putShort(4, (short)102, ByteOrder.LITTLE_ENDIAN);

        assertThat(checker.check(buffer, 0, buffer.capacity())).isEqualTo(FrameStatus.UNKNOWN_SCHEMA);
        assertThat(checker.schemaId()).isEqualTo(102);
    }

    @Test
    void shouldDetectUnsupportedCanonicalVersion()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(TestFrames.trade());
        buffer.putShort(6, (short)2, ByteOrder.LITTLE_ENDIAN);

        assertThat(checker.check(buffer, 0, buffer.capacity())).isEqualTo(FrameStatus.UNSUPPORTED_VERSION);
    }

    @Test
    void shouldDetectUnsupportedBinanceVersion()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(TestFrames.binanceTrades());
        buffer.putShort(6, (short)1, ByteOrder.LITTLE_ENDIAN);

        assertThat(checker.check(buffer, 0, buffer.capacity())).isEqualTo(FrameStatus.UNSUPPORTED_VERSION);
    }

    @Test
    void shouldDetectUnknownTemplateInEitherSchema()
    {
        final UnsafeBuffer canonical = new UnsafeBuffer(TestFrames.trade());
        final UnsafeBuffer binance = new UnsafeBuffer(TestFrames.binanceTrades());
        for (final int templateId : new int[]{0, 16, 10000, 65535})
        {
            canonical.putShort(2, (short)templateId, ByteOrder.LITTLE_ENDIAN);
            assertThat(checker.check(canonical, 0, canonical.capacity())).isEqualTo(FrameStatus.UNKNOWN_TEMPLATE);
        }
        for (final int templateId : new int[]{0, 1, 9999, 10004, 65535})
        {
            binance.putShort(2, (short)templateId, ByteOrder.LITTLE_ENDIAN);
            assertThat(checker.check(binance, 0, binance.capacity())).isEqualTo(FrameStatus.UNKNOWN_TEMPLATE);
        }
    }

    @Test
    void shouldDetectRootBlockShorterThanSchema()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(TestFrames.trade());
        buffer.putShort(0, (short)(TradeDecoder.BLOCK_LENGTH - 1), ByteOrder.LITTLE_ENDIAN);

        assertThat(checker.check(buffer, 0, buffer.capacity())).isEqualTo(FrameStatus.BAD_BLOCK_LENGTH);
    }

    @Test
    void shouldAcceptLongerRootBlockWhenTheBytesArePresent()
    {
        final byte[] frame = Arrays.copyOf(TestFrames.trade(), TestFrames.trade().length + 4);
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        buffer.putShort(0, (short)(TradeDecoder.BLOCK_LENGTH + 4), ByteOrder.LITTLE_ENDIAN);

        assertThat(checker.check(buffer, 0, frame.length)).isEqualTo(FrameStatus.OK);
        assertThat(checker.encodedLength()).isEqualTo(frame.length);
        assertThat(checker.check(buffer, 0, frame.length - 1)).isEqualTo(FrameStatus.TRUNCATED_BODY);
    }

    @Test
    void shouldDetectGroupEntryShorterThanSchema()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(TestFrames.bookDelta());
        final int bidsHeader = FrameChecker.HEADER_LENGTH + BookDeltaDecoder.BLOCK_LENGTH;
        buffer.putShort(bidsHeader, (short)8, ByteOrder.LITTLE_ENDIAN);

        assertThat(checker.check(buffer, 0, buffer.capacity())).isEqualTo(FrameStatus.BAD_BLOCK_LENGTH);
    }

    @Test
    void shouldDetectTruncatedTradeGroupWithHugeCount()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(TestFrames.binanceTrades());
        final int countAt = FrameChecker.HEADER_LENGTH + TradesStreamEventDecoder.BLOCK_LENGTH + 2;
        buffer.putInt(countAt, 0xFFFF_FFFF, ByteOrder.LITTLE_ENDIAN);

        assertThat(checker.check(buffer, 0, buffer.capacity())).isEqualTo(FrameStatus.TRUNCATED_BODY);

        buffer.putInt(countAt, 3, ByteOrder.LITTLE_ENDIAN);
        assertThat(checker.check(buffer, 0, buffer.capacity())).isEqualTo(FrameStatus.TRUNCATED_BODY);
    }

    @Test
    void shouldDetectSymbolLengthRunningPastTheFrame()
    {
        final byte[] frame = TestFrames.binanceBestBidAsk();
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        final int symbolLengthAt = frame.length - "ETHUSDT".length() - 1;
        buffer.putByte(symbolLengthAt, (byte)8);

        assertThat(checker.check(buffer, 0, frame.length)).isEqualTo(FrameStatus.TRUNCATED_BODY);
    }

    @Test
    void shouldRejectBoundsOutsideTheBufferWithoutThrowing()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(TestFrames.trade());
        final int capacity = buffer.capacity();

        assertThat(checker.check(buffer, -1, 8)).isEqualTo(FrameStatus.BAD_BOUNDS);
        assertThat(checker.check(buffer, 0, -1)).isEqualTo(FrameStatus.BAD_BOUNDS);
        assertThat(checker.check(buffer, 0, capacity + 1)).isEqualTo(FrameStatus.BAD_BOUNDS);
        assertThat(checker.check(buffer, capacity, 1)).isEqualTo(FrameStatus.BAD_BOUNDS);
        assertThat(checker.check(buffer, Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(FrameStatus.BAD_BOUNDS);
        assertThat(checker.check(null, 0, 0)).isEqualTo(FrameStatus.BAD_BOUNDS);
        assertThat(checker.check(buffer, capacity, 0)).isEqualTo(FrameStatus.TRUNCATED_HEADER);
    }

    @Test
    void shouldTellTheSchemaOfAnAcceptedFrame()
    {
        final byte[] canonical = TestFrames.heartbeat();
        final byte[] binance = TestFrames.binanceDepthDiff();

        checker.check(new UnsafeBuffer(canonical), 0, canonical.length);
        assertThat(checker.isCanonical()).isTrue();
        assertThat(checker.isBinance()).isFalse();
        assertThat(checker.schemaId()).isEqualTo(FrameChecker.CANONICAL_SCHEMA_ID);

        checker.check(new UnsafeBuffer(binance), 0, binance.length);
        assertThat(checker.isBinance()).isTrue();
        assertThat(checker.templateId()).isEqualTo(10003);
        assertThat(checker.version()).isEqualTo(FrameChecker.BINANCE_SCHEMA_VERSION);
    }

    @Test
    void shouldUseDistinctSchemaIdsForTheTwoSchemas()
    {
        assertThat(FrameChecker.CANONICAL_SCHEMA_ID).isEqualTo(101);
        assertThat(FrameChecker.CANONICAL_SCHEMA_VERSION).isEqualTo(1);
        assertThat(FrameChecker.BINANCE_SCHEMA_ID).isEqualTo(1);
        assertThat(FrameChecker.BINANCE_SCHEMA_VERSION).isZero();
    }
}
