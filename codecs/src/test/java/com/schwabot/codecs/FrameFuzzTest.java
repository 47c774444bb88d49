package com.schwabot.codecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Seeded random input against the checker and the renderer: they must never throw, and whatever the checker accepts
 * must render as a message. Buffers are always exactly the tested size, so any read past the end would throw.
 * <p>
 * The mutation suite runs {@code schwabot.fuzz.cases} cases (default {@value #DEFAULT_CASES}; the {@code fuzz}
 * Maven profile sets millions) from seed {@code schwabot.fuzz.seed}, and records what it ran in
 * {@code target/fuzz-report.txt}.
 */
class FrameFuzzTest
{
    static final int DEFAULT_CASES = 100_000;
    static final long DEFAULT_SEED = 0x5C4AB07L;
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

    @Test
    void shouldCountEveryMutatedFrameByStatusAndDecodeEveryAcceptedOne(final TestReporter reporter) throws IOException
    {
        final int cases = cases(DEFAULT_CASES);
        final long seed = seed(DEFAULT_SEED);
        final FrameMutator mutator = new FrameMutator(
            seed, TestFrames.all().stream().map(TestFrames.Sample::frame).collect(Collectors.toList()), KNOWN_HEADERS);
        final Map<FrameStatus, Long> statuses = new EnumMap<>(FrameStatus.class);
        final Map<FrameMutator.Kind, Long> kinds = new EnumMap<>(FrameMutator.Kind.class);
        final long start = System.nanoTime();
        for (int i = 0; i < cases; i++)
        {
            final byte[] bytes = mutator.next();
            final FrameStatus status;
            try
            {
                exercise(bytes);
                status = checker.status();
            }
            catch (final RuntimeException | AssertionError ex)
            {
                throw new AssertionError("case " + i + " (seed " + seed + ", " + mutator.lastKind() + "): " +
                    org.agrona.BitUtil.toHex(bytes), ex);
            }
            statuses.merge(status, 1L, Long::sum);
            kinds.merge(mutator.lastKind(), 1L, Long::sum);
        }
        final long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(statuses.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(cases);
        assertThat(statuses.keySet()).as("the mutations reach every outcome but bad bounds")
            .containsAll(Arrays.stream(FrameStatus.values()).filter((s) -> s != FrameStatus.BAD_BOUNDS).toList());
        final String line = "codecs FrameChecker+decoders: " + cases + " cases, seed " + seed + ", " + millis +
            " ms, statuses " + statuses + ", mutations " + kinds;
        reporter.publishEntry("fuzz", line);
        record(line);
    }

    static int cases(final int fallback)
    {
        final int cases = Integer.getInteger("schwabot.fuzz.cases", 0);
        return cases > 0 ? cases : fallback;
    }

    static long seed(final long fallback)
    {
        final long seed = Long.getLong("schwabot.fuzz.seed", 0);
        return seed != 0 ? seed : fallback;
    }

    static void record(final String line) throws IOException
    {
        final Path target = Path.of("target");
        if (Files.isDirectory(target))
        {
            Files.writeString(target.resolve("fuzz-report.txt"), line + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
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
