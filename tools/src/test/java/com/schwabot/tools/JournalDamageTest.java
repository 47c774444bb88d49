package com.schwabot.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Journal directories damaged on disk, as a crash, a full disk or a bad copy leaves them: the queue file truncated
 * anywhere (inside its header, its index, a record), spans overwritten with random bytes or zeros, single bytes
 * flipped, the directory's metadata file garbled or gone. {@code journal verify}, {@code dump} and {@code stats} must
 * answer within a bounded time with a documented exit code (0 ok, 1 damaged, 5 unreadable), never an internal error,
 * a hang or a crash of the JVM (which would take this test's JVM with it). A file cut inside its data is read up to
 * the cut: verify says DAMAGED naming the file, dump and stats print what precedes the cut and warn.
 * <p>
 * Cases: {@code schwabot.fuzz.cases} / 20,000 (default {@value #DEFAULT_CASES}), seed {@code schwabot.fuzz.seed};
 * recorded in {@code target/fuzz-report.txt}.
 */
class JournalDamageTest
{
    private static final int DEFAULT_CASES = 30;
    private static final long DEFAULT_SEED = 0xDA4A6EL;
    private static final int RECORDS = 200;
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);
    private static final int SCAN_BYTES = 4 << 20;

    /** What was done to the journal directory. */
    enum Damage
    {
        TRUNCATE, RANDOM_SPAN, ZERO_SPAN, FLIP_BYTE, METADATA_GARBLED, METADATA_DELETED
    }

    @TempDir
    Path temp;

    @Test
    void shouldReportEveryDamagedJournalWithinBoundedTimeAndNeverFailInternally(final TestReporter reporter)
        throws IOException
    {
        final int fuzzCases = Integer.getInteger("schwabot.fuzz.cases", 0);
        final int cases = fuzzCases > 0 ? Math.max(DEFAULT_CASES, fuzzCases / 20_000) : DEFAULT_CASES;
        final long seedProperty = Long.getLong("schwabot.fuzz.seed", 0);
        final long seed = seedProperty != 0 ? seedProperty : DEFAULT_SEED;
        final SplittableRandom random = new SplittableRandom(seed);
        final Map<String, Integer> outcomes = new TreeMap<>();
        final long start = System.nanoTime();
        for (int i = 0; i < cases; i++)
        {
            final Path dir = temp.resolve("journal-" + i);
            TestJournals.writeSample(dir);
            TestJournals.appendHeartbeats(dir, RECORDS);
            final Damage damage = Damage.values()[random.nextInt(Damage.values().length)];
            final long end = dataEnd(only(dir, ".cq4"));
            final String what = damage(dir, damage, random);
            final boolean cutInsideData = damage == Damage.TRUNCATE && Files.size(only(dir, ".cq4")) < end;
            for (final String command : List.of("verify", "dump", "stats"))
            {
                final CliRunner.Result result = assertTimeoutPreemptively(COMMAND_LIMIT,
                    () -> runNamingTheCase(what, command, dir), () -> what + ": journal " + command);
                assertThat(result.status()).as("%s: journal %s\n%s", what, command, result)
                    .isIn(ExitCodes.OK, ExitCodes.FAILURE, ExitCodes.IO);
                if (result.status() == ExitCodes.OK && command.equals("verify"))
                {
                    assertThat(result.out()).as(what).containsPattern("OK records=\\d+ valid=\\d+ problems=0");
                }
                if (result.status() != ExitCodes.OK)
                {
                    assertThat(result.err() + result.out()).as("%s: journal %s says why", what, command)
                        .isNotBlank().doesNotContain("\tat ");
                }
                if (cutInsideData)
                {
                    assertThat(result.status()).as("%s: journal %s\n%s", what, command, result)
                        .isEqualTo(command.equals("verify") ? ExitCodes.FAILURE : ExitCodes.OK);
                    assertThat(command.equals("verify") ? result.out() : result.err()).as(what)
                        .containsPattern("\\.cq4 is cut short: \\d+ bytes, but the excerpt at byte \\d+ runs to");
                }
                outcomes.merge(command + "=" + result.status(), 1, Integer::sum);
                if (command.equals("verify"))
                {
                    outcomes.merge(damage + " verify=" + result.status(), 1, Integer::sum);
                }
            }
            deleteTree(dir);
        }
        final long millis = (System.nanoTime() - start) / 1_000_000;
        final String line = "journal directories damaged on disk: " + cases + " cases x verify/dump/stats, seed " +
            seed + ", " + millis + " ms, exit codes " + outcomes;
        reporter.publishEntry("fuzz", line);
        final Path target = Path.of("target");
        if (Files.isDirectory(target))
        {
            Files.writeString(target.resolve("fuzz-report.txt"), line + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static CliRunner.Result runNamingTheCase(final String what, final String command, final Path dir)
    {
        try
        {
            return CliRunner.run("journal", command, dir.toString());
        }
        catch (final Error ex)
        {
            throw new AssertionError(what + ": journal " + command + " threw " + ex, ex);
        }
    }

    private static String damage(final Path dir, final Damage damage, final SplittableRandom random)
        throws IOException
    {
        final Path file = only(dir, ".cq4");
        final Path metadata = only(dir, ".cq4t");
        final long end = dataEnd(file);
        final long at = random.nextLong(end + 1);
        final int span = 1 + random.nextInt(64);
        switch (damage)
        {
            case TRUNCATE ->
            {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
                {
                    channel.truncate(at);
                }
            }
            case RANDOM_SPAN, ZERO_SPAN, FLIP_BYTE ->
            {
                final byte[] bytes = new byte[damage == Damage.FLIP_BYTE ? 1 : span];
                if (damage == Damage.RANDOM_SPAN)
                {
                    random.nextBytes(bytes);
                }
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
                {
                    if (damage == Damage.FLIP_BYTE)
                    {
                        final ByteBuffer one = ByteBuffer.allocate(1);
                        channel.read(one, at);
                        bytes[0] = (byte)(one.get(0) ^ (1 << random.nextInt(8)));
                    }
                    channel.write(ByteBuffer.wrap(bytes), at);
                }
            }
            case METADATA_GARBLED ->
            {
                final byte[] bytes = new byte[span];
                random.nextBytes(bytes);
                try (FileChannel channel = FileChannel.open(metadata, StandardOpenOption.WRITE))
                {
                    channel.write(ByteBuffer.wrap(bytes), random.nextLong(Math.max(1, dataEnd(metadata))));
                }
            }
            default -> Files.delete(metadata);
        }
        return damage + " at " + at + " (span " + span + ", data ends at " + end + ") of " + file.getFileName();
    }

    private static Path only(final Path dir, final String suffix) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> found = files.filter((f) -> f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    /**
     * The queue file is mostly preallocated zeros: the offset just past its last non-zero byte in the first
     * megabytes is where its header, index and records end.
     */
    private static long dataEnd(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer buffer = ByteBuffer.allocate((int)Math.min(channel.size(), SCAN_BYTES));
            channel.read(buffer, 0);
            for (int i = buffer.position() - 1; i >= 0; i--)
            {
                if (buffer.get(i) != 0)
                {
                    return i + 1;
                }
            }
            return 0;
        }
    }

    private static void deleteTree(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path f : files.sorted((a, b) -> b.compareTo(a)).toList())
            {
                Files.delete(f);
            }
        }
    }
}
