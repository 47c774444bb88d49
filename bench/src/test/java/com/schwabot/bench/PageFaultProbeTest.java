package com.schwabot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageFaultProbeTest
{
    @Test
    void shouldTimeTheFirstWriteToEachPageOfAMappedFileAndLeaveNoFile(@TempDir final Path dir) throws IOException
    {
        final double micros = PageFaultProbe.microsPerPage(dir, 4);

        assertThat(micros).isPositive().isFinite();
        try (Stream<Path> left = Files.list(dir))
        {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void shouldRefuseASizeOutOfRangeAndNameTheValue(@TempDir final Path dir)
    {
        assertThatThrownBy(() -> PageFaultProbe.microsPerPage(dir, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("megabytes must be in [1, 1024]: 0");
        assertThatThrownBy(() -> PageFaultProbe.microsPerPage(dir, 2048))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("megabytes must be in [1, 1024]: 2048");
    }
}
