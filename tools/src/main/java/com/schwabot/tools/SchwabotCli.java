package com.schwabot.tools;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code schwabot} command line: {@code run}, {@code sim}, {@code stat}, {@code replay}, {@code report},
 * {@code import}, {@code persist}, {@code config}, {@code journal} and {@code keys}. Every command has
 * {@code --help}; exit statuses are in {@link ExitCodes}. Output goes through picocli's writers
 * ({@code spec.commandLine().getOut()/getErr()}), so tests run the whole command line in-process.
 * <pre>
 * int status = SchwabotCli.commandLine(CliContext.system()).execute(args);
 * </pre>
 */
@Command(
    name = "schwabot",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Schwabot, a low-latency trading engine for crypto markets.",
    subcommands = {
        RunCommand.class, SimCommand.class, StatCommand.class, ReplayCommand.class, ReportCommand.class,
        ImportCommand.class, PersistCommand.class, ConfigCommand.class, JournalCommand.class, KeysCommand.class },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        ExitCodes.OK_HELP, ExitCodes.FAILURE_HELP, ExitCodes.USAGE_HELP, ExitCodes.CONFIG_HELP,
        ExitCodes.SECRETS_HELP, ExitCodes.IO_HELP, ExitCodes.INTERNAL_HELP })
public final class SchwabotCli implements Callable<Integer>
{
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    SchwabotCli(final CliContext context)
    {
        this.context = context;
    }

    /**
     * Run the command line in this process's context and exit with the command's status. Standard output is
     * buffered (commands flush it at the end, and {@code journal dump --follow} whenever it waits).
     *
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        final CommandLine commandLine = commandLine(CliContext.system());
        final OutputStreamWriter stdout = new OutputStreamWriter(System.out, Charset.defaultCharset());
        commandLine.setOut(new PrintWriter(new BufferedWriter(stdout), false));
        final int status = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(status);
    }

    /**
     * Build the command line. Set its out and err writers (after this call) to capture the output.
     *
     * @param context the environment, input and console the commands use.
     * @return the command line, ready to {@code execute(args)}.
     */
    public static CommandLine commandLine(final CliContext context)
    {
        final CommandLine commandLine = new CommandLine(new SchwabotCli(context));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(ErrorHandler::usageError);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(Path.class, new PathConverter());
        return commandLine;
    }

    /**
     * The context of the command line a command belongs to.
     *
     * @param spec any command's spec.
     * @return the context given to {@link #commandLine(CliContext)}.
     */
    static CliContext context(final CommandSpec spec)
    {
        return ((SchwabotCli)spec.root().userObject()).context;
    }

    /**
     * Without a command: a usage error listing the commands.
     *
     * @return never.
     */
    public Integer call()
    {
        final List<String> names = List.copyOf(spec.subcommands().keySet());
        throw new ParameterException(spec.commandLine(), "missing command: " +
            String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
    }
}
