package com.schwabot.tools;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import picocli.CommandLine;

/**
 * Runs the whole command line in this JVM with a given environment and standard input, capturing out and err.
 */
final class CliRunner
{
    /** PBKDF2 iterations low enough for fast tests; the CLI accepts nothing lower than what the context allows. */
    static final int TEST_ITERATIONS = 1000;

    private CliRunner()
    {
    }

    record Result(int status, String out, String err)
    {
        String all()
        {
            return out + err;
        }

        @Override
        public String toString()
        {
            return "status=" + status + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    static Result withInput(final Map<String, String> env, final String stdin, final String... args)
    {
        final CliContext context = new CliContext(
            env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null, TEST_ITERATIONS);
        final CommandLine commandLine = SchwabotCli.commandLine(context);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int status = commandLine.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    static Result run(final Map<String, String> env, final String... args)
    {
        return withInput(env, "", args);
    }

    static Result run(final String... args)
    {
        return withInput(Map.of(), "", args);
    }
}
