package com.schwabot.codecs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckedFrameViewTest
{
    private static final int CAPACITY = 256;

    @Test
    void shouldReadWhatTheBufferHoldsAtTheBuffersIndexes()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final byte[] bytes = new byte[CAPACITY];
        random.nextBytes(bytes);
        final ByteBuffer direct = ByteBuffer.allocateDirect(CAPACITY);
        direct.put(bytes).flip();
        for (final UnsafeBuffer buffer : new UnsafeBuffer[] {new UnsafeBuffer(bytes), new UnsafeBuffer(direct)})
        {
            final int offset = 40;
            final int length = 100;
            final CheckedFrameView view = new CheckedFrameView().view(buffer, offset, length);
            for (int i = offset; i + Long.BYTES <= offset + length; i++)
            {
                assertThat(view.getByte(i)).isEqualTo(buffer.getByte(i));
                assertThat(view.getShort(i)).isEqualTo(buffer.getShort(i));
                assertThat(view.getInt(i)).isEqualTo(buffer.getInt(i));
                assertThat(view.getLong(i)).isEqualTo(buffer.getLong(i));
                for (final ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN})
                {
                    assertThat(view.getShort(i, order)).isEqualTo(buffer.getShort(i, order));
                    assertThat(view.getInt(i, order)).isEqualTo(buffer.getInt(i, order));
                    assertThat(view.getLong(i, order)).isEqualTo(buffer.getLong(i, order));
                }
            }
        }
    }

    @Test
    void shouldRefuseEveryReadPastTheFramesEndWhenTheTestsCheckFrames()
    {
        assertThat(CheckedFrameView.CHECKED).as("the test JVMs run with -Dschwabot.frame.checks=true").isTrue();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
        final CheckedFrameView view = new CheckedFrameView().view(buffer, 16, 32);
        final int end = 16 + 32;

        assertThat(view.getLong(end - Long.BYTES)).isZero();
        assertThatThrownBy(() -> view.getByte(end)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.getShort(end - 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.getInt(end - 3, ByteOrder.LITTLE_ENDIAN))
            .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.getLong(end - 7, ByteOrder.BIG_ENDIAN))
            .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.getLong(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldFollowTheBufferItViewsLast()
    {
        final UnsafeBuffer first = new UnsafeBuffer(new byte[CAPACITY]);
        final UnsafeBuffer second = new UnsafeBuffer(new byte[CAPACITY]);
        first.putLong(8, 1L);
        second.putLong(8, 2L);
        final CheckedFrameView view = new CheckedFrameView();

        assertThat(view.view(first, 0, 64).getLong(8)).isEqualTo(1L);
        assertThat(view.view(second, 0, 64).getLong(8)).isEqualTo(2L);
    }
}
