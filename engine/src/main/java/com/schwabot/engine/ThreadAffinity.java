package com.schwabot.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

import net.openhft.posix.PosixAPI;

/**
 * Pins a thread to one CPU ({@code engine.business_thread_cpu}) with Linux's {@code sched_setaffinity}, through
 * Chronicle's POSIX bindings (the {@code net.openhft:posix} library Chronicle Queue itself uses). The engine checks the
 * CPU before it starts any thread ({@link #checkPinnable}), so that a CPU the process may not run on, or a platform
 * without the bindings, stops the start with a message naming the key; the business thread then pins itself as it
 * starts ({@link #pinCurrentThread}).
 * <p>
 * Thread-safe: stateless.
 */
public final class ThreadAffinity
{
    private static final Path PROCESS_STATUS = Path.of("/proc/self/status");
    private static final String ALLOWED_KEY = "Cpus_allowed_list:";

    private ThreadAffinity()
    {
    }

    /**
     * Check that a thread of this process can be pinned to a CPU.
     *
     * @param key what set the CPU, for the message (the config key).
     * @param cpu the CPU id.
     * @throws IllegalArgumentException naming the key, the CPU and the CPUs allowed, when the process may not run on
     *                                  it, or when this platform cannot pin threads.
     */
    public static void checkPinnable(final String key, final int cpu)
    {
        final String allowed = allowedCpuList();
        if (null == allowed)
        {
            throw new IllegalArgumentException(key + "=" + cpu + ": cannot pin a thread here: " + PROCESS_STATUS +
                " has no " + ALLOWED_KEY + " line (pinning needs Linux)");
        }
        if (cpu < 0 || !parseCpuList(allowed).get(cpu))
        {
            throw new IllegalArgumentException(
                key + "=" + cpu + " is not a CPU this process may run on; allowed: " + allowed);
        }
        try
        {
            PosixAPI.posix().gettid();
        }
        catch (final RuntimeException | LinkageError ex)
        {
            throw new IllegalArgumentException(key + "=" + cpu + ": cannot pin a thread here: the POSIX bindings " +
                "did not load (" + ex.getMessage() + ")", ex);
        }
    }

    /**
     * Pin the calling thread to a CPU.
     *
     * @param cpu the CPU id.
     * @throws IllegalStateException when the kernel refuses.
     */
    public static void pinCurrentThread(final int cpu)
    {
        final PosixAPI posix = PosixAPI.posix();
        try
        {
            posix.sched_setaffinity_as(posix.gettid(), cpu);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalStateException("cannot pin thread '" + Thread.currentThread().getName() + "' to CPU " +
                cpu + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The CPUs this process may run on, in the kernel's list format ({@code 0-3,6}).
     *
     * @return the list, null when the platform does not say.
     */
    public static String allowedCpuList()
    {
        return cpuListOf(PROCESS_STATUS);
    }

    /**
     * The CPUs a task may run on, from its {@code status} file under {@code /proc}.
     *
     * @param status the status file ({@code /proc/self/task/TID/status} for a thread).
     * @return the list, null when the file or its line is missing.
     */
    static String cpuListOf(final Path status)
    {
        try
        {
            for (final String line : Files.readAllLines(status))
            {
                if (line.startsWith(ALLOWED_KEY))
                {
                    return line.substring(ALLOWED_KEY.length()).trim();
                }
            }
            return null;
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            return null;
        }
    }

    /**
     * Parse the kernel's CPU list format: comma-separated ids and inclusive ranges ({@code 0-3,6,8-9}).
     *
     * @param list the list.
     * @return the CPUs.
     * @throws IllegalArgumentException when the list is malformed.
     */
    static BitSet parseCpuList(final String list)
    {
        final BitSet cpus = new BitSet();
        if (list.isBlank())
        {
            return cpus;
        }
        for (final String part : list.trim().split(","))
        {
            final int dash = part.indexOf('-');
            try
            {
                final int from = Integer.parseInt(dash < 0 ? part.trim() : part.substring(0, dash).trim());
                final int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).trim());
                if (from < 0 || to < from)
                {
                    throw new IllegalArgumentException("bad CPU range '" + part + "' in '" + list + "'");
                }
                cpus.set(from, to + 1);
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("bad CPU list '" + list + "'", ex);
            }
        }
        return cpus;
    }
}
