package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.secret.ApiKeyStoreEditor;
import com.schwabot.config.secret.KeySource;
import com.schwabot.config.secret.SecretStoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot keys remove NAME}: take one entry out of api_keys.yaml. The master key is checked first, as
 * {@code keys add} checks it; the file is replaced atomically by an owner-only copy, or left unchanged on any error.
 */
@Command(
    name = "remove",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.SECRETS_HELP, ExitCodes.IO_HELP },
    description = {
        "Remove the entry named NAME from api_keys.yaml. The master key is needed, as for add; the other " +
            "entries are kept as they are.",
        "To change an entry's key or secret instead, use keys add NAME --replace." })
final class KeysRemoveCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    KeyStoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the entry (keys list names them).")
    String name;

    public Integer call() throws SecretStoreException
    {
        final CliContext context = SchwabotCli.context(spec);
        final Path file = KeyStoreOptions.requireExisting(store.file(spec, context));
        final ApiKeyStoreEditor editor = KeyStoreOptions.editor(file, context);
        final ApiKeysFile current = editor.read();
        ApiKeyStoreEditor.checkName(current, name, ApiKeyStoreEditor.Change.REMOVE);
        final ApiKeysFile.Entry entry = current.entry(name);
        try (KeySource source = new SecretInput(context).currentKey(false))
        {
            final ApiKeysFile written = editor.remove(source, name);
            final PrintWriter out = spec.commandLine().getOut();
            out.println("removed " + name + " (" + KeyStoreOptions.kind(entry.venue()) + ") from " + file + "; " +
                KeyStoreOptions.entries(written));
            out.flush();
        }
        return ExitCodes.OK;
    }
}
