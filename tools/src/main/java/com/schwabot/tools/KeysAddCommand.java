package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.ConfigException;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.VenueKind;
import com.schwabot.config.secret.ApiKeyStoreEditor;
import com.schwabot.config.secret.KeySource;
import com.schwabot.config.secret.Secret;
import com.schwabot.config.secret.SecretStore;
import com.schwabot.config.secret.SecretStoreException;
import com.schwabot.engine.http.AdminToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot keys add NAME --venue VENUE [--replace]}: encrypt and add one credential, or with
 * {@code --replace} put it in place of the entry of that name; without {@code --venue}, a plain secret (the admin
 * token). The secret is read from the terminal without echo or from standard input, never from the command line.
 */
@Command(
    name = "add",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.SECRETS_HELP, ExitCodes.IO_HELP },
    description = {
        "Encrypt and add an API credential named NAME, or, without --venue, a plain secret such as the admin " +
            "token (monitoring.admin_token_name, default admin).",
        "The secret is read from the terminal without echo, or as one line of standard input; so is the " +
            "API key of a venue credential when --api-key is not given (then standard input holds the key line, " +
            "then the secret line).",
        "An entry of that name is refused unless --replace is given; keys remove NAME removes one." })
final class KeysAddCommand implements Callable<Integer>
{
    /** The entry name rule of api_keys.yaml (ApiKeysFile), checked here before any secret is asked for. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** monitoring.admin_token_name in the bundled config.yaml. */
    private static final String DEFAULT_ADMIN_TOKEN_NAME = "admin";

    @Spec
    CommandSpec spec;

    @Mixin
    KeyStoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME",
        description = "Entry name: letters, digits, '_', '.', '-' (e.g. binance-main).")
    String name;

    @Option(names = "--venue", paramLabel = "VENUE",
        description = "Venue of the credential: simulator or binance. Without it: a plain secret, no API key.")
    VenueKind venue;

    @Option(names = "--api-key", paramLabel = "KEY",
        description = "The venue API key (not the secret; stored in the clear and never printed). " +
            "Default: read before the secret.")
    String apiKey;

    @Option(names = "--replace",
        description = "Replace the entry named NAME, which must exist, in its place: new venue, key and secret.")
    boolean replace;

    public Integer call() throws SecretStoreException
    {
        if (null == venue && null != apiKey)
        {
            throw new ParameterException(spec.commandLine(), "--api-key needs --venue (a plain secret has no key)");
        }
        if (!NAME.matcher(name).matches())
        {
            throw new ParameterException(spec.commandLine(),
                "entry name '" + name + "' must be 1 to 64 letters, digits, '_', '.' or '-', starting with a " +
                "letter or digit");
        }
        final CliContext context = SchwabotCli.context(spec);
        final Path file = KeyStoreOptions.requireExisting(store.file(spec, context));
        final ApiKeyStoreEditor editor = KeyStoreOptions.editor(file, context);
        final SecretInput input = new SecretInput(context);
        try (KeySource source = input.currentKey(false))
        {
            if (null != context.console())
            {
                checkBeforePrompting(editor, source);
            }
            final ApiKeysFile written = add(editor, source, input, adminTokenName(context));
            final PrintWriter out = spec.commandLine().getOut();
            out.println(change().done() + " " + name + " (" + KeyStoreOptions.kind(venue) + ")" +
                (replace ? " in " : " to ") + file + "; " + KeyStoreOptions.entries(written));
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Fail on a wrong key, a duplicate name (or, to replace, a missing one) before the user types the secret (piped
     * input needs no early check: the add itself fails the same way, and a key derivation costs a second).
     */
    private void checkBeforePrompting(final ApiKeyStoreEditor editor, final KeySource source)
        throws SecretStoreException
    {
        final ApiKeysFile current = editor.read();
        ApiKeyStoreEditor.checkName(current, name, change());
        SecretStore.open(current, source).close();
    }

    private ApiKeyStoreEditor.Change change()
    {
        return replace ? ApiKeyStoreEditor.Change.REPLACE : ApiKeyStoreEditor.Change.ADD;
    }

    /**
     * The name of the admin token's entry: {@code monitoring.admin_token_name} of the configuration in the same
     * directory, or the bundled default when that configuration does not load (it may be incomplete until this very
     * entry is added).
     */
    private String adminTokenName(final CliContext context)
    {
        try
        {
            return new ConfigLoader().configDir(store.dir(spec, context)).environment(context.configEnvironment())
                .minKdfIterations(context.minKdfIterations()).load().monitoring().adminTokenName();
        }
        catch (final ConfigException ex)
        {
            return DEFAULT_ADMIN_TOKEN_NAME;
        }
    }

    private ApiKeysFile add(
        final ApiKeyStoreEditor editor, final KeySource source, final SecretInput input, final String adminTokenName)
        throws SecretStoreException
    {
        final String key = null == venue ? "" : null != apiKey ? apiKey : keyFromInput(input);
        final char[] chars = null == venue ? input.read("Secret for " + name + ": ", "secret") :
            input.read("API secret for " + name + ": ", "API secret");
        try (Secret secret = Secret.ofChars(chars))
        {
            if (null == venue && name.equals(adminTokenName) && secret.length() < AdminToken.MIN_LENGTH)
            {
                throw new CliException(ExitCodes.SECRETS, name + " is the admin token (monitoring.admin_token_name)" +
                    ", which must be at least " + AdminToken.MIN_LENGTH + " bytes; this one has " + secret.length() +
                    ", so run would refuse it: nothing was " + change().done() + " (e.g. openssl rand -hex 32 | " +
                    "schwabot keys add " + name + (replace ? " --replace" : "") + ")");
            }
            return replace ? editor.replace(source, name, venue, key, secret) :
                editor.add(source, name, venue, key, secret);
        }
        finally
        {
            Arrays.fill(chars, '\0');
        }
    }

    private String keyFromInput(final SecretInput input)
    {
        final char[] chars = input.read("API key for " + name + ": ", "API key");
        try
        {
            return new String(chars);
        }
        finally
        {
            Arrays.fill(chars, '\0');
        }
    }
}
