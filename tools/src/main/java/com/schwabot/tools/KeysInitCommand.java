package com.schwabot.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.secret.KeySource;
import com.schwabot.config.secret.SecretStoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot keys init}: write an empty api_keys.yaml with a fresh salt and key check, owner-only.
 */
@Command(
    name = "init",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.SECRETS_HELP, ExitCodes.IO_HELP },
    description = {
        "Write an empty api_keys.yaml with a fresh random salt and the key check of the master key, readable " +
            "by its owner only (creates the directory if needed).",
        "Refuses to replace a file that holds entries: use rotate to change the key." })
final class KeysInitCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    KeyStoreOptions store;

    @Option(
        names = "--iterations",
        paramLabel = "N",
        description = "PBKDF2-HMAC-SHA256 iterations for a passphrase (default: ${DEFAULT-VALUE}).")
    int iterations = ApiKeysFile.DEFAULT_ITERATIONS;

    public Integer call() throws SecretStoreException, IOException
    {
        final CliContext context = SchwabotCli.context(spec);
        if (iterations < context.minKdfIterations())
        {
            throw new ParameterException(spec.commandLine(),
                "--iterations must be at least " + context.minKdfIterations() + ", was " + iterations);
        }
        final Path file = store.file(spec, context);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (KeySource source = new SecretInput(context).currentKey(true))
        {
            final ApiKeysFile written = KeyStoreOptions.editor(file, context).init(source, iterations);
            final PrintWriter out = spec.commandLine().getOut();
            out.println("initialised " + file + " (no entries; " + written.kdf().algorithm() + ", " +
                written.kdf().iterations() + " iterations; readable by its owner only)");
            out.flush();
        }
        return ExitCodes.OK;
    }
}
