/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStatsTest
{
    private static final int RECORDS = 1000;

    @TempDir
    Path dir;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);

    @Test
    void shouldCountRecordsAndBytesPerTemplateWithTheFirstAndLastSequenceAndTime()
    {
        final long[] countPerTemplate = new long[TestRecords.TEMPLATES + 1];
        final long[] bytesPerTemplate = new long[TestRecords.TEMPLATES + 1];
        long totalBytes = 0;
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            for (int i = 0; i < RECORDS; i++)
            {
                final long sequence = TestRecords.appendNext(journal.appender(), scratch);
                countPerTemplate[TestRecords.templateId(sequence)]++;
                bytesPerTemplate[TestRecords.templateId(sequence)] += TestRecords.payloadLength(sequence);
                totalBytes += TestRecords.payloadLength(sequence);
            }
            RawQueue.appendExcerpt(journal, new byte[5]);
            RawQueue.appendExcerpt(journal, new byte[RecordHeader.LENGTH + 8]);
        }

        try (Journal journal = Journal.openReadOnly(dir))
        {
            final JournalStats stats = journal.stats();

            assertThat(stats.recordCount()).isEqualTo(RECORDS);
            assertThat(stats.payloadBytes()).isEqualTo(totalBytes);
            assertThat(stats.firstSequence()).isEqualTo(1);
            assertThat(stats.lastSequence()).isEqualTo(RECORDS);
            assertThat(stats.firstIngressNanos()).isEqualTo(TestRecords.ingressNanos(1));
            assertThat(stats.lastIngressNanos()).isEqualTo(TestRecords.ingressNanos(RECORDS));
            assertThat(stats.skippedRecords()).isEqualTo(2);
            assertThat(stats.templates()).hasSize(TestRecords.TEMPLATES);
            for (int templateId = 1; templateId <= TestRecords.TEMPLATES; templateId++)
            {
                final JournalStats.TemplateCount count = stats.templates().get(templateId - 1);
                assertThat(count).isEqualTo(new JournalStats.TemplateCount(
                    TestRecords.SCHEMA_ID, templateId, countPerTemplate[templateId], bytesPerTemplate[templateId]));
                assertThat(stats.count(TestRecords.SCHEMA_ID, templateId)).isEqualTo(countPerTemplate[templateId]);
            }
            assertThat(stats.count(TestRecords.SCHEMA_ID, 99)).isZero();
        }
    }

    @Test
    void shouldSortBySchemaThenTemplateAndKeepPayloadsWithoutAnSbeHeaderApart()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            final JournalAppender appender = journal.appender();
            appendFrame(appender, 0xFFFF, 0xFFFF, 16);
            appendFrame(appender, 1, 10001, 24);
            appendFrame(appender, 101, 2, 8);
            appendFrame(appender, 1, 10000, 30);
            appendFrame(appender, 101, 2, 12);
            appender.append(scratch, 0, 5, 7, 0);
            appender.append(scratch, 0, 0, 8, 0);

            final JournalStats stats = journal.stats();

            assertThat(stats.templates()).containsExactly(
                new JournalStats.TemplateCount(-1, -1, 2, 5),
                new JournalStats.TemplateCount(1, 10000, 1, 30),
                new JournalStats.TemplateCount(1, 10001, 1, 24),
                new JournalStats.TemplateCount(101, 2, 2, 20),
                new JournalStats.TemplateCount(0xFFFF, 0xFFFF, 1, 16));
            assertThat(stats.recordCount()).isEqualTo(7);
            assertThat(stats.payloadBytes()).isEqualTo(16 + 24 + 8 + 30 + 12 + 5);
            assertThat(stats.lastIngressNanos()).isEqualTo(8);
        }
    }

    @Test
    void shouldReportAnEmptyJournalAsZeros()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            final JournalStats stats = journal.stats();

            assertThat(stats.recordCount()).isZero();
            assertThat(stats.payloadBytes()).isZero();
            assertThat(stats.firstSequence()).isZero();
            assertThat(stats.lastSequence()).isZero();
            assertThat(stats.firstIngressNanos()).isZero();
            assertThat(stats.lastIngressNanos()).isZero();
            assertThat(stats.skippedRecords()).isZero();
            assertThat(stats.templates()).isEmpty();
        }
    }

    private void appendFrame(final JournalAppender appender, final int schemaId, final int templateId, final int length)
    {
        TestRecords.writeSbeHeader(scratch, 0, length - SbeHeader.LENGTH, templateId);
        scratch.putShort(SbeHeader.SCHEMA_ID_OFFSET, (short)schemaId, RecordHeader.BYTE_ORDER);
        appender.append(scratch, 0, length, appender.lastSequence() + 1, 0);
    }
}
