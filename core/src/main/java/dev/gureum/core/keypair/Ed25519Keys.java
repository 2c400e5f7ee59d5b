package dev.gureum.core.keypair;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;

/**
 * Ed25519 keys from the JDK, reduced to the two 32-byte strings SSH uses: the private seed and the
 * public point. The JDK's X.509 encoding of an Ed25519 public key is a fixed 12-byte header and the point.
 */
record Ed25519Keys(byte[] seed, byte[] point) {

    static Ed25519Keys generate() {
        try {
            java.security.KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] point = Arrays.copyOfRange(encoded, encoded.length - SshPublicKey.ED25519_KEY_LENGTH, encoded.length);
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            return new Ed25519Keys(seed, point);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK since 15 generates Ed25519 keys", e);
        }
    }
}
