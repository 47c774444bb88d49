package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.secret.KeySource;
import com.schwabot.config.secret.SecretStore;
import com.schwabot.config.secret.SecretStoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot keys list [--check]}: entry names and venues, never keys or secrets.
 */
@Command(
    name = "list",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.SECRETS_HELP, ExitCodes.IO_HELP },
    description = {
        "List the entries of api_keys.yaml: name and venue, one per line; never an API key or secret.",
        "Without --check no master key is needed." })
final class KeysListCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    KeyStoreOptions store;

    @Option(names = "--check",
        description = "Also open the store with the master key and decrypt every entry in memory: a wrong key " +
            "or a tampered entry fails with exit 4.")
    boolean check;

    public Integer call() throws SecretStoreException
    {
        final CliContext context = SchwabotCli.context(spec);
        final Path file = KeyStoreOptions.requireExisting(store.file(spec, context));
        final ApiKeysFile keys = KeyStoreOptions.editor(file, context).read();
        if (check)
        {
            checkAll(keys, context);
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (keys.entries().isEmpty())
        {
            out.println("no entries in " + file + (keys.kdf().initialised() ? "" :
                " (not initialised: schwabot keys init sets it up)"));
        }
        for (final ApiKeysFile.Entry entry : keys.entries())
        {
            out.println(String.format("%-32s %s%s", entry.name(), entry.venueLabel(), check ? "  ok" : ""));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void checkAll(final ApiKeysFile keys, final CliContext context) throws SecretStoreException
    {
        try (KeySource source = new SecretInput(context).currentKey(false);
            SecretStore opened = SecretStore.open(keys, source))
        {
            for (final String name : opened.names())
            {
                opened.secret(name).wipe();
            }
        }
    }
}
