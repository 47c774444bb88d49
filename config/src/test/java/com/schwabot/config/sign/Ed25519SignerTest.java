package com.schwabot.config.sign;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519SignerTest
{
    // RFC 8032 section 7.1, TEST 1 (empty message).
    static final String RFC_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String RFC_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555" +
        "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    @Test
    void shouldMatchRfc8032TestVector1() throws SigningKeyException
    {
        final HexFormat hex = HexFormat.of();
        final Ed25519Signer signer = new Ed25519Signer(Ed25519Keys.privateKeyFromRaw(hex.parseHex(RFC_SECRET)));
        final Ed25519Verifier verifier = new Ed25519Verifier(Ed25519Keys.publicKeyFromRaw(hex.parseHex(RFC_PUBLIC)));

        final byte[] signature = signer.sign(new byte[0]);

        assertThat(hex.formatHex(signature)).isEqualTo(RFC_SIGNATURE);
        assertThat(verifier.verify(new byte[0], signature)).isTrue();
        assertThat(verifier.verify(new byte[]{0}, signature)).isFalse();
    }

    @Test
    void shouldRoundTripThroughPemKeys() throws Exception
    {
        final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final String privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        final String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
        final Ed25519Signer signer = new Ed25519Signer(Ed25519Keys.privateKeyFromPem(privatePem));
        final Ed25519Verifier verifier = new Ed25519Verifier(Ed25519Keys.publicKeyFromPem(publicPem));
        final String payload = "symbol=BTCUSDT&side=SELL&type=LIMIT&timestamp=1668481559918";

        final String signature = signer.signBase64(payload);

        assertThat(Base64.getDecoder().decode(signature)).hasSize(64);
        assertThat(verifier.verifyBase64(payload, signature)).isTrue();
        assertThat(verifier.verifyBase64(payload + "&x=1", signature)).isFalse();
        assertThat(verifier.verifyBase64(payload, "not base64!")).isFalse();
        assertThat(signer.signBase64(payload)).as("deterministic and reusable").isEqualTo(signature);
    }

    @Test
    void shouldRejectMalformedKeys()
    {
        assertThatThrownBy(() -> Ed25519Keys.privateKeyFromRaw(new byte[31]))
            .isInstanceOf(SigningKeyException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Ed25519Keys.privateKeyFromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n"))
            .isInstanceOf(SigningKeyException.class).hasMessageContaining("BEGIN PRIVATE KEY");
        assertThatThrownBy(
            () -> Ed25519Keys.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
            .isInstanceOf(SigningKeyException.class);
    }

    private static String pem(final String label, final byte[] der)
    {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " +
            label + "-----\n";
    }
}
