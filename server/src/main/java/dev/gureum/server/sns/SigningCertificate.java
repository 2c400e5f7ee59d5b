package dev.gureum.server.sns;

import dev.gureum.core.sns.delivery.SigningKey;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.TimeUnit;

/**
 * The key and self-signed X.509 certificate SNS messages are signed with: made once per data directory (an RSA
 * 2048 key pair and a ten-year certificate for CN=sns.amazonaws.com, by the JDK's own {@code keytool}, since the
 * JDK has no public API for making certificates), kept in {@code <data>/sns/signing.p12} (mode 600) so
 * signatures stay verifiable across restarts, and served as PEM at the SigningCertURL.
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

    private static void create(Path file) throws IOException {
        Path partial = file.resolveSibling(FILE + ".partial");
        Files.deleteIfExists(partial);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "3650",
                "-dname", "CN=sns.amazonaws.com, O=Gureum", "-storetype", "PKCS12",
                "-keystore", partial.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool could not make the certificate: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the certificate", e);
        }
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the directory's own permissions guard it
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
