/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import org.agrona.checksum.Crc32c;

/**
 * CRC32C of record payloads in mapped memory, through Agrona's {@link Crc32c} (the JDK's intrinsic, called by
 * address). Agrona reaches the JDK method reflectively, so the JVM needs {@value #REQUIRED_JVM_FLAG}; without it
 * Agrona's class initialiser throws a bare {@code Error} (later uses a {@code NoClassDefFoundError}), which
 * {@link #ensureAvailable()} turns into a clear message at open time.
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
}
