package com.schwabot.engine.http;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.engine.json.JsonWriter;

/**
 * POST /halt and /resume: checks the bearer token, publishes the {@link AdminAction} into the input ring and writes
 * every action, accepted or refused, to the {@link AuditLog} (with the remote address, never the token), also one
 * the server refused before the token check ({@link #refused}).
 * <ul>
 *     <li>no token configured (or no audit log): 403, nothing published;</li>
 *     <li>no or wrong {@code Authorization: Bearer ...}: 401, nothing published;</li>
 *     <li>right token: the command is published and audited, 202 with its id; the business thread halts (or
 *     resumes) when it reaches the command, so every event after it in the journal sees the new state.</li>
 * </ul>
 * Thread-safe.
 */
public final class AdminEndpoint
{
    /** The action audited for a request whose request line or path could not be read. */
    public static final String UNKNOWN_ACTION = "unknown";

    private static final Logger LOG = LoggerFactory.getLogger("com.schwabot.audit");

    private final AdminToken token;
    private final AuditLog audit;
    private final AdminPublisher publisher;
    private final EpochNanoClock clock;
    private final AtomicLong nextCommandId;

    /**
     * An endpoint.
     *
     * @param token     the required token, or null to refuse every action.
     * @param audit     the audit log, or null to refuse every action.
     * @param publisher where accepted commands go.
     * @param clock     epoch clock for command times and ids.
     */
    public AdminEndpoint(
        final AdminToken token, final AuditLog audit, final AdminPublisher publisher, final EpochNanoClock clock)
    {
        this.token = token;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
        this.nextCommandId = new AtomicLong(clock.nanoTime() / 1_000);
    }

    /**
     * Outcome of a request.
     *
     * @param status    HTTP status.
     * @param body      JSON body.
     * @param commandId the published command, 0 when refused.
     */
    record Outcome(int status, String body, long commandId)
    {
    }

    /**
     * Handle an admin request.
     *
     * @param action        halt or resume.
     * @param authorization the {@code Authorization} header, or null.
     * @param remote        the client's address.
     * @return the outcome.
     */
    Outcome handle(final AdminAction action, final String authorization, final String remote)
    {
        final String name = action.name().toLowerCase(Locale.ROOT);
        final long nowNanos = clock.nanoTime();
        if (null == token || null == audit)
        {
            return refuse(name, 403,
                "admin actions are disabled: no admin token (monitoring.admin_token_name or SCHWABOT_ADMIN_TOKEN)",
                remote, nowNanos);
        }
        if (null == authorization)
        {
            return refuse(name, 401, "missing bearer token", remote, nowNanos);
        }
        if (!token.matches(authorization))
        {
            return refuse(name, 401, "wrong bearer token", remote, nowNanos);
        }
        final long commandId = nextCommandId.incrementAndGet();
        publisher.publish(commandId, action, nowNanos, "http " + name + " from " + remote);
        write(nowNanos, name, true, 202, remote, commandId, "published to the input ring");
        LOG.info("admin {} accepted from {}: command {}", name, remote, commandId);
        return new Outcome(202, new JsonWriter().beginObject()
            .field("action", name).field("accepted", true).field("commandId", commandId).endObject().toString(),
            commandId);
    }

    /**
     * Audit an admin request the server refused before its token was looked at: a wrong method, a malformed or
     * oversized request. Nothing is published.
     *
     * @param action halt or resume.
     * @param status the HTTP status answered.
     * @param reason why, never what the request carried.
     * @param remote the client's address.
     */
    void refused(final AdminAction action, final int status, final String reason, final String remote)
    {
        refuse(action.name().toLowerCase(Locale.ROOT), status, reason, remote, clock.nanoTime());
    }

    /**
     * Audit a request the server refused before it could read its path (a request line too long or malformed, a bad
     * percent-escape): it may have been an admin action. Audited as action {@value #UNKNOWN_ACTION}.
     *
     * @param status the HTTP status answered.
     * @param reason why, never what the request carried.
     * @param remote the client's address.
     */
    void refusedUnread(final int status, final String reason, final String remote)
    {
        refuse(UNKNOWN_ACTION, status, reason, remote, clock.nanoTime());
    }

    private Outcome refuse(
        final String name, final int status, final String reason, final String remote, final long nowNanos)
    {
        if (null != audit)
        {
            write(nowNanos, name, false, status, remote, 0, reason);
        }
        LOG.warn("admin {} refused from {}: {}", name, remote, reason);
        return new Outcome(status, new JsonWriter().beginObject()
            .field("action", name).field("accepted", false).field("error", reason).endObject().toString(), 0);
    }

    private void write(final long nowNanos, final String name, final boolean accepted, final int status,
        final String remote, final long commandId, final String detail)
    {
        try
        {
            audit.record(nowNanos / 1_000_000, name, accepted, status, remote, commandId, detail);
        }
        catch (final IOException ex)
        {
            LOG.error("audit log {} could not be written: {}", audit.path(), ex.toString());
        }
    }
}
