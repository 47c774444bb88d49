package com.schwabot.engine;

import java.nio.file.Path;

import com.schwabot.config.secret.Secret;

/**
 * What a live engine exposes besides trading: where its counters file goes (read by {@code schwabot stat}), whether
 * it serves the monitoring HTTP server ({@code monitoring.http_host}/{@code http_port}), the token its admin actions
 * require and where they are audited. The defaults expose nothing: counters in memory, no server (the engine's
 * own tests). Fluent setters; not thread-safe.
 */
public final class MonitoringOptions
{
    private Path countersDirectory;
    private boolean httpServer;
    private Secret adminToken;
    private Path auditLog;

    /**
     * Directory of the counters file.
     *
     * @param directory where {@code counters.dat} is created, or null to keep the counters in memory.
     * @return this.
     */
    public MonitoringOptions countersDirectory(final Path directory)
    {
        this.countersDirectory = directory;
        return this;
    }

    /**
     * @return the directory of the counters file, or null.
     */
    public Path countersDirectory()
    {
        return countersDirectory;
    }

    /**
     * Whether to serve the monitoring HTTP server.
     *
     * @param enabled true to serve it.
     * @return this.
     */
    public MonitoringOptions httpServer(final boolean enabled)
    {
        this.httpServer = enabled;
        return this;
    }

    /**
     * @return true when the HTTP server is served.
     */
    public boolean httpServer()
    {
        return httpServer;
    }

    /**
     * The bearer token that POST /halt and /resume require. The server keeps only its SHA-256 digest; the caller
     * may wipe the secret once the engine has started.
     *
     * @param token the token, or null to refuse every admin action.
     * @return this.
     */
    public MonitoringOptions adminToken(final Secret token)
    {
        this.adminToken = token;
        return this;
    }

    /**
     * @return the admin token, or null.
     */
    public Secret adminToken()
    {
        return adminToken;
    }

    /**
     * The audit log of admin actions (JSON lines, appended).
     *
     * @param file the file, or null for none (then the HTTP server refuses admin actions).
     * @return this.
     */
    public MonitoringOptions auditLog(final Path file)
    {
        this.auditLog = file;
        return this;
    }

    /**
     * @return the audit log, or null.
     */
    public Path auditLog()
    {
        return auditLog;
    }
}
