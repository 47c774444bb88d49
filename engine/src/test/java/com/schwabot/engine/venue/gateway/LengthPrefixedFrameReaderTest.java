package com.schwabot.engine.venue.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.engine.venue.order.OrderEntryProtocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

class LengthPrefixedFrameReaderTest
{
    private final LengthPrefixedFrameReader reader = new LengthPrefixedFrameReader();
    private final List<byte[]> frames = new ArrayList<>();
    private final List<Integer> badLengths = new ArrayList<>();
    private final LengthPrefixedFrameReader.Listener listener = new LengthPrefixedFrameReader.Listener()
    {
        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            frames.add(bytes);
        }

        public void onBadLength(final int length)
        {
            badLengths.add(length);
        }
    };

    @Test
    void shouldDeliverFramesSplitAtEveryPossibleByte()
    {
        final Random random = new Random(5);
        final byte[] a = bytes(random, 8);
        final byte[] b = bytes(random, 300);
        final byte[] c = bytes(random, OrderEntryProtocol.MAX_FRAME_LENGTH);
        final byte[] stream = OrderFrames.prefixed(a, b, c);

        for (int first = 0; first <= stream.length; first++)
        {
            for (int second = first; second <= stream.length; second += 97)
            {
                frames.clear();
                feed(stream, 0, first);
                feed(stream, first, second);
                feed(stream, second, stream.length);
                assertThat(frames).as("split at %d and %d", first, second).containsExactly(a, b, c);
                assertThat(reader.pending()).isZero();
            }
        }
        assertThat(badLengths).isEmpty();
    }

    @Test
    void shouldDeliverByteByByte()
    {
        final byte[] a = bytes(new Random(6), 50);
        final byte[] stream = OrderFrames.prefixed(a, a);

        for (final byte b : stream)
        {
            feed(new byte[] {b}, 0, 1);
        }

        assertThat(frames).containsExactly(a, a);
    }

    @Test
    void shouldDeliverFromHeapAndCompositeBuffers()
    {
        final byte[] a = bytes(new Random(7), 40);
        final byte[] stream = OrderFrames.prefixed(a, a, a);
        final CompositeByteBuf composite = Unpooled.compositeBuffer();
        composite.addComponent(true, Unpooled.wrappedBuffer(stream, 0, 10));
        composite.addComponent(true, Unpooled.wrappedBuffer(stream, 10, stream.length - 10));

        assertThat(reader.onBytes(Unpooled.wrappedBuffer(stream), listener)).isTrue();
        assertThat(reader.onBytes(composite, listener)).isTrue();
        final ByteBuf direct = Unpooled.directBuffer(stream.length).writeBytes(stream);
        assertThat(reader.onBytes(direct, listener)).isTrue();
        direct.release();

        assertThat(frames).hasSize(9).allSatisfy(f -> assertThat(f).isEqualTo(a));
    }

    @Test
    void shouldStopAtLengthsOutsideTheProtocolBounds()
    {
        for (final int bad : new int[] {-1, 0, 7, OrderEntryProtocol.MAX_FRAME_LENGTH + 1, Integer.MIN_VALUE})
        {
            final LengthPrefixedFrameReader fresh = new LengthPrefixedFrameReader();
            final ByteBuf in = Unpooled.wrappedBuffer(OrderFrames.lengthOnly(bad), new byte[16]);
            assertThat(fresh.onBytes(in, listener)).isFalse();
        }
        final byte[] prefix = OrderFrames.lengthOnly(5_000);
        assertThat(reader.onBytes(Unpooled.wrappedBuffer(prefix, 0, 2), listener)).isTrue();
        assertThat(reader.onBytes(Unpooled.wrappedBuffer(prefix, 2, 2), listener)).isFalse();
        assertThat(reader.pending()).isZero();

        assertThat(badLengths)
            .containsExactly(-1, 0, 7, OrderEntryProtocol.MAX_FRAME_LENGTH + 1, Integer.MIN_VALUE, 5_000);
        assertThat(frames).isEmpty();
    }

    @Test
    void shouldAcceptTheSmallestAndLargestFrames()
    {
        final byte[] smallest = bytes(new Random(8), OrderEntryProtocol.MIN_FRAME_LENGTH);
        final byte[] largest = bytes(new Random(9), OrderEntryProtocol.MAX_FRAME_LENGTH);

        feed(OrderFrames.prefixed(smallest, largest), 0, 4 + 8 + 4 + 1024);

        assertThat(frames).containsExactly(smallest, largest);
    }

    private void feed(final byte[] stream, final int from, final int to)
    {
        if (to > from)
        {
            assertThat(reader.onBytes(Unpooled.wrappedBuffer(stream, from, to - from), listener)).isTrue();
        }
    }

    private static byte[] bytes(final Random random, final int length)
    {
        final byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
