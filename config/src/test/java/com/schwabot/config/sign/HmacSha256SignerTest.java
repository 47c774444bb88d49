package com.schwabot.config.sign;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.schwabot.config.secret.Secret;

import static org.assertj.core.api.Assertions.assertThat;

class HmacSha256SignerTest
{
    static final String BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String BINANCE_QUERY = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1" +
        "&recvWindow=5000&timestamp=1499827319559";
    static final String BINANCE_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

    @Test
    void shouldMatchBinancePublicExample()
    {
        final HmacSha256Signer signer = new HmacSha256Signer(
            Secret.of(BINANCE_SECRET.getBytes(StandardCharsets.US_ASCII)));

        assertThat(signer.signHex(BINANCE_QUERY)).isEqualTo(BINANCE_SIGNATURE);
        assertThat(signer.signHex(BINANCE_QUERY)).as("reusable").isEqualTo(BINANCE_SIGNATURE);
    }

    @Test
    void shouldWriteHexIntoCallerBufferAtOffset()
    {
        final HmacSha256Signer signer = new HmacSha256Signer(
            Secret.of(BINANCE_SECRET.getBytes(StandardCharsets.US_ASCII)));
        final byte[] payload = ("xx" + BINANCE_QUERY + "yy").getBytes(StandardCharsets.US_ASCII);
        final byte[] out = new byte[70];
        Arrays.fill(out, (byte)'#');

        final int written = signer.signHex(payload, 2, payload.length - 4, out, 3);

        assertThat(written).isEqualTo(HmacSha256Signer.HEX_LENGTH);
        assertThat(new String(out, 3, 64, StandardCharsets.US_ASCII)).isEqualTo(BINANCE_SIGNATURE);
        assertThat(out[2]).isEqualTo((byte)'#');
        assertThat(out[67]).isEqualTo((byte)'#');
    }

    @Test
    void shouldNotRevealKeyInToString()
    {
        assertThat(new HmacSha256Signer(Secret.of(BINANCE_SECRET.getBytes(StandardCharsets.US_ASCII))).toString())
            .doesNotContain(BINANCE_SECRET);
    }
}
