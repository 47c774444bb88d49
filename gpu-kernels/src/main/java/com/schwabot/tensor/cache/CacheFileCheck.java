package com.schwabot.tensor.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an existing cache file before Chronicle Map opens it, so that a wrong file is reported clearly (file and
 * problem) instead of failing deep inside Chronicle or, worse, being read with the wrong layout:
 * <ul>
 *     <li>the Chronicle Map header: 8 bytes, a 4-byte length, then the map's self-description (text wire), which
 *     must describe a map of {@link LongKey} to {@link FloatVector} with the configured constant value size;</li>
 *     <li>the layout file next to it ({@code <file>.layout}, one line written when the cache was created), which
 *     must name the same kind, vector length and max entries.</li>
 * </ul>
 */
final class CacheFileCheck
{
    static final String LAYOUT_SUFFIX = ".layout";
    private static final int HEADER_PREFIX = 12;
    private static final int MAX_HEADER = 1 << 16;
    private static final String MAP_HEADER = "!net.openhft.chronicle.map.VanillaChronicleMap";
    private static final Pattern KEY_CLASS = Pattern.compile("keyClass: !type ([\\w.$]+)");
    private static final Pattern VALUE_CLASS = Pattern.compile("valueClass: !type ([\\w.$]+)");
    private static final Pattern VALUE_SIZE =
        Pattern.compile("valueSizeMarshaller: ![\\w.$]+ \\{\\s*constantSize: (\\d+)");

    private CacheFileCheck()
    {
    }

    /**
     * Whether the file exists with content (else it will be created).
     *
     * @param file the file.
     * @return true when it exists and is not empty.
     */
    static boolean existing(final Path file)
    {
        try
        {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        }
        catch (final IOException ex)
        {
            throw new CacheFileException(file, "cannot read: " + VectorCache.oneLine(ex), ex);
        }
    }

    /**
     * Checks the Chronicle Map header of an existing file.
     *
     * @param file         the file.
     * @param vectorLength the configured floats per value.
     * @throws CacheFileException when it is not a Chronicle Map of LongKey to FloatVector of that length.
     */
    static void checkHeader(final Path file, final int vectorLength)
    {
        final byte[] head;
        try (InputStream in = Files.newInputStream(file))
        {
            head = in.readNBytes(MAX_HEADER);
        }
        catch (final IOException ex)
        {
            throw new CacheFileException(file, "cannot read: " + VectorCache.oneLine(ex), ex);
        }
        if (head.length < HEADER_PREFIX)
        {
            throw corrupt(file, "only " + head.length + " bytes, too short for a Chronicle Map header");
        }
        final int length = ByteBuffer.wrap(head, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0x3FFF_FFFF;
        if (length < MAP_HEADER.length() || HEADER_PREFIX + length > head.length)
        {
            throw corrupt(file, "header length " + length + " out of range");
        }
        final String header = new String(head, HEADER_PREFIX, length, StandardCharsets.ISO_8859_1);
        if (!header.startsWith(MAP_HEADER))
        {
            throw corrupt(file, "no Chronicle Map header");
        }
        final String keyClass = find(KEY_CLASS, header);
        final String valueClass = find(VALUE_CLASS, header);
        if (!LongKey.class.getName().equals(keyClass) || !FloatVector.class.getName().equals(valueClass))
        {
            throw new CacheFileException(file, "not a Schwabot vector cache: a Chronicle Map of " + keyClass +
                " to " + valueClass + ", expected " + LongKey.class.getName() + " to " + FloatVector.class.getName(),
                null);
        }
        final String valueSize = find(VALUE_SIZE, header);
        final long expected = (long)vectorLength * Float.BYTES;
        if (valueSize == null || Long.parseLong(valueSize) != expected)
        {
            throw new CacheFileException(file, "created with values of " + valueSize + " bytes (vectorLength=" +
                (valueSize == null ? "?" : Long.parseLong(valueSize) / Float.BYTES) + "), configured vectorLength=" +
                vectorLength + ": delete the file to rebuild the cache, or restore the size it was created with",
                null);
        }
    }

    /**
     * Checks the layout file of an existing cache.
     *
     * @param file   the cache file.
     * @param layout the configured layout line.
     * @throws CacheFileException when the layout file is missing or differs.
     */
    static void checkLayout(final Path file, final String layout)
    {
        final Path layoutFile = layoutFile(file);
        final String found;
        try
        {
            found = Files.exists(layoutFile) ? Files.readString(layoutFile, StandardCharsets.UTF_8).trim() : null;
        }
        catch (final IOException ex)
        {
            throw new CacheFileException(file, "cannot read " + layoutFile + ": " + VectorCache.oneLine(ex), ex);
        }
        if (found == null)
        {
            throw new CacheFileException(file, "no layout file " + layoutFile.getFileName() +
                " next to it: not created by VectorCache, expected '" + layout + "'", null);
        }
        if (!found.equals(layout))
        {
            throw new CacheFileException(file, "created as '" + found + "' but configured as '" + layout +
                "': delete the file to rebuild the cache, or restore the sizes it was created with", null);
        }
    }

    /**
     * Writes the layout file of a new cache (atomically: a temporary file then a move).
     *
     * @param file   the cache file.
     * @param layout the layout line.
     */
    static void writeLayout(final Path file, final String layout)
    {
        final Path layoutFile = layoutFile(file);
        final Path temporary = layoutFile.resolveSibling(layoutFile.getFileName() + ".tmp");
        try
        {
            Files.writeString(temporary, layout + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, layoutFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new CacheFileException(file, "cannot write " + layoutFile + ": " + VectorCache.oneLine(ex), ex);
        }
    }

    static Path layoutFile(final Path file)
    {
        return file.resolveSibling(file.getFileName() + LAYOUT_SUFFIX);
    }

    private static String find(final Pattern pattern, final String text)
    {
        final Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static CacheFileException corrupt(final Path file, final String problem)
    {
        return new CacheFileException(file, "corrupt or not a Chronicle Map file: " + problem, null);
    }
}
