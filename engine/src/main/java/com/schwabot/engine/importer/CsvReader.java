package com.schwabot.engine.importer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Streams the lines of a CSV file (or of the one file in a {@code .zip}, as data.binance.vision publishes them)
 * through one reusable buffer into a {@link CsvRow}: nothing is loaded whole and nothing is allocated per line.
 * Blank lines are skipped, {@code \r\n} endings and a UTF-8 byte order mark are accepted, a line longer than
 * {@link #MAX_LINE_LENGTH} bytes is an error.
 * <p>
 * Not thread-safe.
 */
final class CsvReader implements AutoCloseable
{
    /** Longest line accepted, in bytes. */
    static final int MAX_LINE_LENGTH = 64 * 1024;

    private static final int MAX_ENTRIES_NAMED = 10;

    private final InputStream in;
    private final Closeable archive;
    private final String label;
    private final byte[] buffer = new byte[4 * MAX_LINE_LENGTH];
    private final CsvRow row;
    private int position;
    private int limit;
    private long lineNumber;
    private boolean eof;

    private CsvReader(final InputStream in, final Closeable archive, final String label, final CsvRow row)
    {
        this.in = in;
        this.archive = archive;
        this.label = label;
        this.row = row;
    }

    /**
     * Open a file: a {@code .zip} is read through the one file it holds (directories and macOS's
     * {@code __MACOSX/} entries aside).
     *
     * @param file the file.
     * @param row  the row the lines are wrapped into.
     * @return the reader.
     * @throws IOException     when the file cannot be opened.
     * @throws ImportException when a {@code .zip} is not a zip archive or does not hold exactly one file.
     */
    static CsvReader open(final Path file, final CsvRow row) throws IOException
    {
        final String name = file.toString();
        if (!name.endsWith(".zip"))
        {
            return new CsvReader(Files.newInputStream(file), null, name, row);
        }
        final ZipFile zip;
        try
        {
            zip = new ZipFile(file.toFile());
        }
        catch (final ZipException ex)
        {
            throw new ImportException(name + ": not a zip archive (" + ex.getMessage() + "): a .zip must be a zip " +
                "of one CSV file, as data.binance.vision publishes them");
        }
        try
        {
            final ZipEntry entry = onlyFile(zip, name);
            return new CsvReader(zip.getInputStream(entry), zip, name + "!" + entry.getName(), row);
        }
        catch (final IOException | RuntimeException ex)
        {
            zip.close();
            throw ex;
        }
    }

    private static ZipEntry onlyFile(final ZipFile zip, final String name)
    {
        final List<String> names = new ArrayList<>();
        ZipEntry only = null;
        final Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements())
        {
            final ZipEntry entry = entries.nextElement();
            if (!entry.isDirectory() && !entry.getName().startsWith("__MACOSX/"))
            {
                only = entry;
                names.add(entry.getName());
            }
        }
        if (names.isEmpty())
        {
            throw new ImportException(name + ": the zip archive holds no file");
        }
        if (names.size() > 1)
        {
            final String shown = String.join(", ", names.subList(0, Math.min(names.size(), MAX_ENTRIES_NAMED))) +
                (names.size() > MAX_ENTRIES_NAMED ? ", ..." : "");
            throw new ImportException(name + ": the zip archive holds " + names.size() + " files (" + shown +
                "), expected one CSV: unzip it and import the files");
        }
        return only;
    }

    /**
     * The file as errors name it: the path, or {@code archive.zip!entry.csv}.
     *
     * @return the label.
     */
    String label()
    {
        return label;
    }

    /**
     * Line number of the current row, from 1.
     *
     * @return the line number.
     */
    long lineNumber()
    {
        return lineNumber;
    }

    /**
     * Advance to the next non-blank line and wrap it into the row.
     *
     * @return false at the end of the file.
     * @throws IOException  when reading fails.
     * @throws RowException when the line is longer than {@link #MAX_LINE_LENGTH}; the reader skips it.
     */
    boolean next() throws IOException
    {
        while (true)
        {
            int newline = find(position);
            while (newline < 0 && !eof)
            {
                if (limit - position >= MAX_LINE_LENGTH)
                {
                    return skipLongLine();
                }
                fill();
                newline = find(position);
            }
            if (newline < 0 && position == limit)
            {
                return false;
            }
            final int end = newline < 0 ? limit : newline;
            final int start = position;
            position = newline < 0 ? limit : newline + 1;
            lineNumber++;
            final int lineEnd = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
            final int lineStart = lineNumber == 1 ? skipByteOrderMark(start, lineEnd) : start;
            if (lineEnd - lineStart > MAX_LINE_LENGTH)
            {
                throw new RowException("line longer than " + MAX_LINE_LENGTH + " bytes");
            }
            if (!isBlank(lineStart, lineEnd))
            {
                row.wrap(buffer, lineStart, lineEnd);
                return true;
            }
        }
    }

    private boolean skipLongLine() throws IOException
    {
        lineNumber++;
        while (true)
        {
            final int newline = find(position);
            if (newline >= 0)
            {
                position = newline + 1;
                break;
            }
            position = limit;
            if (eof)
            {
                break;
            }
            fill();
        }
        throw new RowException("line longer than " + MAX_LINE_LENGTH + " bytes");
    }

    private int find(final int from)
    {
        for (int i = from; i < limit; i++)
        {
            if (buffer[i] == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    private void fill() throws IOException
    {
        if (position > 0)
        {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        final int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0)
        {
            eof = true;
        }
        else
        {
            limit += read;
        }
    }

    private int skipByteOrderMark(final int start, final int end)
    {
        return end - start >= 3 && buffer[start] == (byte)0xEF && buffer[start + 1] == (byte)0xBB &&
            buffer[start + 2] == (byte)0xBF ? start + 3 : start;
    }

    private boolean isBlank(final int start, final int end)
    {
        for (int i = start; i < end; i++)
        {
            if (buffer[i] != ' ' && buffer[i] != '\t' && buffer[i] != ',')
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Close the file.
     *
     * @throws IOException when closing fails.
     */
    public void close() throws IOException
    {
        try
        {
            in.close();
        }
        finally
        {
            if (null != archive)
            {
                archive.close();
            }
        }
    }
}
