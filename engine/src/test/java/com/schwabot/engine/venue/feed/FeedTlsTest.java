package com.schwabot.engine.venue.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.secret.Secret;
import com.schwabot.engine.venue.RecordingFrameSink;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

class FeedTlsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSendTheVenueHostAsSniAndVerifyTheHostName()
    {
        final SslContext context = FeedTls.clientContext(context("wss://stream-sbe.binance.com:9443/ws"));

        final SslHandler handler =
            FeedTls.newHandler(context, ByteBufAllocator.DEFAULT, "stream-sbe.binance.com", 9443);
        try
        {
            final SSLParameters parameters = handler.engine().getSSLParameters();
            assertThat(handler.engine().getUseClientMode()).isTrue();
            assertThat(handler.engine().getPeerHost()).isEqualTo("stream-sbe.binance.com");
            assertThat(handler.engine().getPeerPort()).isEqualTo(9443);
            assertThat(parameters.getServerNames()).containsExactly(new SNIHostName("stream-sbe.binance.com"));
            assertThat(parameters.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        }
        finally
        {
            handler.engine().closeOutbound();
        }
    }

    @Test
    void shouldRejectATrustCertificateThatIsNotACertificate() throws IOException
    {
        final Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate");

        assertThatThrownBy(() -> FeedTls.clientContext(
            context("wss://stream-sbe.binance.com:9443/ws").trustCertificate(notPem).conclude()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cannot build the TLS context");
    }

    private static FeedContext context(final String uri)
    {
        return new FeedContext().uri(uri).apiKey(Secret.ofChars("k".toCharArray()))
            .sink(new RecordingFrameSink(4, 4));
    }
}
