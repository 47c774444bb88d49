package com.schwabot.tensor.cache;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.hash.serialization.SizedReader;
import net.openhft.chronicle.hash.serialization.SizedWriter;
import net.openhft.chronicle.wire.WireIn;
import net.openhft.chronicle.wire.WireOut;

/**
 * Serializes a {@link LongKey} as 8 bytes. Stateless; its class name is recorded in the map file's header.
 */
public final class LongKeyMarshaller implements SizedReader<LongKey>, SizedWriter<LongKey>
{
    /** The one instance. */
    public static final LongKeyMarshaller INSTANCE = new LongKeyMarshaller();

    @Override
    public long size(final LongKey key)
    {
        return Long.BYTES;
    }

    @Override
    public void write(final Bytes<?> out, final long size, final LongKey key)
    {
        out.writeLong(key.value());
    }

    @Override
    public LongKey read(final Bytes<?> in, final long size, final LongKey using)
    {
        final LongKey key = using == null ? new LongKey() : using;
        return key.value(in.readLong());
    }

    @Override
    public void readMarshallable(final WireIn wire)
    {
    }

    @Override
    public void writeMarshallable(final WireOut wire)
    {
    }
}
