package com.schwabot.tensor.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VectorCacheTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatWasWritten()
    {
        try (VectorCache cache = VectorCache.open(dir.resolve("f.cmap"), "features", 100, 4))
        {
            cache.put(1_000_001L, new float[] {1, 2, 3, 4});
            cache.put(-7L, new float[] {-1, 0.5f, Float.NaN, 9});
            cache.put(1_000_001L, new float[] {5, 6, 7, 8});

            final float[] into = new float[4];
            assertThat(cache.get(1_000_001L, into)).isTrue();
            assertThat(into).containsExactly(5, 6, 7, 8);
            assertThat(cache.get(-7L, into)).isTrue();
            assertThat(into).containsExactly(-1, 0.5f, Float.NaN, 9);
            assertThat(cache.get(42L, into)).isFalse();
            assertThat(cache.size()).isEqualTo(2);
            assertThat(cache.remove(-7L)).isTrue();
            assertThat(cache.remove(-7L)).isFalse();
            assertThat(cache.contains(1_000_001L)).isTrue();
            assertThat(cache.size()).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepItsContentsAcrossAReopen()
    {
        final Path file = dir.resolve("nested/cache/w.cmap");
        final Random random = new Random(3);
        final float[][] written = new float[50][8];
        try (VectorCache cache = VectorCache.open(file, "tensor-weights", 64, 8))
        {
            for (int id = 0; id < written.length; id++)
            {
                for (int e = 0; e < 8; e++)
                {
                    written[id][e] = random.nextFloat();
                }
                cache.put(id * 31L, written[id]);
            }
        }
        try (VectorCache reopened = VectorCache.open(file, "tensor-weights", 64, 8))
        {
            assertThat(reopened.size()).isEqualTo(written.length);
            final float[] into = new float[8];
            for (int id = 0; id < written.length; id++)
            {
                assertThat(reopened.get(id * 31L, into)).isTrue();
                assertThat(into).containsExactly(written[id]);
            }
        }
    }

    @Test
    void shouldRejectAFileCreatedWithAnotherVectorLength()
    {
        final Path file = dir.resolve("f.cmap");
        try (VectorCache cache = VectorCache.open(file, "features", 100, 4))
        {
            cache.put(1, new float[] {1, 2, 3, 4});
        }
        assertThatThrownBy(() -> VectorCache.open(file, "features", 100, 6))
            .isInstanceOf(CacheFileException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("created with values of 16 bytes (vectorLength=4), configured vectorLength=6");
        try (VectorCache cache = VectorCache.open(file, "features", 100, 4))
        {
            assertThat(cache.size()).as("the rejected open leaves the file intact").isEqualTo(1);
        }
    }

    @Test
    void shouldRejectAFileCreatedWithOtherEntriesOrKind()
    {
        final Path file = dir.resolve("s.cmap");
        VectorCache.open(file, "signals", 100, 2).close();
        assertThatThrownBy(() -> VectorCache.open(file, "signals", 200, 2))
            .isInstanceOf(CacheFileException.class)
            .hasMessageContaining("maxEntries=100");
        assertThatThrownBy(() -> VectorCache.open(file, "features", 100, 2))
            .isInstanceOf(CacheFileException.class)
            .hasMessageContaining("created as 'schwabot-vector-cache/v1 kind=signals");
    }

    @Test
    void shouldRejectAChronicleMapWithAnotherValueLayout() throws IOException
    {
        final Path file = dir.resolve("other.cmap");
        try (net.openhft.chronicle.map.ChronicleMap<Long, String> other =
            net.openhft.chronicle.map.ChronicleMapBuilder.of(Long.class, String.class)
                .entries(10).averageValueSize(16).createPersistedTo(file.toFile()))
        {
            other.put(1L, "one");
        }
        assertThatThrownBy(() -> VectorCache.open(file, "features", 10, 4))
            .isInstanceOf(CacheFileException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("not a Schwabot vector cache: a Chronicle Map of long to String");
    }

    @Test
    void shouldRejectGarbageBytes() throws IOException
    {
        final Path file = dir.resolve("garbage.cmap");
        final byte[] garbage = new byte[64 * 1024];
        new Random(5).nextBytes(garbage);
        Files.write(file, garbage);
        assertThatThrownBy(() -> VectorCache.open(file, "features", 10, 4))
            .isInstanceOf(CacheFileException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("corrupt or not a Chronicle Map file");
        assertThat(Files.readAllBytes(file)).as("the corrupt file is left for inspection").isEqualTo(garbage);
    }

    @Test
    void shouldRejectAMapWithoutItsLayoutFile() throws IOException
    {
        final Path file = dir.resolve("f.cmap");
        VectorCache.open(file, "features", 100, 4).close();
        Files.delete(dir.resolve("f.cmap.layout"));
        assertThatThrownBy(() -> VectorCache.open(file, "features", 100, 4))
            .isInstanceOf(CacheFileException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("no layout file f.cmap.layout");
    }

    @Test
    void shouldReadWithoutAllocating()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        try (VectorCache cache = VectorCache.open(dir.resolve("a.cmap"), "features", 1_000, 8))
        {
            final float[] values = new float[8];
            for (long id = 0; id < 500; id++)
            {
                values[0] = id;
                cache.put(id * 1_000_003L, values);
            }
            final float[] into = new float[8];
            for (int round = 0; round < 20_000; round++)
            {
                cache.get((round % 500) * 1_000_003L, into);
            }
            // The fewest bytes of five measured passes: a pass can catch one-off allocations while the JIT is still
            // compiling on a loaded machine (seen: 1 to 3 KB once), a read that allocates costs >= 160 KB a pass.
            long allocated = Long.MAX_VALUE;
            for (int pass = 0; pass < 5 && allocated > 1024; pass++)
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                for (int round = 0; round < 10_000; round++)
                {
                    cache.get((round % 500) * 1_000_003L, into);
                }
                allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
            }
            assertThat(allocated).as("bytes allocated by 10,000 reads (fewest of five passes)")
                .isLessThanOrEqualTo(1024);
            assertThat(into[0]).isEqualTo(9_999 % 500);
        }
    }

    @Test
    void shouldRejectATruncatedFile() throws IOException
    {
        final Path file = dir.resolve("t.cmap");
        VectorCache.open(file, "features", 100, 4).close();
        final byte[] bytes = Files.readAllBytes(file);
        final byte[] head = new byte[Math.min(bytes.length, 100)];
        System.arraycopy(bytes, 0, head, 0, head.length);
        Files.write(file, head);
        assertThatThrownBy(() -> VectorCache.open(file, "features", 100, 4))
            .isInstanceOf(CacheFileException.class)
            .hasMessageContaining(file.toString());
    }
}
