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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        return run(javaCommand(args), workDir, env, stdin);
    }

    private static List<String> javaCommand(final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(JAVA_HOME.resolve("bin/java").toString());
        command.addAll(QUICK_START);
        command.addAll(jvmFlags());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A child started in the background, its output going to files.
     */
    static final class Running
    {
        private final Process process;
        private final Path out;
        private final Path err;

        private Running(final Process process, final Path out, final Path err)
        {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /**
         * Wait until standard output has a line matching a pattern.
         *
         * @param pattern   the pattern.
         * @param timeoutMs how long at most.
         * @return the match (group 1 if the pattern has a group).
         * @throws IOException          when the output cannot be read.
         * @throws InterruptedException when interrupted.
         */
        String awaitLine(final Pattern pattern, final long timeoutMs) throws IOException, InterruptedException
        {
            final long deadline = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < deadline)
            {
                final Matcher matcher = pattern.matcher(Files.readString(out, StandardCharsets.UTF_8));
                if (matcher.find())
                {
                    return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
                }
                if (!process.isAlive())
                {
                    break;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("no line matching " + pattern + "; out:\n" +
                Files.readString(out, StandardCharsets.UTF_8) + "err:\n" +
                Files.readString(err, StandardCharsets.UTF_8) + state());
        }

        /**
         * What the child is doing, for a failure message: its exit status, or, while it runs, its threads' stacks
         * (a child that printed nothing within the wait says nothing else about where it stands).
         */
        private String state() throws InterruptedException
        {
            if (!process.isAlive())
            {
                return "exited with status " + process.exitValue() + "\n";
            }
            try
            {
                final Process jcmd = new ProcessBuilder(JAVA_HOME.resolve("bin/jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
                final String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                jcmd.waitFor(30, TimeUnit.SECONDS);
                return "still running; its threads:\n" + dump.substring(0, Math.min(dump.length(), 40_000));
            }
            catch (final IOException ex)
            {
                return "still running (no thread dump: " + ex.getMessage() + ")\n";
            }
        }

        /**
         * @return what the child has written to standard output so far.
         * @throws IOException when the output cannot be read.
         */
        String out() throws IOException
        {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        /**
         * Stop the child with SIGTERM (as Ctrl-C: its shutdown hook runs) and wait for it.
         *
         * @return its status and output.
         * @throws IOException          when the output cannot be read.
         * @throws InterruptedException when interrupted.
         */
        CliRunner.Result stop() throws IOException, InterruptedException
        {
            process.destroy();
            return waitFor();
        }

        /**
         * Kill the child with SIGKILL (no shutdown hook runs) and wait until it is gone.
         *
         * @throws InterruptedException when interrupted.
         */
        void kill() throws InterruptedException
        {
            process.destroyForcibly().waitFor();
        }

        /**
         * Wait for the child to exit.
         *
         * @return its status and output.
         * @throws IOException          when the output cannot be read.
         * @throws InterruptedException when interrupted.
         */
        CliRunner.Result waitFor() throws IOException, InterruptedException
        {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s");
            }
            final CliRunner.Result result = new CliRunner.Result(process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        }
    }

    static Running start(final Path workDir, final Map<String, String> env, final String... args) throws IOException
    {
        final List<String> command = javaCommand(args);
        final Path out = Files.createTempFile(workDir, "child", ".out");
        final Path err = Files.createTempFile(workDir, "child", ".err");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().keySet().removeIf((name) -> name.startsWith("SCHWABOT_"));
        builder.environment().putAll(env);
        return new Running(builder.start(), out, err);
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
