package dev.gureum.core.keypair;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;

/**
 * RSA keys as EC2 creates them: 2048 bits, the private key returned as PKCS#1
 * ({@code -----BEGIN RSA PRIVATE KEY-----}), which the JDK's PKCS#8 encoding carries inside.
 */
final class RsaKeys {
    static final int CREATED_KEY_BITS = 2048;

    private RsaKeys() {
    }

    static java.security.KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(CREATED_KEY_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK generates RSA keys", e);
        }
    }

    /** PKCS#8 is {@code SEQUENCE {version, algorithm, OCTET STRING {PKCS#1 RSAPrivateKey}}}. */
    static String pkcs1Pem(RSAPrivateCrtKey key) {
        DerReader privateKeyInfo = new DerReader(new DerReader(key.getEncoded()).read(DerReader.SEQUENCE));
        privateKeyInfo.read(DerReader.INTEGER);
        privateKeyInfo.read(DerReader.SEQUENCE);
        return Pem.encode("RSA PRIVATE KEY", privateKeyInfo.read(DerReader.OCTET_STRING), Pem.PKCS_LINE_LENGTH);
    }
}
