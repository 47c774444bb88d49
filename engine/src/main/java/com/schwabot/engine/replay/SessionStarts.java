package com.schwabot.engine.replay;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;

/**
 * Recognises the AdminCommand SESSION_START that begins each engine run in a journal. Its {@code commandId} says
 * whether the run started afresh (0) or, after a restart, continued the session that began at that journal sequence
 * (crash recovery: the engine replayed that session into its core before going live, and a replay must continue the
 * same core there too).
 * <p>
 * Not thread-safe: holds its decoders.
 */
public final class SessionStarts
{
    /** What {@link #sessionStart} returns for a record that is not a SESSION_START. */
    public static final long NOT_A_SESSION_START = -1;
    /** What {@link #sessionStart} returns for a SESSION_START of a fresh run. */
    public static final long FRESH = 0;

    /** The header's template id and schema id as one little-endian int, as an AdminCommand's header holds them. */
    private static final int ADMIN_COMMAND_KEY =
        AdminCommandDecoder.TEMPLATE_ID | MessageHeaderDecoder.SCHEMA_ID << Short.SIZE;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AdminCommandDecoder admin = new AdminCommandDecoder();

    /**
     * Look at one journal record.
     *
     * @param buffer holding the frame.
     * @param offset of its SBE header.
     * @param length of the frame.
     * @return {@link #NOT_A_SESSION_START}, {@link #FRESH}, or the journal sequence of the session the run continues.
     */
    public long sessionStart(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + AdminCommandDecoder.BLOCK_LENGTH)
        {
            return NOT_A_SESSION_START;
        }
        if (buffer.getInt(offset + MessageHeaderDecoder.templateIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN) !=
            ADMIN_COMMAND_KEY)
        {
            return NOT_A_SESSION_START;
        }
        header.wrap(buffer, offset);
        admin.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        if (admin.action() != AdminAction.SESSION_START)
        {
            return NOT_A_SESSION_START;
        }
        return Math.max(FRESH, admin.commandId());
    }
}
