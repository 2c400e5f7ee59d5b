package dev.gureum.core.keypair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

/** RSA keys as EC2 creates them: 2048 bits, returned as PKCS#1 PEM byte for byte as openssl writes it. */
class RsaKeysTest {

    @Test
    void pkcs1PemIsWhatOpensslWrites() {
        assertEquals(Fixtures.text("created-rsa.pem"), RsaKeys.pkcs1Pem(Fixtures.createdRsaKey()));
    }

    @Test
    void generatesRsa2048WithExponent65537() {
        java.security.KeyPair pair = RsaKeys.generate();
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        assertEquals(2048, publicKey.getModulus().bitLength());
        assertEquals(65537, publicKey.getPublicExponent().intValueExact());
        assertEquals(publicKey.getModulus(), ((RSAPrivateCrtKey) pair.getPrivate()).getModulus());
    }
}
