package com.schwabot.engine.replay;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;

/**
 * Tells the record that starts an engine run in a journal: an AdminCommand SESSION_START. A replay starts fresh
 * state at each one. Not thread-safe (reuses its decoders); allocation-free.
 */
public final class SessionStart
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AdminCommandDecoder admin = new AdminCommandDecoder();

    /**
     * Whether a record starts a run.
     *
     * @param buffer holding the record's frame.
     * @param offset of its SBE header.
     * @param length of the frame.
     * @return true for a SESSION_START.
     */
    public boolean test(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + AdminCommandDecoder.BLOCK_LENGTH)
        {
            return false;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            header.templateId() != AdminCommandDecoder.TEMPLATE_ID)
        {
            return false;
        }
        admin.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        return admin.action() == AdminAction.SESSION_START;
    }
}
