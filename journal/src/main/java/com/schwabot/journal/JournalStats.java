/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Result of {@link Journal#stats()}: valid records counted per (schemaId, templateId), payload bytes, the first and
 * last sequence and ingress time, and the excerpts skipped because they were not valid records.
 */
public final class JournalStats
{
    private final long recordCount;
    private final long payloadBytes;
    private final long firstSequence;
    private final long lastSequence;
    private final long firstIngressNanos;
    private final long lastIngressNanos;
    private final long skippedRecords;
    private final long checksumFailures;
    private final long unreadFromIndex;
    private final List<String> damagedFiles;
    private final List<TemplateCount> templates;

    /**
     * Records of one (schemaId, templateId); payloads too short for an SBE header are counted as (-1, -1).
     *
     * @param schemaId   SBE schema id of the payloads, -1 for payloads without an SBE header.
     * @param templateId SBE template id of the payloads, -1 for payloads without an SBE header.
     * @param count      number of records.
     * @param bytes      payload bytes of those records.
     */
    public record TemplateCount(int schemaId, int templateId, long count, long bytes)
    {
    }

    JournalStats(
        final Collector records,
        final long skippedRecords,
        final long checksumFailures,
        final long unreadFromIndex,
        final List<String> damagedFiles,
        final List<TemplateCount> templates)
    {
        this.recordCount = records.recordCount;
        this.payloadBytes = records.payloadBytes;
        this.firstSequence = records.firstSequence;
        this.lastSequence = records.lastSequence;
        this.firstIngressNanos = records.firstIngressNanos;
        this.lastIngressNanos = records.lastIngressNanos;
        this.skippedRecords = skippedRecords;
        this.checksumFailures = checksumFailures;
        this.unreadFromIndex = unreadFromIndex;
        this.damagedFiles = List.copyOf(damagedFiles);
        this.templates = Collections.unmodifiableList(templates);
    }

    /**
     * Valid records counted.
     *
     * @return the record count.
     */
    public long recordCount()
    {
        return recordCount;
    }

    /**
     * Payload bytes of the valid records (record headers excluded).
     *
     * @return the payload bytes.
     */
    public long payloadBytes()
    {
        return payloadBytes;
    }

    /**
     * Sequence of the first valid record, 0 when empty.
     *
     * @return the first sequence.
     */
    public long firstSequence()
    {
        return firstSequence;
    }

    /**
     * Sequence of the last valid record, 0 when empty.
     *
     * @return the last sequence.
     */
    public long lastSequence()
    {
        return lastSequence;
    }

    /**
     * Ingress time of the first valid record, 0 when empty.
     *
     * @return epoch nanoseconds.
     */
    public long firstIngressNanos()
    {
        return firstIngressNanos;
    }

    /**
     * Ingress time of the last valid record, 0 when empty.
     *
     * @return epoch nanoseconds.
     */
    public long lastIngressNanos()
    {
        return lastIngressNanos;
    }

    /**
     * Excerpts that were not valid records.
     *
     * @return the skipped count.
     */
    public long skippedRecords()
    {
        return skippedRecords;
    }

    /**
     * Records left out because their payload does not match its CRC32C ({@link JournalTailer#checksumFailures()}).
     *
     * @return the count.
     */
    public long checksumFailures()
    {
        return checksumFailures;
    }

    /**
     * Where the read stopped before the journal's end: the Chronicle index of the excerpt no tailer can read past (a
     * damaged excerpt header), when Chronicle knows of excerpts after it ({@link Journal#verify()} says what is
     * wrong there).
     *
     * @return the index, or -1 when the read reached the last excerpt.
     */
    public long unreadFromIndex()
    {
        return unreadFromIndex;
    }

    /**
     * The queue files found damaged or out of their place when the journal was opened, one line each naming the file
     * and what was found ({@link Journal#damage()}).
     *
     * @return the lines; empty when every file is whole and in its place.
     */
    public List<String> damagedFiles()
    {
        return damagedFiles;
    }

    /**
     * Whether the read took in every excerpt as records, in the journal's own order: none skipped, none failing its
     * checksum, none out of reach, and no queue file damaged or out of its place.
     *
     * @return true for a journal read whole.
     */
    public boolean readWhole()
    {
        return skippedRecords == 0 && checksumFailures == 0 && unreadFromIndex < 0 && damagedFiles.isEmpty();
    }

    /**
     * Counts per (schemaId, templateId), sorted by schema then template.
     *
     * @return the counts.
     */
    public List<TemplateCount> templates()
    {
        return templates;
    }

    /**
     * Count of records of one template.
     *
     * @param schemaId   SBE schema id.
     * @param templateId SBE template id.
     * @return the count, 0 when none.
     */
    public long count(final int schemaId, final int templateId)
    {
        for (final TemplateCount t : templates)
        {
            if (t.schemaId() == schemaId && t.templateId() == templateId)
            {
                return t.count();
            }
        }
        return 0;
    }

    /**
     * Accumulates statistics as a {@link RecordHandler}. Allocates only when it meets a new template.
     */
    static final class Collector implements RecordHandler
    {
        private final Int2ObjectHashMap<long[]> byKey = new Int2ObjectHashMap<>();
        private long noHeaderCount;
        private long noHeaderBytes;
        private long recordCount;
        private long payloadBytes;
        private long firstSequence;
        private long lastSequence;
        private long firstIngressNanos;
        private long lastIngressNanos;

        public void onRecord(
            final long sequence,
            final long ingressNanos,
            final long source,
            final int flags,
            final DirectBuffer buffer,
            final int offset,
            final int length,
            final long index)
        {
            if (0 == recordCount)
            {
                firstSequence = sequence;
                firstIngressNanos = ingressNanos;
            }
            recordCount++;
            payloadBytes += length;
            lastSequence = sequence;
            lastIngressNanos = ingressNanos;

            if (length < SbeHeader.LENGTH)
            {
                noHeaderCount++;
                noHeaderBytes += length;
                return;
            }
            final int key = (SbeHeader.schemaId(buffer, offset) << 16) | SbeHeader.templateId(buffer, offset);
            long[] counts = byKey.get(key);
            if (null == counts)
            {
                counts = new long[2];
                byKey.put(key, counts);
            }
            counts[0]++;
            counts[1] += length;
        }

        JournalStats toStats(
            final long skippedRecords,
            final long checksumFailures,
            final long unreadFromIndex,
            final List<String> damagedFiles)
        {
            final List<TemplateCount> templates = new ArrayList<>();
            if (noHeaderCount > 0)
            {
                templates.add(new TemplateCount(-1, -1, noHeaderCount, noHeaderBytes));
            }
            byKey.forEach((key, counts) -> templates.add(
                new TemplateCount(key >>> 16, key & 0xFFFF, counts[0], counts[1])));
            templates.sort((a, b) -> a.schemaId() != b.schemaId() ?
                Integer.compare(a.schemaId(), b.schemaId()) : Integer.compare(a.templateId(), b.templateId()));
            return new JournalStats(
                this, skippedRecords, checksumFailures, unreadFromIndex, damagedFiles, templates);
        }
    }
}
