package com.schwabot.tensor.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TensorCachesTest
{
    private static final CacheSizes SIZES = new CacheSizes(16, 12, 256, 8, 3);

    @TempDir
    Path dir;

    @Test
    void shouldPersistWeightsFeaturesAndSignalsAcrossARestart()
    {
        final Path cacheDir = dir.resolve("data/cache");
        try (TensorCaches caches = TensorCaches.open(cacheDir, SIZES))
        {
            caches.weights().put(3, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
            caches.features().put(1_000_000_007L, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f});
            caches.signals().put(1_000_000_007L, new float[] {1, -0.5f, 0.25f});
        }
        assertThat(cacheDir.resolve(TensorCaches.WEIGHTS_FILE)).exists();
        assertThat(cacheDir.resolve(TensorCaches.FEATURES_FILE)).exists();
        assertThat(cacheDir.resolve(TensorCaches.SIGNALS_FILE)).exists();

        try (TensorCaches caches = TensorCaches.open(cacheDir, SIZES))
        {
            final float[] weights = new float[12];
            assertThat(caches.weights().get(3, weights)).isTrue();
            assertThat(weights).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            final float[] features = new float[8];
            assertThat(caches.features().get(1_000_000_007L, features)).isTrue();
            assertThat(features).containsExactly(0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f);
            final float[] signals = new float[3];
            assertThat(caches.signals().get(1_000_000_007L, signals)).isTrue();
            assertThat(signals).containsExactly(1, -0.5f, 0.25f);
        }
    }

    @Test
    void shouldNameTheMismatchedFileWhenSizesChange() throws Exception
    {
        TensorCaches.open(dir, SIZES).close();
        final CacheSizes moreFeatures = new CacheSizes(16, 12, 256, 9, 3);
        assertThatThrownBy(() -> TensorCaches.open(dir, moreFeatures))
            .isInstanceOf(CacheFileException.class)
            .hasMessageContaining(TensorCaches.FEATURES_FILE)
            .hasMessageContaining("configured vectorLength=9");
        Files.write(dir.resolve(TensorCaches.SIGNALS_FILE), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> TensorCaches.open(dir, SIZES))
            .isInstanceOf(CacheFileException.class)
            .hasMessageContaining(TensorCaches.SIGNALS_FILE)
            .hasMessageContaining("too short");
    }
}
