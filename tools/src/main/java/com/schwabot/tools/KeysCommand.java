package com.schwabot.tools;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot keys init|add|remove|list|rotate}: manage the encrypted api_keys.yaml of a configuration directory.
 */
@Command(
    name = "keys",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.SECRETS_HELP, ExitCodes.IO_HELP },
    description = {
        "Manage the encrypted API credentials in api_keys.yaml (AES-256-GCM).",
        "The master key comes from $SCHWABOT_KEY_FILE (a file of 32 bytes, raw or base64, owner-only), else " +
            "$SCHWABOT_PASSPHRASE, else a prompt on the terminal. Secrets are never read from the command line " +
            "and never printed." },
    subcommands = { KeysInitCommand.class, KeysAddCommand.class, KeysRemoveCommand.class, KeysListCommand.class,
        KeysRotateCommand.class })
final class KeysCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "missing subcommand: init, add, remove, list or rotate");
    }
}
