package com.schwabot.tensor.cache;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.hash.serialization.SizedReader;
import net.openhft.chronicle.hash.serialization.SizedWriter;
import net.openhft.chronicle.wire.WireIn;
import net.openhft.chronicle.wire.WireOut;

/**
 * Serializes a {@link FloatVector} as its floats, 4 bytes each, no length prefix (every value of a map has the same
 * length). Reads fill the vector passed in when it has the stored length, so {@code getUsing} allocates nothing.
 * Stateless; its class name is recorded in the map file's header.
 */
public final class FloatVectorMarshaller implements SizedReader<FloatVector>, SizedWriter<FloatVector>
{
    /** The one instance. */
    public static final FloatVectorMarshaller INSTANCE = new FloatVectorMarshaller();

    @Override
    public long size(final FloatVector vector)
    {
        return (long)vector.length() * Float.BYTES;
    }

    @Override
    public void write(final Bytes<?> out, final long size, final FloatVector vector)
    {
        final float[] values = vector.values();
        for (final float value : values)
        {
            out.writeFloat(value);
        }
    }

    @Override
    public FloatVector read(final Bytes<?> in, final long size, final FloatVector using)
    {
        final int length = (int)(size / Float.BYTES);
        final FloatVector vector = using != null && using.length() == length ? using : new FloatVector(length);
        final float[] values = vector.values();
        for (int i = 0; i < length; i++)
        {
            values[i] = in.readFloat();
        }
        return vector;
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
