package com.schwabot.config.secret;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretTest
{
    @Test
    void shouldNeverRevealValueInToString()
    {
        final Secret secret = Secret.of("hunter2-very-secret".getBytes(StandardCharsets.UTF_8));

        assertThat(secret.toString()).isEqualTo("Secret[redacted]").doesNotContain("hunter2");
        assertThat(String.valueOf(secret)).doesNotContain("hunter2");
    }

    @Test
    void shouldCompareByIdentityOnly()
    {
        final Secret a = Secret.of(new byte[]{1, 2, 3});
        final Secret b = Secret.of(new byte[]{1, 2, 3});

        assertThat(a).isNotEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(System.identityHashCode(a));
    }

    @Test
    void shouldExposeCopiesAndWipe()
    {
        final byte[] original = {1, 2, 3};
        final Secret secret = Secret.of(original);
        original[0] = 9;
        final byte[] copy = secret.bytes();
        copy[1] = 9;

        assertThat(secret.bytes()).containsExactly(1, 2, 3);
        assertThat(secret.length()).isEqualTo(3);

        secret.wipe();

        assertThat(secret.isWiped()).isTrue();
        assertThatThrownBy(secret::bytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRoundTripCharacters()
    {
        try (Secret secret = Secret.ofChars("pässwörd".toCharArray()))
        {
            assertThat(new String(secret.chars())).isEqualTo("pässwörd");
        }
    }
}
