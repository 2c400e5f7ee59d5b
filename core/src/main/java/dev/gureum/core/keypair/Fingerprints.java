package dev.gureum.core.keypair;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key fingerprints exactly as EC2 computes them (EC2 User Guide, "Verify the fingerprint of your key
 * pair", and the API reference's KeyPairInfo.keyFingerprint):
 * <ul>
 *   <li>RSA created by EC2: SHA-1 of the DER PKCS#8 private key, hex pairs joined by colons
 *       ({@code openssl pkcs8 -topk8 -nocrypt -outform DER | openssl sha1 -c});</li>
 *   <li>RSA imported: MD5 of the DER SubjectPublicKeyInfo, hex pairs joined by colons
 *       ({@code openssl rsa -pubout -outform DER | openssl md5 -c});</li>
 *   <li>Ed25519, created or imported: SHA-256 of the SSH public key blob in base64 with its {@code =}
 *       padding (what {@code ssh-keygen -l} prints after {@code SHA256:}, which drops the padding).</li>
 * </ul>
 */
final class Fingerprints {
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":");

    private Fingerprints() {
    }

    static String createdRsa(RSAPrivateKey key) {
        return COLON_HEX.formatHex(digest("SHA-1", key.getEncoded()));
    }

    static String importedRsa(RSAPublicKey key) {
        return COLON_HEX.formatHex(digest("MD5", key.getEncoded()));
    }

    static String ed25519(SshPublicKey key) {
        return Base64.getEncoder().encodeToString(digest("SHA-256", key.blob()));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }
}
