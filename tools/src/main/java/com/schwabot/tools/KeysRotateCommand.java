package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.secret.ApiKeyStoreEditor;
import com.schwabot.config.secret.KeySource;
import com.schwabot.config.secret.SecretStore;
import com.schwabot.config.secret.SecretStoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot keys rotate}: re-encrypt every entry under a new master key (new salt, new passphrase or key
 * file). The file is replaced atomically, or left unchanged on any error.
 */
@Command(
    name = "rotate",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.SECRETS_HELP, ExitCodes.IO_HELP },
    description = {
        "Re-encrypt every entry under a new master key with a fresh salt. The current key comes from " +
            "$SCHWABOT_KEY_FILE or $SCHWABOT_PASSPHRASE (or a prompt).",
        "The new key is --new-key-file FILE, else a new passphrase read from the terminal (twice, without echo) " +
            "or as one line of standard input. Afterwards set SCHWABOT_PASSPHRASE or SCHWABOT_KEY_FILE to it." })
final class KeysRotateCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    KeyStoreOptions store;

    @Option(names = "--new-key-file", paramLabel = "FILE",
        description = "File holding the new 32-byte master key, raw or base64, readable by its owner only.")
    Path newKeyFile;

    @Option(
        names = "--iterations",
        paramLabel = "N",
        description = "PBKDF2-HMAC-SHA256 iterations for the new passphrase (default: ${DEFAULT-VALUE}).")
    int iterations = ApiKeysFile.DEFAULT_ITERATIONS;

    public Integer call() throws SecretStoreException
    {
        final CliContext context = SchwabotCli.context(spec);
        if (iterations < context.minKdfIterations())
        {
            throw new ParameterException(spec.commandLine(),
                "--iterations must be at least " + context.minKdfIterations() + ", was " + iterations);
        }
        final Path file = KeyStoreOptions.requireExisting(store.file(spec, context));
        final ApiKeyStoreEditor editor = KeyStoreOptions.editor(file, context);
        final SecretInput input = new SecretInput(context);
        try (KeySource current = input.currentKey(false))
        {
            // Before prompting twice for the new passphrase, make sure the current one is right.
            if (null == newKeyFile && null != context.console())
            {
                SecretStore.open(editor.read(), current).close();
            }
            try (KeySource next = null != newKeyFile ? KeySource.keyFile(newKeyFile) :
                SecretInput.passphrase(input.readConfirmed("New passphrase for api_keys.yaml: ", "new passphrase")))
            {
                report(file, editor.rotate(current, next, iterations));
            }
        }
        return ExitCodes.OK;
    }

    private void report(final Path file, final ApiKeysFile written)
    {
        final PrintWriter out = spec.commandLine().getOut();
        out.println("rotated " + file + ": " + KeyStoreOptions.entries(written) + " re-encrypted under the new key");
        out.flush();
    }
}
