package com.schwabot.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchwabotCliTest
{
    @Test
    void shouldPrintHelpForEveryCommandAndExitZero()
    {
        final List<List<String>> paths = commandPaths();
        assertThat(paths).hasSizeGreaterThanOrEqualTo(14);
        for (final List<String> path : paths)
        {
            final List<String> args = new ArrayList<>(path);
            args.add("--help");

            final CliRunner.Result result = CliRunner.run(args.toArray(new String[0]));

            assertThat(result.status()).as(String.join(" ", args)).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).as(String.join(" ", args))
                .startsWith("Usage: " + String.join(" ", List.of("schwabot", String.join(" ", path))).trim())
                .contains("Exit codes:");
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void shouldListEveryExitCodeInTheTopLevelHelp() throws IllegalAccessException
    {
        final String help = CliRunner.run("--help").out();

        for (final Field field : ExitCodes.class.getDeclaredFields())
        {
            if (Modifier.isPublic(field.getModifiers()) && field.getType() == int.class)
            {
                assertThat(help).as(field.getName()).containsPattern("\\n  " + field.getInt(null) + " +[a-zI]");
            }
        }
    }

    @Test
    void shouldListTheSignalExitCodesInTheHelpOfTheCommandsThatRunUntilStopped()
    {
        for (final String command : List.of("run", "sim"))
        {
            final String help = CliRunner.run(command, "--help").out();

            assertThat(help).as(command)
                .containsPattern("\\n  130 +stopped by Ctrl-C \\(SIGINT\\)")
                .containsPattern("\\n  143 +stopped by SIGTERM");
        }
    }

    @Test
    void shouldDescribeExitCodeOneInTheJournalCommandsHelpAsTheirs()
    {
        for (final List<String> path : commandPaths())
        {
            if (!path.isEmpty() && path.get(0).equals("journal"))
            {
                final List<String> args = new ArrayList<>(path);
                args.add("--help");
                assertThat(CliRunner.run(args.toArray(new String[0])).out()).as(String.join(" ", args))
                    .doesNotContain("rows to import");
            }
        }
        assertThat(CliRunner.run("journal", "verify", "--help").out())
            .containsPattern("\\n  1 +the journal is damaged \\(each problem is printed\\)");
    }

    @Test
    void shouldPrintTheVersion()
    {
        final CliRunner.Result result = CliRunner.run("--version");

        assertThat(result.status()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("schwabot 0.").contains("Java 17");
    }

    @Test
    void shouldExitWithTheUsageCodeWithoutACommand()
    {
        final CliRunner.Result result = CliRunner.run();

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
            .startsWith("schwabot: missing command: run, sim, stat, replay, report, import, persist, config, " +
                "journal or keys\n")
            .contains("Usage:");
        for (final List<String> path : commandPaths())
        {
            if (path.size() == 1)
            {
                assertThat(result.err().lines().findFirst().orElseThrow()).as("names every command")
                    .containsPattern("[ :]" + path.get(0) + "(,| or|$)");
            }
        }
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldExitWithTheUsageCodeForAGroupWithoutASubcommand()
    {
        assertThat(CliRunner.run("journal").err()).startsWith("schwabot: missing subcommand: dump, verify or stats");
        assertThat(CliRunner.run("keys").err())
            .startsWith("schwabot: missing subcommand: init, add, remove, list or rotate");
        assertThat(CliRunner.run("config").err()).startsWith("schwabot: missing subcommand: show or check");
        assertThat(CliRunner.run("config").status()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void shouldExitWithTheUsageCodeOnAnUnknownCommandOrOption()
    {
        final CliRunner.Result command = CliRunner.run("trade");
        final CliRunner.Result option = CliRunner.run("run", "--fast");

        assertThat(command.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(command.err()).startsWith("schwabot: Unmatched argument at index 0: 'trade'\n");
        assertThat(option.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.err()).startsWith("schwabot: Unknown option: '--fast'\n");
    }

    @Test
    void shouldPrefixEveryUsageErrorWithTheProgramNameOnItsOwnLineThenShowTheUsage()
    {
        final CliRunner.Result missing = CliRunner.run("import", "--journal", "j");
        final CliRunner.Result checked = CliRunner.run("journal", "dump", "--from", "-5", "j");
        final CliRunner.Result typo = CliRunner.run("replya");

        assertThat(missing.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).startsWith("schwabot: Missing required parameter: 'FILE'\nUsage: schwabot import ");
        assertThat(checked.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(checked.err()).startsWith("schwabot: --from must be >= 0, was -5\nUsage: schwabot journal dump ");
        assertThat(typo.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).startsWith("schwabot: Unmatched argument at index 0: 'replya'\nDid you mean: ")
            .contains("replay");
        assertThat(missing.out() + checked.out() + typo.out()).isEmpty();
    }

    @Test
    void shouldPrintAStackTraceOnlyForAnInternalError()
    {
        final StringWriter err = new StringWriter();

        final int status = ErrorHandler.report(new IllegalStateException("bug"), new PrintWriter(err, true));

        assertThat(status).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString()).startsWith("schwabot: internal error").contains("\tat ");
    }

    @Test
    void shouldPrintAUserErrorAsOneLineWithItsDetails()
    {
        final StringWriter err = new StringWriter();

        final int status = ErrorHandler.report(
            new CliException(ExitCodes.IO, "cannot read x", List.of("first", "second")), new PrintWriter(err, true));

        assertThat(status).isEqualTo(ExitCodes.IO);
        assertThat(err.toString().lines().toList()).containsExactly("schwabot: cannot read x", "  first", "  second");
    }

    @Test
    void shouldNameTheKindOfAnIoError()
    {
        final StringWriter err = new StringWriter();

        final int status = ErrorHandler.report(new java.nio.file.NoSuchFileException("/x/y"), new PrintWriter(err));

        assertThat(status).isEqualTo(ExitCodes.IO);
        assertThat(err.toString()).startsWith("schwabot: I/O error (NoSuchFileException): /x/y");
    }

    /**
     * Commands that fail fast whatever the path (none writes to the current directory, which an empty path named).
     */
    @Test
    void shouldRefuseAnEmptyPathAsAUsageErrorNamingTheOption()
    {
        final CliRunner.Result journal = CliRunner.run("replay", "--journal", "");
        final CliRunner.Result config = CliRunner.run("keys", "list", "--config", "");
        final CliRunner.Result dir = CliRunner.run("journal", "dump", "");

        assertThat(journal.status()).as(journal.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(journal.err()).startsWith("schwabot: Invalid value for option '--journal': an empty path names " +
            "no file or directory\n").contains("Usage: schwabot replay");
        assertThat(config.status()).as(config.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(config.err()).startsWith("schwabot: Invalid value for option '--config': an empty path names " +
            "no file or directory\n");
        assertThat(dir.status()).as(dir.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.err()).startsWith("schwabot: Invalid value for positional parameter at index 0 (DIR): an " +
            "empty path names no file or directory\n");

        final CliRunner.Result blank = CliRunner.run("replay", "--journal", "  ");
        assertThat(blank.status()).as(blank.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(blank.err()).startsWith("schwabot: Invalid value for option '--journal': a path of only blanks " +
            "('  ') is refused: it is an unset variable's or a quoting mistake far more often than a name\n");
    }

    /**
     * Every option and parameter that takes a path, found in the command line's model, refuses an empty one while
     * the command line is parsed (parsed only: run or import would otherwise start on the current directory).
     */
    @Test
    void shouldRefuseAnEmptyValueForEveryPathOptionAndParameterOfEveryCommand()
    {
        final CommandLine root = SchwabotCli.commandLine(new CliContext(java.util.Map.of(), System.in, null, 1));
        final List<String> checked = new ArrayList<>();
        for (final List<String> path : commandPaths())
        {
            CommandLine command = root;
            for (final String name : path)
            {
                command = command.getSubcommands().get(name);
            }
            for (final CommandLine.Model.ArgSpec arg : command.getCommandSpec().args())
            {
                final Class<?>[] types = arg.auxiliaryTypes();
                if (arg.type() != Path.class && !(types.length == 1 && types[0] == Path.class))
                {
                    continue;
                }
                final List<String> args = new ArrayList<>(path);
                if (arg.isOption())
                {
                    args.add(((CommandLine.Model.OptionSpec)arg).longestName());
                }
                args.add("");

                assertThatThrownBy(() -> root.parseArgs(args.toArray(new String[0])))
                    .as(String.join(" ", args))
                    .isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageStartingWith("Invalid value for ")
                    .hasMessageEndingWith(": an empty path names no file or directory");
                checked.add(String.join(" ", args));
            }
        }
        assertThat(checked).as("every --journal, --config, --data-dir, DIR...").hasSizeGreaterThanOrEqualTo(15)
            .contains("run --data-dir ", "import --journal ", "import ", "journal dump ");
    }

    /**
     * Every command and subcommand, as the words that name it: [], [run], [journal], [journal dump], ...
     */
    static List<List<String>> commandPaths()
    {
        final List<List<String>> paths = new ArrayList<>();
        collect(SchwabotCli.commandLine(new CliContext(java.util.Map.of(), System.in, null, 1)), new ArrayList<>(),
            paths);
        return paths;
    }

    private static void collect(
        final CommandLine commandLine, final List<String> path, final List<List<String>> paths)
    {
        paths.add(List.copyOf(path));
        for (final CommandLine sub : commandLine.getSubcommands().values())
        {
            final List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getCommandName());
            collect(sub, subPath, paths);
        }
    }
}
