package com.schwabot.engine.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import com.schwabot.engine.json.JsonWriter;

/**
 * The audit log of admin actions: one JSON object per line, appended and never rewritten, written before the HTTP
 * response goes out. Each line holds the time, the action, the outcome (accepted or refused), the HTTP status, the
 * remote address, the command id (accepted actions; the same id is in the journal's AdminCommand) and why a
 * refused action was refused. Never the token. The file is created readable by its owner only.
 * <p>
 * Thread-safe (writes are serialised); each line is one {@code write} on a file opened for appending.
 */
public final class AuditLog implements AutoCloseable
{
    private final Path path;
    private final FileChannel channel;

    private AuditLog(final Path path, final FileChannel channel)
    {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Open (or create) an audit log.
     *
     * @param path the file; its directory is created when absent.
     * @return the log.
     * @throws IOException when it cannot be opened.
     */
    public static AuditLog open(final Path path) throws IOException
    {
        Files.createDirectories(path.toAbsolutePath().getParent());
        if (!Files.exists(path) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
        {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return new AuditLog(path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
            StandardOpenOption.WRITE));
    }

    /**
     * Append one admin action.
     *
     * @param timeMs    epoch milliseconds.
     * @param action    e.g. {@code halt}.
     * @param accepted  true when the action was carried out.
     * @param status    the HTTP status answered.
     * @param remote    the client's address.
     * @param commandId the command id in the journal, or 0 when refused.
     * @param detail    why it was refused, or a note; never a credential.
     * @throws IOException when the line cannot be written.
     */
    public synchronized void record(
        final long timeMs,
        final String action,
        final boolean accepted,
        final int status,
        final String remote,
        final long commandId,
        final String detail) throws IOException
    {
        final JsonWriter json = new JsonWriter().beginObject()
            .field("time", Instant.ofEpochMilli(timeMs).toString())
            .field("action", action)
            .field("outcome", accepted ? "accepted" : "refused")
            .field("status", status)
            .field("remote", remote);
        if (commandId != 0)
        {
            json.field("commandId", commandId);
        }
        json.field("detail", detail).endObject();
        final ByteBuffer line = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining())
        {
            channel.write(line);
        }
    }

    /**
     * @return the file.
     */
    public Path path()
    {
        return path;
    }

    /**
     * Close the file.
     */
    public synchronized void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            // nothing more to write
        }
    }
}
