/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalAppenderTest
{
    private static final int SMALL_BLOCK = 256 * 1024;
    private static final int SMALL_BLOCK_WINDOW = SMALL_BLOCK / 4;

    @TempDir
    Path dir;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);

    @Test
    void shouldRejectAPayloadLongerThanTheMaximumAndWriteNothing()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock()).maxPayloadLength(256)))
        {
            final JournalAppender appender = journal.appender();
            TestRecords.appendNext(appender, scratch);
            final long lastIndex = journal.lastIndex();
            final UnsafeBuffer big = new UnsafeBuffer(new byte[512]);

            assertThatThrownBy(() -> appender.append(big, 0, 257, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload length 257 not in [0, 256]");
            assertThatThrownBy(() -> appender.append(big, 0, -1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload length -1 not in [0, 256]");

            assertThat(journal.lastIndex()).isEqualTo(lastIndex);
            assertThat(appender.lastSequence()).isEqualTo(1);
            TestRecords.writeSbeHeader(big, 0, 248, 7);
            assertThat(appender.append(big, 0, 256, 1, 2)).as("exactly the maximum is accepted").isEqualTo(2);
            assertThat(journal.verify().ok()).isTrue();
        }
    }

    @Test
    void shouldRejectApplicationFlagsOutsideTheMask()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            final JournalAppender appender = journal.appender();
            final int length = TestRecords.writePayload(scratch, 0, 1);

            assertThatThrownBy(() -> appender.append(scratch, 0, length, 1, 2, RecordHeader.FLAG_CHECKSUM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("application flags 0x1 outside mask 0xfe");
            assertThatThrownBy(() -> appender.append(scratch, 0, length, 1, 2, 0x100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("application flags 0x100 outside mask 0xfe");
            assertThatThrownBy(() -> appender.append(scratch, 0, length, 1, 2, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside mask 0xfe");

            assertThat(journal.lastIndex()).isEqualTo(-1);
            assertThat(appender.append(scratch, 0, length, 1, 2, RecordHeader.APPLICATION_FLAGS_MASK)).isEqualTo(1);
            final int[] flags = new int[1];
            journal.replay(1, (seq, time, source, f, buffer, offset, len, index) -> flags[0] = f);
            assertThat(flags[0]).isEqualTo(RecordHeader.APPLICATION_FLAGS_MASK);
        }
    }

    @Test
    void shouldRollBackARecordWhosePayloadCannotBeCopied()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            final JournalAppender appender = journal.appender();
            TestRecords.appendNext(appender, scratch);
            final long lastIndex = journal.lastIndex();

            assertThatThrownBy(() -> appender.append(new UnsafeBuffer(new byte[16]), 0, 64, 1, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> appender.append(new FailingBuffer(new byte[64]), 0, 64, 1, 2))
                .isInstanceOf(AssertionError.class);

            assertThat(journal.lastIndex()).isEqualTo(lastIndex);
            assertThat(appender.lastSequence()).isEqualTo(1);
            assertThat(TestRecords.appendNext(appender, scratch)).isEqualTo(2);
            final VerifyReport report = journal.verify();
            assertThat(report.ok()).as(report.describe()).isTrue();
            assertThat(report.recordCount()).isEqualTo(2);
        }
    }

    @Test
    void shouldWriteNoChecksumWhenChecksumsAreOff()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock()).checksum(false)))
        {
            final JournalAppender appender = journal.appender();
            for (int i = 0; i < 100; i++)
            {
                TestRecords.appendNext(appender, scratch);
            }
            final RecordChecker checker = new RecordChecker(1);
            assertThat(journal.replay(1, checker)).isEqualTo(100);
            assertThat(checker.firstMismatch()).isNull();
            assertThat(journal.verify().ok()).isTrue();
            assertThat(RawQueue.headerFlags(journal, appender.lastIndex()) & RecordHeader.FLAG_CHECKSUM).isZero();
        }
    }

    @Test
    void shouldRefuseAMaxPayloadLengthThatDoesNotFitTheMappedWindow()
    {
        assertThatThrownBy(() -> Journal.open(TestRecords.context(dir, TestRecords.clock())
            .blockSize(SMALL_BLOCK).maxPayloadLength(1 << 20)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("journal maxPayloadLength=1048576 does not fit blockSize=262144: an excerpt is mapped " +
                "contiguously over 65536 bytes, which holds payloads up to 65492 bytes; raise blockSize (the window " +
                "is a quarter of it) or lower maxPayloadLength");
        assertThatThrownBy(() -> Journal.open(TestRecords.context(dir, TestRecords.clock())
            .maxPayloadLength(JournalContext.MAX_PAYLOAD_LENGTH_LIMIT)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("journal maxPayloadLength=16777216 does not fit blockSize=67108864");

        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            assertThat(journal.maxFrameLength()).isEqualTo((16 << 20) - 4);
            assertThat(journal.lastSequence()).isZero();
        }
    }

    @Test
    void shouldRoundTripRecordsAsLongAsTheMappedWindowAcrossManyBlocks()
    {
        final int maxPayload = SMALL_BLOCK_WINDOW - 4 - RecordHeader.LENGTH;
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())
            .blockSize(SMALL_BLOCK).maxPayloadLength(maxPayload)))
        {
            final UnsafeBuffer big = new UnsafeBuffer(new byte[maxPayload]);
            for (int i = SbeHeader.LENGTH; i < maxPayload; i++)
            {
                big.putByte(i, (byte)(i * 13));
            }
            TestRecords.writeSbeHeader(big, 0, 0, 9);
            final JournalAppender appender = journal.appender();
            final int records = 600;
            for (int i = 0; i < records; i++)
            {
                appender.append(big, 0, maxPayload - (i % 7) * 3, i, 0);
            }
            final long[] mismatches = new long[1];
            assertThat(journal.replay(1, (seq, time, source, flags, buffer, offset, length, index) ->
                mismatches[0] += sameBytes(buffer, offset, big, length) ? 0 : 1)).isEqualTo(records);
            assertThat(mismatches[0]).isZero();
            final VerifyReport report = journal.verify();
            assertThat(report.ok()).as(report.describe()).isTrue();
        }
    }

    @Test
    void shouldRoundTripThePayloadLengthLimit()
    {
        final int limit = JournalContext.MAX_PAYLOAD_LENGTH_LIMIT;
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())
            .blockSize(128L << 20).maxPayloadLength(limit)))
        {
            final UnsafeBuffer big = new UnsafeBuffer(new byte[limit]);
            for (int i = SbeHeader.LENGTH; i < limit; i++)
            {
                big.putByte(i, (byte)(i * 7));
            }
            TestRecords.writeSbeHeader(big, 0, limit - SbeHeader.LENGTH, 5);
            final JournalAppender appender = journal.appender();
            for (int i = 0; i < 3; i++)
            {
                assertThat(appender.append(big, 0, limit, i, 0)).isEqualTo(i + 1);
            }
            final long[] mismatches = new long[1];
            assertThat(journal.replay(1, (seq, time, source, flags, buffer, offset, length, index) ->
                mismatches[0] += length == limit && sameBytes(buffer, offset, big, limit) ? 0 : 1)).isEqualTo(3);
            assertThat(mismatches[0]).isZero();
            assertThat(journal.verify().ok()).isTrue();
        }
    }

    @Test
    void shouldRefuseAnAppenderOnAReadOnlyOrClosedJournal()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            TestRecords.appendNext(journal.appender(), scratch);
        }
        try (Journal readOnly = Journal.openReadOnly(dir))
        {
            assertThatThrownBy(readOnly::appender)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("journal is read-only: " + dir);
        }
        final Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock()));
        journal.close();
        assertThatThrownBy(journal::appender).isInstanceOf(IllegalStateException.class)
            .hasMessage("journal is closed: " + dir);
        assertThatThrownBy(journal::tailer).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(journal::verify).isInstanceOf(IllegalStateException.class);
    }

    private static boolean sameBytes(
        final DirectBuffer buffer, final int offset, final DirectBuffer expected, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != expected.getByte(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * A source buffer whose bounds check throws an Error, as a fault in the middle of an append would.
     */
    static final class FailingBuffer extends UnsafeBuffer
    {
        FailingBuffer(final byte[] bytes)
        {
            super(bytes);
        }

        public void boundsCheck(final int index, final int length)
        {
            throw new AssertionError("injected failure while reading the payload");
        }
    }
}
