package com.schwabot.codecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Seeded random input against the checker and the renderer: they must never throw, and whatever the checker accepts
 * must render as a message. Buffers are always exactly the tested size, so any read past the end would throw.
 */
class FrameFuzzTest
{
    private static final int[][] KNOWN_HEADERS = {
        {101, 1, 1}, {101, 1, 2}, {101, 1, 3}, {101, 1, 4}, {101, 1, 5}, {101, 1, 6}, {101, 1, 7}, {101, 1, 8},
        {101, 1, 9}, {101, 1, 10}, {101, 1, 11}, {101, 1, 12}, {101, 1, 13},
        {1, 0, 10000}, {1, 0, 10001}, {1, 0, 10002}, {1, 0, 10003},
    };

    private final Random random = new Random(0x5C4AB07L);
    private final FrameChecker checker = new FrameChecker();
    private final FrameRenderer renderer = new FrameRenderer();
    private final StringBuilder out = new StringBuilder(4096);

    @Test
    void shouldSurviveRandomBytes()
    {
        for (int i = 0; i < 20_000; i++)
        {
            final byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            exercise(bytes);
        }
    }

    @Test
    void shouldSurviveRandomBodiesBehindKnownHeaders()
    {
        for (int i = 0; i < 20_000; i++)
        {
            final byte[] bytes = new byte[8 + random.nextInt(200)];
            random.nextBytes(bytes);
            final int[] header = KNOWN_HEADERS[random.nextInt(KNOWN_HEADERS.length)];
            final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
            buffer.putShort(0, (short)random.nextInt(96), ByteOrder.LITTLE_ENDIAN);
            buffer.putShort(2, (short)header[2], ByteOrder.LITTLE_ENDIAN);
            buffer.putShort(4, (short)header[0], ByteOrder.LITTLE_ENDIAN);
            buffer.putShort(6, (short)header[1], ByteOrder.LITTLE_ENDIAN);
            exercise(bytes);
        }
    }

    @Test
    void shouldSurviveMutatedAndCutValidFrames()
    {
        final List<TestFrames.Sample> samples = TestFrames.all();
        int accepted = 0;
        for (int i = 0; i < 40_000; i++)
        {
            final byte[] frame = samples.get(random.nextInt(samples.size())).frame();
            final byte[] mutated = Arrays.copyOf(frame, Math.max(0, frame.length + random.nextInt(9) - 6));
            final int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips && mutated.length > 0; f++)
            {
                mutated[random.nextInt(mutated.length)] = (byte)random.nextInt(256);
            }
            if (exercise(mutated))
            {
                accepted++;
            }
        }
        assertThat(accepted).as("some mutations keep a valid frame").isPositive();
    }

    private boolean exercise(final byte[] bytes)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final FrameStatus status = checker.check(buffer, 0, bytes.length);
        out.setLength(0);
        renderer.render(buffer, 0, bytes.length, out);

        assertThat(renderer.checker().status()).isEqualTo(status);
        if (FrameStatus.OK == status)
        {
            assertThat(checker.encodedLength()).isBetween(FrameChecker.HEADER_LENGTH, bytes.length);
            assertThat(out.toString()).doesNotStartWith("BadFrame").endsWith("}");
            return true;
        }
        assertThat(out.toString()).startsWith("BadFrame{status=" + status.name());
        return false;
    }
}
