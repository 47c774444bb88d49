package com.schwabot.codecs;

import org.agrona.DirectBuffer;

/**
 * Renders any frame of the canonical or the Binance stream schema as one line, for {@code journal dump} and logs,
 * e.g. {@code Trade{instrumentId=3, venueId=1, tradeId=77, price=6512345e-2, qty=15e-3, ...}}. Prices and
 * quantities are shown exactly as {@code mantissa e exponent}.
 * <p>
 * The frame is checked first with a {@link FrameChecker}; a frame that fails is rendered as
 * {@code BadFrame{status=TRUNCATED_BODY, schemaId=101, templateId=3, length=12, bytes=0c000300...}} with at most
 * {@value RenderSupport#MAX_HEX_BYTES} bytes in hex. Nothing is thrown for any input and nothing is allocated other
 * than the growth of the caller's builder. Groups longer than {@value RenderSupport#MAX_GROUP_ENTRIES} entries are
 * cut short with a count of the rest.
 * <p>
 * Not thread-safe: one instance per thread.
 */
public final class FrameRenderer
{
    private final FrameChecker checker = new FrameChecker();
    private final CanonicalRenderer canonical = new CanonicalRenderer();
    private final BinanceRenderer binance = new BinanceRenderer();

    /**
     * Append one line (without a line separator) describing the frame at {@code [offset, offset + length)}.
     *
     * @param buffer holding the frame.
     * @param offset of the message header.
     * @param length of the bytes available for the frame.
     * @param out    to append to.
     * @return {@code out}.
     */
    public StringBuilder render(final DirectBuffer buffer, final int offset, final int length, final StringBuilder out)
    {
        final FrameStatus status = checker.check(buffer, offset, length);
        if (FrameStatus.OK != status)
        {
            return renderBad(buffer, offset, length, status, out);
        }
        if (checker.isCanonical())
        {
            canonical.render(checker, buffer, offset, out);
        }
        else
        {
            binance.render(checker, buffer, offset, out);
        }
        return out;
    }

    /**
     * @return the checker used by the last render, describing the frame (status, ids, encoded length).
     */
    public FrameChecker checker()
    {
        return checker;
    }

    private StringBuilder renderBad(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final FrameStatus status,
        final StringBuilder out)
    {
        out.append("BadFrame{status=").append(status.name());
        if (checker.schemaId() >= 0)
        {
            out.append(", schemaId=").append(checker.schemaId())
                .append(", version=").append(checker.version())
                .append(", templateId=").append(checker.templateId())
                .append(", blockLength=").append(checker.blockLength());
        }
        out.append(", length=").append(length).append(", bytes=");

        final int readable = null == buffer || offset < 0 || offset > buffer.capacity() || length < 0 ?
            0 : Math.min(length, buffer.capacity() - offset);
        final int shown = Math.min(readable, RenderSupport.MAX_HEX_BYTES);
        RenderSupport.appendHex(out, buffer, offset, shown);
        if (readable > shown)
        {
            out.append("...");
        }
        return out.append('}');
    }
}
