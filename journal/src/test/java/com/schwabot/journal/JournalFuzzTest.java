/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records with corrupt contents among sound ones, written around the appender as a bad disk, a stray writer or a bug
 * would leave them: random bytes, bit flips, truncated and extended records, corrupt header fields (magic, version,
 * frame length, sequence, flags) and corrupt SBE headers. Verify, the tailer, stats and reopening must never throw;
 * every excerpt is counted by verify; the tailer delivers or skips each one, and delivers every sound record intact.
 * <p>
 * Cases: {@code schwabot.fuzz.cases} / 10 (default {@value #DEFAULT_CASES}), seed {@code schwabot.fuzz.seed};
 * recorded in {@code target/fuzz-report.txt}.
 */
class JournalFuzzTest
{
    private static final int DEFAULT_CASES = 2_500;
    private static final long DEFAULT_SEED = 0x10B4L;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** What was done to one corrupt excerpt. */
    enum Kind
    {
        RANDOM_BYTES, BIT_FLIPS, TRUNCATE, EXTEND, MAGIC, VERSION, FRAME_LENGTH, SEQUENCE, FLAGS, SBE_BLOCK_LENGTH
    }

    @TempDir
    Path dir;

    private final SetTimeProvider clock = TestRecords.clock();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);

    @Test
    void shouldCountSkipAndSurviveCorruptRecords(final TestReporter reporter) throws IOException
    {
        final int fuzzCases = Integer.getInteger("schwabot.fuzz.cases", 0);
        final int cases = fuzzCases > 0 ? Math.max(DEFAULT_CASES, fuzzCases / 10) : DEFAULT_CASES;
        final long seedProperty = Long.getLong("schwabot.fuzz.seed", 0);
        final long seed = seedProperty != 0 ? seedProperty : DEFAULT_SEED;
        final SplittableRandom random = new SplittableRandom(seed);
        final Map<Kind, Long> kinds = new EnumMap<>(Kind.class);
        final long[] soundSequences = new long[cases + 1];
        int sound = 0;
        int corrupt = 0;
        final long start = System.nanoTime();
        try (Journal journal = Journal.open(TestRecords.context(dir, clock));
            ExcerptAppender raw = journal.queue().createAppender())
        {
            final JournalAppender appender = journal.appender();
            for (int i = 0; i < cases; i++)
            {
                if (random.nextInt(3) == 0)
                {
                    soundSequences[sound++] = TestRecords.appendNext(appender, scratch);
                }
                else
                {
                    final Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                    try (DocumentContext dc = raw.writingDocument())
                    {
                        dc.wire().bytes().write(corrupt(random, kind, appender.lastSequence() + 1));
                    }
                    kinds.merge(kind, 1L, Long::sum);
                    corrupt++;
                }
            }
        }
        final long total = sound + corrupt;

        final VerifyReport report;
        final long[] delivered = new long[1];
        final long[] intact = new long[1];
        final long skipped;
        final long checksumFailures;
        final JournalStats stats;
        try (Journal journal = Journal.openReadOnly(dir))
        {
            report = journal.verify();
            stats = journal.stats();
            try (JournalTailer tailer = journal.tailer())
            {
                final int[] next = new int[1];
                while (tailer.poll((seq, time, source, flags, buffer, offset, length, index) ->
                {
                    delivered[0]++;
                    if (next[0] < soundSequences.length && seq == soundSequences[next[0]] &&
                        TestRecords.payloadMatches(buffer, offset, length, seq) &&
                        time == TestRecords.ingressNanos(seq))
                    {
                        intact[0]++;
                        next[0]++;
                    }
                }, 1000) > 0)
                {
                    assertThat(delivered[0]).isLessThanOrEqualTo(total);
                }
                skipped = tailer.skippedRecords();
                checksumFailures = tailer.checksumFailures();
            }
        }
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            final long last = journal.lastSequence();
            assertThat(journal.appender().append(scratch, 0, TestRecords.writePayload(scratch, 0, 1), 0, 0))
                .as("appending after the damage").isGreaterThan(last);
        }
        final long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(report.recordCount()).as("verify counts every excerpt").isEqualTo(total);
        assertThat(report.validRecordCount()).isBetween((long)sound, total);
        assertThat(report.problemCount()).as("each corrupt record that verify refuses is a problem")
            .isGreaterThanOrEqualTo(total - report.validRecordCount());
        assertThat(delivered[0] + skipped + checksumFailures)
            .as("the tailer delivers every excerpt, or skips it, or leaves out its record for its checksum")
            .isEqualTo(total);
        assertThat(intact[0]).as("every sound record is delivered intact, in order").isEqualTo(sound);
        assertThat(stats.recordCount() + stats.skippedRecords() + stats.checksumFailures()).isEqualTo(total);
        assertThat(stats.checksumFailures()).isEqualTo(checksumFailures);

        final String line = "journal records: " + total + " excerpts (" + sound + " sound, " + corrupt +
            " corrupt " + kinds + "), seed " + seed + ", " + millis + " ms; verify valid " +
            report.validRecordCount() + ", problems " + report.problemCount() + "; tailer delivered " + delivered[0] +
            ", skipped " + skipped + ", bad checksums " + checksumFailures;
        reporter.publishEntry("fuzz", line);
        final Path target = Path.of("target");
        if (Files.isDirectory(target))
        {
            Files.writeString(target.resolve("fuzz-report.txt"), line + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static byte[] corrupt(final SplittableRandom random, final Kind kind, final long sequence)
    {
        final byte[] record = RawQueue.record(sequence, SbeHeader.LENGTH + random.nextInt(TestRecords.MAX_BODY_LENGTH));
        final UnsafeBuffer buffer = new UnsafeBuffer(record);
        switch (kind)
        {
            case RANDOM_BYTES ->
            {
                final byte[] bytes = new byte[1 + random.nextInt(RecordHeader.LENGTH + 64)];
                random.nextBytes(bytes);
                return bytes;
            }
            case BIT_FLIPS ->
            {
                for (int f = 1 + random.nextInt(3); f > 0; f--)
                {
                    record[random.nextInt(record.length)] ^= (byte)(1 << random.nextInt(8));
                }
            }
            case TRUNCATE ->
            {
                return Arrays.copyOf(record, 1 + random.nextInt(record.length - 1));
            }
            case EXTEND ->
            {
                return Arrays.copyOf(record, record.length + 1 + random.nextInt(32));
            }
            case MAGIC -> buffer.putShort(RecordHeader.MAGIC_OFFSET, (short)random.nextInt(), LE);
            case VERSION -> record[RecordHeader.VERSION_OFFSET] = (byte)(2 + random.nextInt(250));
            case FRAME_LENGTH -> buffer.putInt(RecordHeader.FRAME_LENGTH_OFFSET,
                random.nextBoolean() ? random.nextInt() : record.length + random.nextInt(9) - 4, LE);
            case SEQUENCE -> buffer.putLong(RecordHeader.SEQUENCE_OFFSET, random.nextLong(), LE);
            case FLAGS -> record[RecordHeader.FLAGS_OFFSET] = (byte)random.nextInt(256);
            default -> buffer.putShort(RecordHeader.LENGTH + SbeHeader.BLOCK_LENGTH_OFFSET,
                (short)random.nextInt(0x10000), LE);
        }
        return record;
    }
}
