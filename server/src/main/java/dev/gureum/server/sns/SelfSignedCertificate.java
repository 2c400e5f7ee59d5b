package dev.gureum.server.sns;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A self-signed X.509 v3 certificate for an RSA key, written as DER by hand: the JDK can read certificates but
 * has no public API to make one, and running {@code keytool} would cost a second JVM at start-up. The
 * certificate is the minimum RFC 5280 asks for: version 3, a random serial, sha256WithRSAEncryption, the same
 * issuer and subject (a common name and organization), a validity period and the key.
 */
final class SelfSignedCertificate {
    private static final byte[] SHA256_WITH_RSA = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b};
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    private static final byte[] ORGANIZATION = {0x55, 0x04, 0x0a};
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SelfSignedCertificate() {
    }

    static X509Certificate make(KeyPair keys, String commonName, String organization, Instant notBefore,
                                Duration validity) throws GeneralSecurityException {
        byte[] algorithm = sequence(oid(SHA256_WITH_RSA), new byte[] {0x05, 0x00});
        byte[] name = sequence(
                set(sequence(oid(ORGANIZATION), utf8String(organization))),
                set(sequence(oid(COMMON_NAME), utf8String(commonName))));
        byte[] tbs = sequence(
                tagged(0xa0, integer(BigInteger.TWO)),
                integer(new BigInteger(64, new SecureRandom()).setBit(63)),
                algorithm,
                name,
                sequence(time(notBefore), time(notBefore.plus(validity))),
                name,
                keys.getPublic().getEncoded());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] der = sequence(tbs, algorithm, tagged(0x03, bitString));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] time(Instant instant) {
        return tagged(0x18, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] utf8String(String text) {
        return tagged(0x0c, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] oid(byte[] encoded) {
        return tagged(0x06, encoded);
    }

    private static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        return tagged(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tagged(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A DER element: tag, definite length (short or long form), contents. */
    private static byte[] tagged(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = contents.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }
}
