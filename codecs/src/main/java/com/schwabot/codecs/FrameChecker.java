package com.schwabot.codecs;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.binance.DepthDiffStreamEventDecoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.BookDeltaDecoder;
import com.schwabot.codecs.sbe.BookSnapshotDecoder;
import com.schwabot.codecs.sbe.BookTopDecoder;
import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.ConnectionStateDecoder;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.HeartbeatDecoder;
import com.schwabot.codecs.sbe.InstrumentDefinitionDecoder;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.RiskRejectDecoder;
import com.schwabot.codecs.sbe.SignalDecoder;
import com.schwabot.codecs.sbe.TimerDecoder;
import com.schwabot.codecs.sbe.TradeDecoder;

/**
 * Gate for untrusted bytes: says whether {@code [offset, offset + length)} holds one complete frame of the canonical
 * schema or of the Binance stream schema, and how many bytes that frame occupies.
 * <p>
 * It reads the header, looks the template up, then walks every repeating group and var-data field using only the
 * lengths on the wire, never reading at or past {@code offset + length}. It allocates nothing and throws nothing
 * (for any offset and length, valid or not). Bytes after the encoded length are not examined: compare
 * {@link #encodedLength()} with the length given when a frame must fill its record exactly.
 * <p>
 * The schema version must be exactly the one these codecs were generated from; a root block or group entry may be
 * longer than the schema's (SBE's extension rule) but never shorter.
 * <p>
 * Not thread-safe: the accessors describe the last call. Use one instance per thread.
 */
public final class FrameChecker
{
    /** Length of the SBE message header shared by both schemas. */
    public static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    /** Schema id of the canonical Schwabot messages. */
    public static final int CANONICAL_SCHEMA_ID = MessageHeaderDecoder.SCHEMA_ID;
    /** Schema version of the canonical Schwabot messages. */
    public static final int CANONICAL_SCHEMA_VERSION = MessageHeaderDecoder.SCHEMA_VERSION;
    /** Schema id of the Binance Spot SBE market-data streams. */
    public static final int BINANCE_SCHEMA_ID = com.schwabot.codecs.binance.MessageHeaderDecoder.SCHEMA_ID;
    /** Schema version of the Binance Spot SBE market-data streams. */
    public static final int BINANCE_SCHEMA_VERSION = com.schwabot.codecs.binance.MessageHeaderDecoder.SCHEMA_VERSION;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int BINANCE_FIRST_TEMPLATE = TradesStreamEventDecoder.TEMPLATE_ID;
    private static final MessageLayout[] CANONICAL = canonicalLayouts();
    private static final MessageLayout[] BINANCE = binanceLayouts();

    private FrameStatus status = FrameStatus.TRUNCATED_HEADER;
    private int encodedLength;
    private int blockLength;
    private int templateId;
    private int schemaId;
    private int version;
    private int varDataOffset;
    private MessageLayout layout;

    /**
     * Check the frame at {@code [offset, offset + length)}.
     *
     * @param buffer holding the frame.
     * @param offset at which the message header starts.
     * @param length of the bytes available for the frame.
     * @return {@link FrameStatus#OK} when the frame is complete and known, otherwise why not.
     */
    public FrameStatus check(final DirectBuffer buffer, final int offset, final int length)
    {
        encodedLength = 0;
        varDataOffset = -1;
        blockLength = -1;
        templateId = -1;
        schemaId = -1;
        version = -1;
        layout = null;
        status = doCheck(buffer, offset, length);
        return status;
    }

    /**
     * @return result of the last {@link #check(DirectBuffer, int, int)}.
     */
    public FrameStatus status()
    {
        return status;
    }

    /**
     * @return bytes the last checked frame occupies, header included; 0 unless the status is {@link FrameStatus#OK}.
     */
    public int encodedLength()
    {
        return encodedLength;
    }

    /**
     * Where the frame's variable-length data begins: just after its root block and groups, which the check walked.
     * A reader that needs a field stored last (a Binance stream frame's symbol) goes straight there, without walking
     * the groups again.
     *
     * @return the buffer index of the first variable-length field's length prefix (the frame's end when it has
     * none); -1 unless the status is {@link FrameStatus#OK}.
     */
    public int varDataOffset()
    {
        return varDataOffset;
    }

    /**
     * @return schema id from the last header read, -1 when the header was not readable.
     */
    public int schemaId()
    {
        return schemaId;
    }

    /**
     * @return schema version from the last header read, -1 when the header was not readable.
     */
    public int version()
    {
        return version;
    }

    /**
     * @return template id from the last header read, -1 when the header was not readable.
     */
    public int templateId()
    {
        return templateId;
    }

    /**
     * @return root block length from the last header read, -1 when the header was not readable.
     */
    public int blockLength()
    {
        return blockLength;
    }

    /**
     * @return true when the last frame checked OK and belongs to the canonical schema.
     */
    public boolean isCanonical()
    {
        return status == FrameStatus.OK && schemaId == CANONICAL_SCHEMA_ID;
    }

    /**
     * @return true when the last frame checked OK and belongs to the Binance stream schema.
     */
    public boolean isBinance()
    {
        return status == FrameStatus.OK && schemaId == BINANCE_SCHEMA_ID;
    }

    /**
     * @return message name of the last known template (static, never allocated), or null.
     */
    public String messageName()
    {
        return null == layout ? null : layout.name;
    }

    private FrameStatus doCheck(final DirectBuffer buffer, final int offset, final int length)
    {
        if (null == buffer || offset < 0 || length < 0 || (long)offset + length > buffer.capacity())
        {
            return FrameStatus.BAD_BOUNDS;
        }
        if (length < HEADER_LENGTH)
        {
            return FrameStatus.TRUNCATED_HEADER;
        }

        final long header = buffer.getLong(offset, ORDER); // four uint16: block length, template, schema, version
        blockLength = (int)header & 0xFFFF;
        templateId = (int)(header >>> 16) & 0xFFFF;
        schemaId = (int)(header >>> 32) & 0xFFFF;
        version = (int)(header >>> 48);

        final MessageLayout found;
        if (schemaId == CANONICAL_SCHEMA_ID)
        {
            if (version != CANONICAL_SCHEMA_VERSION)
            {
                return FrameStatus.UNSUPPORTED_VERSION;
            }
            found = lookup(CANONICAL, templateId);
        }
        else if (schemaId == BINANCE_SCHEMA_ID)
        {
            if (version != BINANCE_SCHEMA_VERSION)
            {
                return FrameStatus.UNSUPPORTED_VERSION;
            }
            found = lookup(BINANCE, templateId - BINANCE_FIRST_TEMPLATE);
        }
        else
        {
            return FrameStatus.UNKNOWN_SCHEMA;
        }

        if (null == found)
        {
            return FrameStatus.UNKNOWN_TEMPLATE;
        }
        layout = found;
        if (blockLength < found.blockLength)
        {
            return FrameStatus.BAD_BLOCK_LENGTH;
        }

        return walkBody(buffer, offset, (long)offset + length, found);
    }

    private FrameStatus walkBody(final DirectBuffer buffer, final int offset, final long end, final MessageLayout l)
    {
        long position = (long)offset + HEADER_LENGTH + blockLength;
        if (position > end)
        {
            return FrameStatus.TRUNCATED_BODY;
        }

        final int[] countWidths = l.groupCountWidths;
        final int[] entryLengths = l.groupEntryLengths;
        for (int i = 0; i < countWidths.length; i++)
        {
            final int countWidth = countWidths[i];
            if (position + MessageLayout.GROUP_BLOCK_LENGTH_WIDTH + countWidth > end)
            {
                return FrameStatus.TRUNCATED_BODY;
            }
            final int at = (int)position;
            final int entryLength = buffer.getShort(at, ORDER) & 0xFFFF;
            final long count = 4 == countWidth ?
                buffer.getInt(at + MessageLayout.GROUP_BLOCK_LENGTH_WIDTH, ORDER) & 0xFFFF_FFFFL :
                buffer.getShort(at + MessageLayout.GROUP_BLOCK_LENGTH_WIDTH, ORDER) & 0xFFFF;
            if (entryLength < entryLengths[i])
            {
                return FrameStatus.BAD_BLOCK_LENGTH;
            }
            position += MessageLayout.GROUP_BLOCK_LENGTH_WIDTH + countWidth + count * entryLength;
            if (position > end)
            {
                return FrameStatus.TRUNCATED_BODY;
            }
        }

        final int varData = (int)position;
        for (int i = 0; i < l.varDataFields; i++)
        {
            if (position + MessageLayout.VAR_DATA_LENGTH_WIDTH > end)
            {
                return FrameStatus.TRUNCATED_BODY;
            }
            position += MessageLayout.VAR_DATA_LENGTH_WIDTH + (buffer.getByte((int)position) & 0xFF);
            if (position > end)
            {
                return FrameStatus.TRUNCATED_BODY;
            }
        }

        encodedLength = (int)(position - offset);
        varDataOffset = varData;
        return FrameStatus.OK;
    }

    private static MessageLayout lookup(final MessageLayout[] layouts, final int index)
    {
        return index >= 0 && index < layouts.length ? layouts[index] : null;
    }

    private static MessageLayout[] canonicalLayouts()
    {
        final int levelsCount = BookDeltaDecoder.BidsDecoder.HEADER_SIZE - MessageLayout.GROUP_BLOCK_LENGTH_WIDTH;
        final int level = BookDeltaDecoder.BidsDecoder.sbeBlockLength();
        final MessageLayout[] layouts = new MessageLayout[LogonDecoder.TEMPLATE_ID + 1];
        layouts[TradeDecoder.TEMPLATE_ID] = MessageLayout.fixed("Trade", TradeDecoder.BLOCK_LENGTH);
        layouts[BookTopDecoder.TEMPLATE_ID] = MessageLayout.fixed("BookTop", BookTopDecoder.BLOCK_LENGTH);
        layouts[BookDeltaDecoder.TEMPLATE_ID] = MessageLayout.withGroups(
            "BookDelta", BookDeltaDecoder.BLOCK_LENGTH, 0,
            levelsCount, level, levelsCount, BookDeltaDecoder.AsksDecoder.sbeBlockLength());
        layouts[BookSnapshotDecoder.TEMPLATE_ID] = MessageLayout.withGroups(
            "BookSnapshot", BookSnapshotDecoder.BLOCK_LENGTH, 0,
            levelsCount, BookSnapshotDecoder.BidsDecoder.sbeBlockLength(),
            levelsCount, BookSnapshotDecoder.AsksDecoder.sbeBlockLength());
        layouts[InstrumentDefinitionDecoder.TEMPLATE_ID] = MessageLayout.withVarData(
            "InstrumentDefinition", InstrumentDefinitionDecoder.BLOCK_LENGTH, 1);
        layouts[NewOrderDecoder.TEMPLATE_ID] = MessageLayout.fixed("NewOrder", NewOrderDecoder.BLOCK_LENGTH);
        layouts[CancelOrderDecoder.TEMPLATE_ID] = MessageLayout.fixed("CancelOrder", CancelOrderDecoder.BLOCK_LENGTH);
        layouts[ExecutionReportDecoder.TEMPLATE_ID] = MessageLayout.fixed(
            "ExecutionReport", ExecutionReportDecoder.BLOCK_LENGTH);
        layouts[SignalDecoder.TEMPLATE_ID] = MessageLayout.fixed("Signal", SignalDecoder.BLOCK_LENGTH);
        layouts[RiskRejectDecoder.TEMPLATE_ID] = MessageLayout.fixed("RiskReject", RiskRejectDecoder.BLOCK_LENGTH);
        layouts[TimerDecoder.TEMPLATE_ID] = MessageLayout.fixed("Timer", TimerDecoder.BLOCK_LENGTH);
        layouts[AdminCommandDecoder.TEMPLATE_ID] = MessageLayout.withVarData(
            "AdminCommand", AdminCommandDecoder.BLOCK_LENGTH, 1);
        layouts[HeartbeatDecoder.TEMPLATE_ID] = MessageLayout.fixed("Heartbeat", HeartbeatDecoder.BLOCK_LENGTH);
        layouts[ConnectionStateDecoder.TEMPLATE_ID] = MessageLayout.fixed(
            "ConnectionState", ConnectionStateDecoder.BLOCK_LENGTH);
        layouts[LogonDecoder.TEMPLATE_ID] = MessageLayout.fixed("Logon", LogonDecoder.BLOCK_LENGTH);
        return layouts;
    }

    private static MessageLayout[] binanceLayouts()
    {
        final int tradesCount =
            TradesStreamEventDecoder.TradesDecoder.HEADER_SIZE - MessageLayout.GROUP_BLOCK_LENGTH_WIDTH;
        final int levelsCount =
            DepthDiffStreamEventDecoder.BidsDecoder.HEADER_SIZE - MessageLayout.GROUP_BLOCK_LENGTH_WIDTH;
        final int level = DepthDiffStreamEventDecoder.BidsDecoder.sbeBlockLength();
        final int count = DepthDiffStreamEventDecoder.TEMPLATE_ID - BINANCE_FIRST_TEMPLATE + 1;
        final MessageLayout[] layouts = new MessageLayout[count];
        layouts[TradesStreamEventDecoder.TEMPLATE_ID - BINANCE_FIRST_TEMPLATE] = MessageLayout.withGroups(
            "TradesStreamEvent", TradesStreamEventDecoder.BLOCK_LENGTH, 1,
            tradesCount, TradesStreamEventDecoder.TradesDecoder.sbeBlockLength());
        layouts[BestBidAskStreamEventDecoder.TEMPLATE_ID - BINANCE_FIRST_TEMPLATE] = MessageLayout.withVarData(
            "BestBidAskStreamEvent", BestBidAskStreamEventDecoder.BLOCK_LENGTH, 1);
        layouts[DepthSnapshotStreamEventDecoder.TEMPLATE_ID - BINANCE_FIRST_TEMPLATE] = MessageLayout.withGroups(
            "DepthSnapshotStreamEvent", DepthSnapshotStreamEventDecoder.BLOCK_LENGTH, 1,
            levelsCount, DepthSnapshotStreamEventDecoder.BidsDecoder.sbeBlockLength(),
            levelsCount, DepthSnapshotStreamEventDecoder.AsksDecoder.sbeBlockLength());
        layouts[DepthDiffStreamEventDecoder.TEMPLATE_ID - BINANCE_FIRST_TEMPLATE] = MessageLayout.withGroups(
            "DepthDiffStreamEvent", DepthDiffStreamEventDecoder.BLOCK_LENGTH, 1,
            levelsCount, level, levelsCount, DepthDiffStreamEventDecoder.AsksDecoder.sbeBlockLength());
        return layouts;
    }
}
