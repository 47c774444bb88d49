package com.schwabot.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShellWordsTest
{
    @Test
    void shouldLeaveAWordTheShellReadsAsItIsUnquoted()
    {
        assertThat(ShellWords.quote("/var/lib/schwabot/data-1/journal")).isEqualTo("/var/lib/schwabot/data-1/journal");
    }

    @Test
    void shouldSingleQuoteAPathWithASpace()
    {
        assertThat(ShellWords.quote("/home/me/my journal")).isEqualTo("'/home/me/my journal'");
    }

    @Test
    void shouldWriteASingleQuoteInsideAsCloseEscapeReopen()
    {
        assertThat(ShellWords.quote("it's here")).isEqualTo("'it'\\''s here'");
    }

    @Test
    void shouldQuoteAnEmptyArgumentSoThatItStaysAnArgument()
    {
        assertThat(ShellWords.quote("")).isEqualTo("''");
    }
}
