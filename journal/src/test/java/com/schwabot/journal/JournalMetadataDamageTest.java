/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory's metadata file ({@code metadata.cq4t}: Chronicle's table of the lowest and highest cycle, locks and
 * replication indices) damaged on disk: a read-only journal must still open and read every record of its intact
 * queue files, whatever the metadata says.
 */
class JournalMetadataDamageTest
{
    private static final int RECORDS = 50;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = TestRecords.clock();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);

    @Test
    void shouldReadEveryRecordWhicheverBytesOfTheMetadataAreGarbled() throws IOException
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            final JournalAppender appender = journal.appender();
            for (int i = 0; i < RECORDS; i++)
            {
                TestRecords.appendNext(appender, scratch);
            }
        }
        final Path metadata = dir.resolve("metadata.cq4t");
        final byte[] whole = Files.readAllBytes(metadata);
        int dataEnd = whole.length;
        while (dataEnd > 0 && whole[dataEnd - 1] == 0)
        {
            dataEnd--;
        }
        final SplittableRandom random = new SplittableRandom(7);
        final List<String> failures = new ArrayList<>();
        for (int at = 0; at < dataEnd; at++)
        {
            final byte[] garbled = whole.clone();
            garbled[at] = (byte)random.nextInt(256);
            garbled[Math.min(at + 1, garbled.length - 1)] = (byte)random.nextInt(256);
            Files.write(metadata, garbled);
            try (Journal journal = Journal.openReadOnly(dir))
            {
                final long read = journal.replay(1, (s, t, src, f, b, o, l, i) -> { });
                final VerifyReport report = journal.verify();
                if (read != RECORDS || report.validRecordCount() != RECORDS)
                {
                    failures.add("garbled at " + at + ": read " + read + ", " + report.describe());
                }
            }
            catch (final RuntimeException | StackOverflowError ex)
            {
                failures.add("garbled at " + at + ": " + ex);
            }
        }
        assertThat(failures).isEmpty();
    }
}
