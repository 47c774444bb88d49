/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedFile;

/**
 * Where a {@link JournalAppender} last committed: the queue file it writes (Chronicle's {@link MappedFile} of the
 * current cycle) and the file offset just past its last committed record. Written by the appender's thread after
 * each commit, read by a {@link JournalPretoucher} on its own thread.
 * <p>
 * Publishing costs the appender a reference comparison and a release store of the offset; the file is published
 * (a volatile store) only when the appender moves to a new queue file, at a roll. A reader reads {@link #file()}
 * then {@link #end()}: the offset may still be the old file's just after a roll, which a pretoucher only uses to
 * decide where to touch, never to read or write data.
 */
final class WriteMark
{
    private static final VarHandle END;

    static
    {
        try
        {
            END = MethodHandles.lookup().findVarHandle(WriteMark.class, "end", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private Bytes<?> bytes;
    private volatile MappedFile file;
    @SuppressWarnings("unused")
    private long end;

    /**
     * Publish a commit. Called by the appender's thread only.
     *
     * @param written the bytes the committed records were written to (the excerpt's wire bytes).
     * @param writeEnd file offset just past the last committed record.
     */
    void publish(final Bytes<?> written, final long writeEnd)
    {
        if (written != bytes)
        {
            bytes = written;
            file = written instanceof MappedBytes ? ((MappedBytes)written).mappedFile() : null;
        }
        END.setRelease(this, writeEnd);
    }

    /**
     * The queue file last written, null before the first commit.
     *
     * @return the file.
     */
    MappedFile file()
    {
        return file;
    }

    /**
     * The file offset just past the last committed record.
     *
     * @return the offset, 0 before the first commit.
     */
    long end()
    {
        return (long)END.getAcquire(this);
    }
}
