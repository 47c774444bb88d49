/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.checksum.Crc32c;

/**
 * CRC32C of record payloads, through Agrona's {@link Crc32c} (the JDK's intrinsic, called by address) for memory
 * and the JDK's {@link CRC32C} for heap arrays (the same checksum). Agrona reaches the JDK method reflectively, so
 * the JVM needs {@value #REQUIRED_JVM_FLAG}; without it Agrona's class initialiser throws a bare {@code Error} (later
 * uses a {@code NoClassDefFoundError}), which {@link #ensureAvailable()} turns into a clear message at open time.
 */
final class PayloadChecksum
{
    /** JVM flag Agrona's Crc32c needs on Java 17 (in tools/jvm.flags and the pom's schwabot.jvm.flags). */
    static final String REQUIRED_JVM_FLAG = "--add-opens=java.base/java.util.zip=ALL-UNNAMED";

    private PayloadChecksum()
    {
    }

    /**
     * Fail fast, with a message saying what to do, when checksums cannot be computed in this JVM.
     *
     * @throws IllegalStateException naming the missing JVM flag.
     */
    static void ensureAvailable()
    {
        try
        {
            Crc32c.INSTANCE.compute(0, 0, 0);
        }
        catch (final VirtualMachineError ex)
        {
            throw ex;
        }
        catch (final Error ex)
        {
            throw new IllegalStateException("journal checksums need the JVM flag " + REQUIRED_JVM_FLAG +
                " (see tools/jvm.flags), or open the journal with checksum(false)", ex);
        }
    }

    /**
     * CRC32C of a range of memory.
     *
     * @param address base address.
     * @param offset  from the base address.
     * @param length  in bytes.
     * @return the checksum.
     */
    static int compute(final long address, final int offset, final int length)
    {
        return Crc32c.INSTANCE.compute(address, offset, length);
    }

    /**
     * CRC32C of a range of a buffer, on or off the heap. The caller checks the bounds.
     *
     * @param buffer  holding the bytes.
     * @param offset  of the first byte in the buffer.
     * @param length  in bytes.
     * @param scratch for a heap buffer: reset and used (allocation-free).
     * @return the checksum, equal to {@link #compute(long, int, int)} over the same bytes.
     */
    static int compute(final DirectBuffer buffer, final int offset, final int length, final CRC32C scratch)
    {
        final byte[] array = buffer.byteArray();
        if (null == array)
        {
            return compute(buffer.addressOffset(), offset, length);
        }
        scratch.reset();
        scratch.update(array, buffer.wrapAdjustment() + offset, length);
        return (int)scratch.getValue();
    }
}
