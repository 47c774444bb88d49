package com.schwabot.tools;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chronicle/Agrona JVM flags live in two places: the parent pom (surefire, failsafe) and tools/jvm.flags
 * (the launcher and the benchmark runner). This test keeps them identical.
 */
class JvmFlagsConsistencyTest
{
    private static final Pattern POM_FLAGS =
        Pattern.compile("<schwabot\\.jvm\\.flags>([^<]*)</schwabot\\.jvm\\.flags>");

    @Test
    void shouldUseTheSameJvmFlagsInThePomAndTheLauncher() throws IOException
    {
        final Path root = Path.of(System.getProperty("schwabot.root", ".."));
        final String pom = Files.readString(root.resolve("pom.xml"));
        final Matcher matcher = POM_FLAGS.matcher(pom);
        assertThat(matcher.find()).as("schwabot.jvm.flags property in pom.xml").isTrue();
        final List<String> pomFlags = Arrays.asList(matcher.group(1).trim().split("\\s+"));

        final List<String> fileFlags = Files.readAllLines(root.resolve("tools/jvm.flags")).stream()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.toList());

        assertThat(fileFlags).containsExactlyElementsOf(pomFlags);
        assertThat(fileFlags).contains("-Dchronicle.analytics.disable=true");
    }

    @Test
    void shouldPassTheFlagsToTheTestJvm()
    {
        assertThat(System.getProperty("chronicle.analytics.disable")).isEqualTo("true");
    }
}
