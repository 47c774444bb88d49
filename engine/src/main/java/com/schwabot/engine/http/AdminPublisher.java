package com.schwabot.engine.http;

import com.schwabot.codecs.sbe.AdminAction;

/**
 * Where accepted admin actions go: the input ring ({@code InputRing.publishAdmin}), so that the business thread acts
 * on them in order with everything else and the journal records them for replay.
 */
@FunctionalInterface
public interface AdminPublisher
{
    /**
     * Publish an admin command.
     *
     * @param commandId id of the command (also in the audit log).
     * @param action    halt or resume.
     * @param nanos     epoch nanoseconds of the command.
     * @param note      operator's note (no credentials).
     */
    void publish(long commandId, AdminAction action, long nanos, String note);
}
