/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.posix.MAdviseFlag;
import net.openhft.posix.PosixAPI;
import org.agrona.concurrent.Agent;

/**
 * Touches the pages of the queue file just ahead of a {@link JournalAppender}, on a thread of its own, so that the
 * appending thread finds them mapped and backed: the page faults of a first write into a mapped page (one every few
 * dozen records) and Chronicle's mapping of each new block (with the objects it allocates) happen here instead of on
 * the business thread.
 * <p>
 * Each page from the appender's last commit ({@link WriteMark}) up to {@code lookahead} bytes past it is touched
 * once by an atomic compare-and-set of its first four bytes from 0 to 0: a write access (the page is faulted in
 * writable and allocated in the file) that changes nothing, whatever the appender writes there at the same moment.
 * The touches go through the blocks of the appender's own {@link MappedFile} (a page touched through another mapping
 * of the file would still fault for the appender). Chronicle maps block {@code k} over its {@code chunkSize} bytes
 * and an overlap after them, and the appender writes through block {@code k} up to its end, except a record that
 * starts before the end and runs on, written through the block it started in; so a page in the first
 * {@code overlapSize} bytes of a block is touched through both mappings that hold it. The pretoucher keeps the block
 * it touches and the one before reserved (mapped) until it moves on, so the appender finds them mapped; for that it
 * stays at most one block ahead (a lookahead above the block size is cut to it). At a roll it follows the appender
 * to the new file and releases the old one.
 * <p>
 * Each block it takes up it first advises {@code MADV_RANDOM} ({@code madvise(2)}, through Chronicle's POSIX bindings),
 * which turns off the kernel's read-ahead for faults in that mapping, the appender's own. Without it, Linux (6.x, with
 * large folios in the page cache) answers a fault in a hole of the sparse queue file by reading ahead, up to the
 * disk's {@code read_ahead_kb}: it allocates large folios and zeroes them in one go, in the kernel, where a kernel
 * built without preemption ({@code PREEMPT_NONE}) lets no other thread run on that CPU meanwhile. On the 2-vCPU
 * development VM (8 MiB of read-ahead, and fresh pages slow to first touch) one such fault took 20 to 50 ms and
 * stalled whichever thread shared its CPU (the feed or the business thread); one page at a time, the same work comes
 * in pieces a thread can be switched out between (bench/README, "Read-ahead on the journal's mapping"). The advice
 * only concerns this mapping: readers of the file map it apart and keep read-ahead. Where the advice cannot be given
 * (no POSIX bindings, or the call fails) the pretoucher goes on without it and counts the blocks
 * ({@link #blocksNotAdvised()}).
 * <p>
 * A page touched is a page of disk used: up to {@code lookahead} bytes beyond the last record of each queue file.
 * Where the file system cannot back a page, writing it raises SIGBUS, so the pretoucher never touches a page that
 * would take the free space of the journal's file system below {@code reserveBytes}: it measures the free space
 * (one {@code statvfs}) whenever what it touched since the last measurement reaches the lookahead or the room left
 * above the reserve, and touches no further than that room. Below the reserve the appender meets its own faults, as
 * without a pretoucher.
 * <p>
 * Runs as an Agrona {@link Agent} on one thread; {@link #onClose()} releases the file it holds. Stop it before the
 * journal is closed.
 */
public final class JournalPretoucher implements Agent, ReferenceOwner
{
    /**
     * Told what the pretoucher did, on its thread: for counters a monitor reads. Must not block.
     */
    public interface Listener
    {
        /** Tells nothing. */
        Listener NONE = new Listener()
        {
            @Override
            public void onTouched(final int pages)
            {
            }

            @Override
            public void onOvertaken()
            {
            }

            @Override
            public void onNoRoom()
            {
            }
        };

        /**
         * Pages touched in one step.
         *
         * @param pages how many, at least one.
         */
        void onTouched(int pages);

        /**
         * The appender had passed the pages touched so far: it wrote to pages nobody had touched for it (the
         * pretoucher was behind, or held back by the reserve).
         */
        void onOvertaken();

        /**
         * A stretch was left untouched: touching it would have taken the disk below the reserve.
         */
        void onNoRoom();
    }

    /** The agent's role name, which Agrona gives the thread that runs it. */
    public static final String ROLE_NAME = "schwabot-journal-pretouch";
    /** Most pages touched in one {@link #doWork()}. */
    public static final int MAX_PAGES_PER_WORK = 256;
    /** Size of the pages touched: the smallest page size of the platforms the journal runs on. */
    public static final int PAGE_SIZE = 4096;

    private final WriteMark mark;
    private final FileStore fileStore;
    private final long lookahead;
    private final long reserveBytes;
    private final Listener listener;
    private MappedFile file;
    private boolean fileHeld;
    private long chunkSize;
    private long overlapSize;
    private MappedBytesStore block;
    private long blockIndex = -1;
    private MappedBytesStore previousBlock;
    private long touchedTo;
    private long pagesTouched;
    private long skippedForSpace;
    private long overtaken;
    private long spaceBudget;
    private long blocksAdvised;
    private long blocksNotAdvised;
    private boolean adviceUnavailable;

    JournalPretoucher(
        final WriteMark mark, final Path directory, final long lookahead, final long reserveBytes,
        final Listener listener)
    {
        if (lookahead < PAGE_SIZE)
        {
            throw new IllegalArgumentException("lookahead " + lookahead + " bytes is less than a page (" +
                PAGE_SIZE + " bytes)");
        }
        if (reserveBytes < 0)
        {
            throw new IllegalArgumentException("reserve " + reserveBytes + " bytes is negative");
        }
        this.mark = mark;
        this.lookahead = lookahead;
        this.reserveBytes = reserveBytes;
        this.listener = listener;
        try
        {
            this.fileStore = Files.getFileStore(directory);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot find the file system of " + directory, ex);
        }
    }

    @Override
    public int doWork()
    {
        final MappedFile current = mark.file();
        if (current != file)
        {
            follow(current);
        }
        if (!fileHeld)
        {
            return 0;
        }
        final long end = mark.end();
        if (touchedTo > 0 && alignUp(end) > touchedTo)
        {
            overtaken++;
            listener.onOvertaken();
        }
        final long from = Math.max(touchedTo, alignUp(end));
        long to = Math.min(end + Math.min(lookahead, chunkSize), from + (long)MAX_PAGES_PER_WORK * PAGE_SIZE);
        if (from >= to)
        {
            return 0;
        }
        if (spaceBudget < to - from)
        {
            spaceBudget = Math.min(freeBytes() - reserveBytes, lookahead);
            to = Math.min(to, from + Math.max(0, spaceBudget & -PAGE_SIZE));
            if (from >= to)
            {
                skippedForSpace++;
                listener.onNoRoom();
                return 0;
            }
        }
        int pages = 0;
        try
        {
            for (long page = from; page < to; page += PAGE_SIZE)
            {
                touch(page);
                pages++;
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            release();
            throw new IllegalStateException("cannot touch " + file.file() + " at " + (from + pages * PAGE_SIZE), ex);
        }
        touchedTo = from + (long)pages * PAGE_SIZE;
        spaceBudget -= (long)pages * PAGE_SIZE;
        pagesTouched += pages;
        listener.onTouched(pages);
        return pages;
    }

    private long freeBytes()
    {
        try
        {
            return fileStore.getUsableSpace();
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    /**
     * Touch a page through the block the appender writes it through and, in the overlap at the start of a block,
     * through the block before it too.
     */
    private void touch(final long page) throws IOException
    {
        final long index = page / chunkSize;
        if (index != blockIndex)
        {
            moveTo(index);
        }
        block.compareAndSwapInt(page, 0, 0);
        if (null != previousBlock && page - index * chunkSize < overlapSize)
        {
            previousBlock.compareAndSwapInt(page, 0, 0);
        }
    }

    private void moveTo(final long index) throws IOException
    {
        final MappedBytesStore kept = null != block && index - 1 == blockIndex ? block : null;
        if (null == kept)
        {
            releaseBlock(block);
        }
        releaseBlock(previousBlock);
        previousBlock = null; // nothing held while acquiring, so a failure leaves nothing to release twice
        block = null;
        blockIndex = -1;
        previousBlock = null != kept || 0 == index ?
            kept : adviseRandom(file.acquireByteStore(this, (index - 1) * chunkSize));
        block = adviseRandom(file.acquireByteStore(this, index * chunkSize));
        blockIndex = index;
    }

    /**
     * Advise the kernel that faults in a block's mapping are random: no read-ahead (see the class comment). Called for
     * each block as it is taken up (a block kept on as the previous one is not taken up again); advising the same
     * mapping twice would change nothing.
     */
    private MappedBytesStore adviseRandom(final MappedBytesStore store)
    {
        if (adviceUnavailable)
        {
            blocksNotAdvised++;
            return store;
        }
        try
        {
            final long start = store.start();
            if (0 == PosixAPI.posix().madvise(store.addressForRead(start), store.realCapacity() - start,
                MAdviseFlag.MADV_RANDOM.value()))
            {
                blocksAdvised++;
            }
            else
            {
                blocksNotAdvised++;
            }
        }
        catch (final RuntimeException | LinkageError ex)
        {
            adviceUnavailable = true;
            blocksNotAdvised++;
        }
        return store;
    }

    private void follow(final MappedFile next)
    {
        release();
        file = next;
        touchedTo = 0;
        if (null != next)
        {
            try
            {
                next.reserve(this);
                fileHeld = true;
                chunkSize = next.chunkSize();
                overlapSize = next.overlapSize();
            }
            catch (final RuntimeException ex)
            {
                fileHeld = false;
            }
        }
    }

    private void release()
    {
        releaseBlock(block);
        releaseBlock(previousBlock);
        block = null;
        previousBlock = null;
        blockIndex = -1;
        if (fileHeld)
        {
            fileHeld = false;
            file.release(this);
        }
    }

    private void releaseBlock(final MappedBytesStore store)
    {
        if (null != store)
        {
            store.release(this);
        }
    }

    private static long alignUp(final long offset)
    {
        return (offset + PAGE_SIZE - 1) & -PAGE_SIZE;
    }

    /**
     * Pages touched so far. Read by the pretoucher's thread, or after it stopped.
     *
     * @return the count.
     */
    public long pagesTouched()
    {
        return pagesTouched;
    }

    /**
     * Times the appender was found past the pages touched so far. Read by the pretoucher's thread, or after it
     * stopped.
     *
     * @return the count.
     */
    public long overtaken()
    {
        return overtaken;
    }

    /**
     * Times a stretch was left untouched for lack of free space.
     *
     * @return the count.
     */
    public long skippedForSpace()
    {
        return skippedForSpace;
    }

    /**
     * Blocks whose mapping was advised {@code MADV_RANDOM}. Read by the pretoucher's thread, or after it stopped.
     *
     * @return the count.
     */
    public long blocksAdvised()
    {
        return blocksAdvised;
    }

    /**
     * Blocks taken up whose mapping could not be advised: the call failed, or this platform has no POSIX bindings.
     * Read by the pretoucher's thread, or after it stopped.
     *
     * @return the count.
     */
    public long blocksNotAdvised()
    {
        return blocksNotAdvised;
    }

    @Override
    public void onClose()
    {
        release();
    }

    @Override
    public String roleName()
    {
        return ROLE_NAME;
    }
}
