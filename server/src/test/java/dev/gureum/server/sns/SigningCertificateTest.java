package dev.gureum.server.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing certificate: made once per data directory, kept private, and verifying what it signs. */
class SigningCertificateTest {

    @Test
    void signaturesVerifyWithTheServedPemAndTheCertificateIsKept(@TempDir Path data) throws Exception {
        SigningCertificate made = SigningCertificate.openOrCreate(data);
        Path file = data.resolve("sns").resolve(SigningCertificate.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        X509Certificate served = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(made.pem().getBytes(StandardCharsets.US_ASCII)));
        served.checkValidity();
        served.verify(served.getPublicKey());
        assertEquals(3, served.getVersion());
        assertTrue(served.getSubjectX500Principal().getName().contains("CN=sns.amazonaws.com"));
        for (String algorithm : new String[] {"SHA1withRSA", "SHA256withRSA"}) {
            String text = "Message\nhello\nMessageId\n1\nTimestamp\n2026-11-29T12:00:00.000Z\nTopicArn\narn\nType\nNotification\n";
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(served.getPublicKey());
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            assertTrue(verifier.verify(Base64.getDecoder().decode(made.sign(text, algorithm))), algorithm);
        }
        assertEquals(made.certificate(), SigningCertificate.openOrCreate(data).certificate(),
                "the same certificate after a restart");
    }
}
