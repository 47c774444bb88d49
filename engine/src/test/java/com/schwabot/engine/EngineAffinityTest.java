package com.schwabot.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.SchwabotConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code engine.business_thread_cpu}: the engine's business thread runs pinned to the CPU (read back from the kernel,
 * {@code /proc/self/task/TID/status}), and a CPU the process may not run on stops the start, naming the key, the CPU
 * and the CPUs allowed, before anything is opened.
 */
class EngineAffinityTest
{
    @TempDir
    Path dir;

    @Test
    void shouldParseTheKernelsCpuListFormat()
    {
        final BitSet cpus = ThreadAffinity.parseCpuList("0-2,5, 7-8");
        assertThat(cpus.stream().toArray()).containsExactly(0, 1, 2, 5, 7, 8);
        assertThat(ThreadAffinity.parseCpuList("3").stream().toArray()).containsExactly(3);
        assertThatThrownBy(() -> ThreadAffinity.parseCpuList("3-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadAffinity.parseCpuList("a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRunTheBusinessThreadOnTheConfiguredCpu() throws Exception
    {
        final String allowed = ThreadAffinity.allowedCpuList();
        assumeTrue(null != allowed, "no Cpus_allowed_list in /proc/self/status (not Linux): nothing to pin");
        final int cpu = ThreadAffinity.parseCpuList(allowed).length() - 1;
        final SchwabotConfig config = TestCores.defaults(
            Map.of("SCHWABOT_ENGINE_BUSINESS_THREAD_CPU", Integer.toString(cpu)));
        final Engine engine = Engine.start(config, dir.resolve("journal"), new LiveVenues(null));
        try
        {
            final String pinned = awaitBusinessThreadCpus(allowed);
            assertThat(pinned).as("the business thread's CPUs (the process may run on %s)", allowed)
                .isEqualTo(Integer.toString(cpu));
            assertThat(config.engine().describeThreads()).endsWith("business thread pinned to CPU " + cpu);
        }
        finally
        {
            engine.close();
        }
        assertThat(ThreadAffinity.allowedCpuList()).as("the rest of the process is not pinned").isEqualTo(allowed);
    }

    @Test
    void shouldRefuseToStartOnACpuTheProcessMayNotRunOn()
    {
        final String allowed = ThreadAffinity.allowedCpuList();
        assumeTrue(null != allowed, "no Cpus_allowed_list in /proc/self/status (not Linux)");
        final int cpu = ThreadAffinity.parseCpuList(allowed).length();
        final SchwabotConfig config = TestCores.defaults(
            Map.of("SCHWABOT_ENGINE_BUSINESS_THREAD_CPU", Integer.toString(cpu)));

        assertThatThrownBy(() -> Engine.start(config, dir.resolve("journal"), new LiveVenues(null)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("engine.business_thread_cpu=" + cpu + " is not a CPU this process may run on; allowed: " +
                allowed);
        assertThat(dir.resolve("journal")).as("nothing opened").doesNotExist();
    }

    /**
     * The CPU list of the thread named {@link Engine#BUSINESS_THREAD_NAME}, once it has pinned itself (it does so as
     * it starts): until then its list is the process's.
     */
    private static String awaitBusinessThreadCpus(final String processCpus) throws Exception
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        String cpus = null;
        while (System.nanoTime() < deadline)
        {
            cpus = businessThreadCpus();
            if (null != cpus && !cpus.equals(processCpus))
            {
                return cpus;
            }
            Thread.sleep(10);
        }
        return cpus;
    }

    private static String businessThreadCpus() throws Exception
    {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task")))
        {
            for (final Path task : (Iterable<Path>)tasks::iterator)
            {
                final Path comm = task.resolve("comm");
                if (Files.isReadable(comm) &&
                    Files.readString(comm).trim().equals(Engine.BUSINESS_THREAD_NAME.substring(0, 15)))
                {
                    return ThreadAffinity.cpuListOf(task.resolve("status"));
                }
            }
        }
        return null;
    }
}
