package com.schwabot.engine.venue.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

/**
 * A self-signed certificate for {@code localhost} (by name only, no IP address) made at test time with the JDK's
 * {@code keytool} (no extra dependencies, works on JDK 17): a PKCS#12 key store for the test server and the
 * certificate as PEM for the client's trust option.
 */
final class TestCertificates
{
    private static final String PASSWORD = "changeit";

    final Path keyStore;
    final Path certificatePem;

    private TestCertificates(final Path keyStore, final Path certificatePem)
    {
        this.keyStore = keyStore;
        this.certificatePem = certificatePem;
    }

    static TestCertificates generate(final Path dir) throws IOException, InterruptedException
    {
        final Path keyStore = dir.resolve("server.p12");
        final Path pem = dir.resolve("server.pem");
        keytool(dir, "-genkeypair", "-alias", "venue", "-keyalg", "EC", "-groupname", "secp256r1",
            "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost",
            "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
            "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool(dir, "-exportcert", "-rfc", "-alias", "venue", "-keystore", keyStore.toString(),
            "-storepass", PASSWORD, "-file", pem.toString());
        return new TestCertificates(keyStore, pem);
    }

    SslContext serverContext() throws IOException, GeneralSecurityException
    {
        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore))
        {
            store.load(in, PASSWORD.toCharArray());
        }
        final KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD.toCharArray());
        return SslContextBuilder.forServer(factory).sslProvider(SslProvider.JDK).build();
    }

    private static void keytool(final Path dir, final String... args) throws IOException, InterruptedException
    {
        final Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        final List<String> command = new java.util.ArrayList<>();
        command.add(keytool.toString());
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || 0 != process.exitValue())
        {
            throw new IOException("keytool failed: " + output);
        }
    }
}
