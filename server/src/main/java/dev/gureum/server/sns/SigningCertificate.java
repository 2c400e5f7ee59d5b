package dev.gureum.server.sns;

import dev.gureum.core.sns.delivery.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * The key and self-signed X.509 certificate SNS messages are signed with: made once per data directory (an RSA
 * 2048 key pair and a ten-year certificate for CN=sns.amazonaws.com, {@link SelfSignedCertificate}), kept in
 * {@code <data>/sns/signing.p12} (mode 600) so signatures stay verifiable across restarts, and served as PEM at
 * the SigningCertURL.
 */
public final class SigningCertificate implements SigningKey {
    static final String FILE = "signing.p12";
    private static final String ALIAS = "sns";
    /** The keystore only guards a file that is already private to the server's user; the password is a formality. */
    private static final char[] PASSWORD = "gureum-sns".toCharArray();

    private final PrivateKey key;
    private final X509Certificate certificate;

    private SigningCertificate(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** The data directory's certificate, made on first use. */
    public static SigningCertificate openOrCreate(Path dataDirectory) {
        Path directory = dataDirectory.resolve("sns");
        Path file = directory.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(directory);
                create(file);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            return new SigningCertificate((PrivateKey) store.getKey(ALIAS, PASSWORD),
                    (X509Certificate) store.getCertificate(ALIAS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the SNS signing certificate " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the SNS signing certificate " + file + " is unreadable", e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X509Certificate certificate = SelfSignedCertificate.make(keys, "sns.amazonaws.com", "Gureum",
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(3650));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), PASSWORD, new Certificate[] {certificate});
        Path partial = file.resolveSibling(FILE + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            store.store(out, PASSWORD);
        }
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data directory's own permissions guard it
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String sign(String text, String jcaAlgorithm) {
        try {
            Signature signature = Signature.getInstance(jcaAlgorithm);
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + jcaAlgorithm, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate as the SigningCertURL serves it. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
