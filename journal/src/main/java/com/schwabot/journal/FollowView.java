/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a followed journal opens ({@link JournalContext#follow(boolean)}): a temporary directory holding a link to
 * each queue file of the journal named after a cycle, kept up to date by {@link #refresh()} as the writer creates
 * new cycle files, and no metadata file.
 * <p>
 * Why: Chronicle places a queue file by its name alone, and a reader that lists a directory holding a {@code .cq4}
 * file whose name it cannot parse (a copy saved as {@code 20261207F copy.cq4}) fails with an exception when it
 * looks for the next cycle, in the middle of a read. Such a file ({@link ProblemKind#MISNAMED_FILE}) is never
 * linked, so Chronicle never sees it; it is reported once, when first found. Unlike {@link ReadOnlyView}, the files
 * are not checked for a cut or a foreign start: a writer keeps its file extended past the data, and a file it is just
 * creating could look cut or foreign for an instant.
 * <p>
 * Not thread-safe: refresh from the thread that reads.
 */
final class FollowView implements AutoCloseable
{
    private final Path journal;
    private final Path directory;
    private final Set<Path> seen = new HashSet<>();
    private final List<ReadOnlyView.Damage> damage = new ArrayList<>();
    /** The first queue file named after a cycle, to show what a name looks like; null until there is one. */
    private Path named;
    private int linked;

    private FollowView(final Path journal, final Path directory)
    {
        this.journal = journal;
        this.directory = directory;
    }

    /**
     * Link a journal directory's queue files named after a cycle into a new temporary directory.
     *
     * @param journal directory of the journal.
     * @return the view; close it after the queue.
     * @throws UncheckedIOException when the directory cannot be listed or the view cannot be made.
     */
    static FollowView of(final Path journal)
    {
        Path directory = null;
        try
        {
            directory = Files.createTempDirectory("schwabot-journal-follow-");
            final FollowView view = new FollowView(journal, directory);
            view.damage.addAll(view.refresh());
            return view;
        }
        catch (final IOException | RuntimeException ex)
        {
            if (null != directory)
            {
                ReadOnlyView.deleteTree(directory);
            }
            throw new UncheckedIOException("cannot make a view to follow " + journal,
                ex instanceof IOException ? (IOException)ex : new IOException(ex));
        }
    }

    /**
     * Link the queue files created since the last refresh that are named after a cycle.
     *
     * @return one entry per queue file found since that is named after no cycle, and left out; empty when none.
     * @throws UncheckedIOException when the directory cannot be listed or a link cannot be made.
     */
    List<ReadOnlyView.Damage> refresh()
    {
        final List<Path> files = ReadOnlyView.list(journal);
        if (null == named)
        {
            named = files.stream().filter(ReadOnlyView::namedByACycle).findFirst().orElse(null);
        }
        final List<ReadOnlyView.Damage> found = new ArrayList<>();
        for (final Path file : files)
        {
            if (!seen.add(file))
            {
                continue;
            }
            if (ReadOnlyView.namedByACycle(file))
            {
                link(file);
                linked++;
            }
            else
            {
                found.add(ReadOnlyView.misnamed(file, named).damage(true));
            }
        }
        return found;
    }

    /**
     * @return the directory to open the queue in.
     */
    Path directory()
    {
        return directory;
    }

    /**
     * @return how many queue files have been linked so far.
     */
    int linked()
    {
        return linked;
    }

    /**
     * @return one entry per queue file left out at open; empty when none was.
     */
    List<ReadOnlyView.Damage> damage()
    {
        return damage;
    }

    /**
     * Delete the temporary directory. The queue opened on it must be closed first.
     */
    public void close()
    {
        ReadOnlyView.deleteTree(directory);
    }

    private void link(final Path file)
    {
        try
        {
            Files.createSymbolicLink(directory.resolve(file.getFileName()), file.toAbsolutePath());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot link " + file + " into the view that follows " + journal, ex);
        }
    }
}
