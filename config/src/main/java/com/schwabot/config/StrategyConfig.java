package com.schwabot.config;

import java.util.List;

/**
 * One entry of strategies.yaml.
 *
 * @param name        unique name, lower case.
 * @param type        which implementation.
 * @param enabled     whether it runs.
 * @param instruments symbols it trades; each is in config.yaml's instruments.
 * @param params      type-specific parameters.
 */
public record StrategyConfig(
    String name, StrategyType type, boolean enabled, List<String> instruments, StrategyParams params)
{
    static StrategyConfig read(final Section s)
    {
        final String name = s.matching("name", "[a-z][a-z0-9_]{0,63}", "lower-case letters, digits and _");
        final StrategyType type = s.enumValue("type", StrategyType.class);
        final boolean enabled = s.bool("enabled");
        final List<String> instruments = s.strings("instruments", false);
        final boolean typeValid = !s.errors().hasErrorsUnder(s.file(), s.childPath("type"));
        final StrategyParams params = typeValid ? StrategyParams.read(type, s.section("params")) : null;
        if (!typeValid)
        {
            s.section("params");
        }
        s.finish();
        return new StrategyConfig(name, type, enabled, instruments, params);
    }
}
