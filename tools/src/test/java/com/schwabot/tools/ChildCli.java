package com.schwabot.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built command line in a child process as a user would: {@code java <tools/jvm.flags> -jar
 * tools/target/schwabot.jar ...}, or the launcher {@code tools/schwabot} with {@code SCHWABOT_SKIP_BUILD=1}.
 * The child gets the given environment on top of this process's, without any inherited {@code SCHWABOT_*}
 * variable. To keep the suite quick on small machines the child JVM uses C1 only and the serial collector
 * (for the launcher through SCHWABOT_JAVA_OPTS, the documented way to add JVM options); the jar, its flags and
 * its main class are the ones a user runs.
 */
final class ChildCli
{
    static final Path ROOT = Path.of(System.getProperty("schwabot.root", "..")).toAbsolutePath().normalize();
    static final Path JAR = ROOT.resolve("tools/target/schwabot.jar");
    static final Path LAUNCHER = ROOT.resolve("tools/schwabot");
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final long TIMEOUT_SECONDS = 120;
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    private ChildCli()
    {
    }

    static CliRunner.Result jar(final Path workDir, final Map<String, String> env, final String stdin,
        final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(JAVA_HOME.resolve("bin/java").toString());
        command.addAll(QUICK_START);
        command.addAll(jvmFlags());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return run(command, workDir, env, stdin);
    }

    /**
     * Start the jar in a child process and return at once (its output goes to files in the work directory), for
     * tests that stop it themselves.
     */
    static Process start(final Path workDir, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(JAVA_HOME.resolve("bin/java").toString());
        command.addAll(QUICK_START);
        command.addAll(jvmFlags());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(Files.createTempFile(workDir, "child", ".out").toFile())
            .redirectError(Files.createTempFile(workDir, "child", ".err").toFile());
        builder.environment().keySet().removeIf((name) -> name.startsWith("SCHWABOT_"));
        return builder.start();
    }

    static CliRunner.Result launcher(final Path workDir, final Map<String, String> env, final String... args)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        final Map<String, String> launcherEnv = new java.util.HashMap<>(env);
        launcherEnv.put("SCHWABOT_SKIP_BUILD", "1");
        launcherEnv.put("SCHWABOT_JAVA_OPTS", String.join(" ", QUICK_START));
        launcherEnv.put("JAVA_HOME", JAVA_HOME.toString());
        return run(command, workDir, launcherEnv, "");
    }

    static List<String> jvmFlags() throws IOException
    {
        final List<String> flags = new ArrayList<>();
        for (final String line : Files.readAllLines(ROOT.resolve("tools/jvm.flags")))
        {
            final String flag = line.trim();
            if (!flag.isEmpty() && !flag.startsWith("#"))
            {
                flags.add(flag);
            }
        }
        return flags;
    }

    private static CliRunner.Result run(
        final List<String> command, final Path workDir, final Map<String, String> env, final String stdin)
        throws IOException, InterruptedException
    {
        final Path out = Files.createTempFile(workDir, "child", ".out");
        final Path err = Files.createTempFile(workDir, "child", ".err");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().keySet().removeIf((name) -> name.startsWith("SCHWABOT_"));
        builder.environment().putAll(env);
        final Process process = builder.start();
        try (OutputStream in = process.getOutputStream())
        {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s: " + command);
        }
        final CliRunner.Result result = new CliRunner.Result(process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
