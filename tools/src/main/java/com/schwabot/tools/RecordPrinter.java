package com.schwabot.tools;

import java.io.PrintWriter;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.FrameRenderer;
import com.schwabot.journal.JournalSource;
import com.schwabot.journal.RecordHandler;

/**
 * Prints each journal record as one line: sequence, ingress time (ISO-8601, UTC, nanoseconds), source venue and
 * connection, application flags, then the frame as {@link FrameRenderer} renders it, e.g.
 * <pre>
 * seq=1 time=2023-11-14T22:13:20.123456789Z venue=1 conn=1 flags=0x00 Trade{instrumentId=3, ...}
 * </pre>
 * Records before a first sequence are skipped; printing stops at a limit. Not thread-safe.
 */
final class RecordPrinter implements RecordHandler
{
    private final PrintWriter out;
    private final long fromSequence;
    private final long limit;
    private final FrameRenderer renderer = new FrameRenderer();
    private final StringBuilder line = new StringBuilder(256);
    private long printed;

    /**
     * @param out          where the lines go.
     * @param fromSequence records with a lower sequence are skipped.
     * @param limit        most records to print.
     */
    RecordPrinter(final PrintWriter out, final long fromSequence, final long limit)
    {
        this.out = out;
        this.fromSequence = fromSequence;
        this.limit = limit;
    }

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
        if (sequence < fromSequence || printed >= limit)
        {
            return;
        }
        line.setLength(0);
        format(sequence, ingressNanos, source, flags, line);
        renderer.render(buffer, offset, length, line);
        out.println(line);
        printed++;
    }

    /**
     * @return records printed so far.
     */
    long printed()
    {
        return printed;
    }

    /**
     * @return true once the limit is reached.
     */
    boolean done()
    {
        return printed >= limit;
    }

    static StringBuilder format(
        final long sequence, final long ingressNanos, final long source, final int flags, final StringBuilder out)
    {
        return out.append("seq=").append(sequence)
            .append(" time=").append(JournalFiles.isoTime(ingressNanos))
            .append(" venue=").append(JournalSource.venueId(source))
            .append(" conn=").append(JournalSource.connectionId(source))
            .append(" flags=0x").append(Character.forDigit((flags >>> 4) & 0xF, 16))
            .append(Character.forDigit(flags & 0xF, 16))
            .append(' ');
    }
}
