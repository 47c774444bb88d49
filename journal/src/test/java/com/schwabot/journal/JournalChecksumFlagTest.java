/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the JVM flag Agrona's Crc32c needs, opening a checksummed journal fails at once with a message naming the
 * flag, instead of the first append failing with an opaque error. Runs a second JVM: the test JVM has the flag.
 */
class JournalChecksumFlagTest
{
    private static final int EXIT_EXPECTED_FAILURE = 0;
    private static final int EXIT_OPENED = 3;
    private static final int EXIT_OTHER_FAILURE = 4;

    @TempDir
    Path dir;

    @Test
    void shouldNameTheMissingJvmFlagWhenOpeningAChecksummedJournal() throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!argument.contains("java.util.zip") && !argument.startsWith("-javaagent"))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OpenWithoutFlag.class.getName());
        command.add(dir.toString());

        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(EXIT_EXPECTED_FAILURE);
    }

    /**
     * Opens a journal with checksums and exits 0 when that fails with the expected message.
     */
    static final class OpenWithoutFlag
    {
        private OpenWithoutFlag()
        {
        }

        public static void main(final String[] args)
        {
            int exitCode;
            try (Journal journal = Journal.open(new JournalContext().directory(Path.of(args[0]))))
            {
                exitCode = null == journal ? EXIT_OTHER_FAILURE : EXIT_OPENED;
            }
            catch (final IllegalStateException ex)
            {
                exitCode = ex.getMessage().equals("journal checksums need the JVM flag " +
                    PayloadChecksum.REQUIRED_JVM_FLAG + " (see tools/jvm.flags), or open the journal with " +
                    "checksum(false)") ? EXIT_EXPECTED_FAILURE : EXIT_OTHER_FAILURE;
            }
            System.exit(exitCode);
        }
    }
}
