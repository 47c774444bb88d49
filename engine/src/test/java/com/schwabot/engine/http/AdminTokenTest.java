package com.schwabot.engine.http;

import org.junit.jupiter.api.Test;

import com.schwabot.config.secret.Secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminTokenTest
{
    private static final String TOKEN = "0123456789abcdef-token";

    private final AdminToken token = AdminToken.of(Secret.ofChars(TOKEN.toCharArray()));

    @Test
    void shouldAcceptOnlyTheBearerSchemeWithTheRightToken()
    {
        assertThat(token.matches("Bearer " + TOKEN)).isTrue();
        assertThat(token.matches("bearer " + TOKEN + " ")).isTrue();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches("Bearer ")).isFalse();
        assertThat(token.matches(TOKEN)).isFalse();
        assertThat(token.matches("Basic " + TOKEN)).isFalse();
        assertThat(token.matches("Bearer " + TOKEN + "x")).isFalse();
        assertThat(token.matches("Bearer " + TOKEN.substring(1))).isFalse();
    }

    @Test
    void shouldRefuseATokenShorterThanSixteenBytesAndNotKeepIt()
    {
        assertThatThrownBy(() -> AdminToken.of(Secret.ofChars("short".toCharArray())))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes");
        assertThat(token.toString()).doesNotContain(TOKEN);
    }
}
