package dev.gureum.core.keypair;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * Key files made once with ssh-keygen, openssl and puttygen (see the test resources), read back for
 * known-answer tests.
 */
final class Fixtures {
    private Fixtures() {
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.US_ASCII);
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RSA key of created-rsa.pem, read from its PKCS#8 twin (the JDK does not read PKCS#1). */
    static RSAPrivateCrtKey createdRsaKey() {
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(text("created-rsa-pkcs8.pem"), "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
