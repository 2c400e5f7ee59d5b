package dev.gureum.core.keypair;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A public key as SSH encodes it (RFC 4253 section 6.6 for {@code ssh-rsa}, RFC 8709 for
 * {@code ssh-ed25519}): the blob that authorized_keys lines carry in base64 and that fingerprints hash.
 */
final class SshPublicKey {
    static final int ED25519_KEY_LENGTH = 32;

    private final KeyType type;
    private final byte[] blob;

    private SshPublicKey(KeyType type, byte[] blob) {
        this.type = type;
        this.blob = blob;
    }

    static SshPublicKey rsa(RSAPublicKey key) {
        return new SshPublicKey(KeyType.RSA, new SshWriter()
                .string(KeyType.RSA.sshName()).mpint(key.getPublicExponent()).mpint(key.getModulus()).toByteArray());
    }

    static SshPublicKey ed25519(byte[] point) {
        if (point.length != ED25519_KEY_LENGTH) {
            throw new MalformedKeyException("an Ed25519 public key has " + ED25519_KEY_LENGTH + " bytes");
        }
        return new SshPublicKey(KeyType.ED25519,
                new SshWriter().string(KeyType.ED25519.sshName()).string(point).toByteArray());
    }

    /** Reads a blob, checking that it is exactly one well-formed RSA or Ed25519 key. */
    static SshPublicKey fromBlob(byte[] blob) {
        SshReader reader = new SshReader(blob);
        KeyType type = KeyType.fromSshName(reader.string());
        if (type == null) {
            throw new MalformedKeyException("the key type is neither ssh-rsa nor ssh-ed25519");
        }
        SshPublicKey key = switch (type) {
            case RSA -> rsa(rsaKey(reader.positiveMpint(), reader.positiveMpint()));
            case ED25519 -> ed25519(reader.bytes());
        };
        if (!reader.atEnd() || !Arrays.equals(key.blob, blob)) {
            throw new MalformedKeyException("the key blob is not in its canonical form");
        }
        return key;
    }

    static RSAPublicKey rsaKey(BigInteger exponent, BigInteger modulus) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new MalformedKeyException("not an RSA public key: " + e.getMessage());
        }
    }

    KeyType type() {
        return type;
    }

    byte[] blob() {
        return blob.clone();
    }

    /** The RSA key this blob holds; only for {@link KeyType#RSA}. */
    RSAPublicKey rsaKey() {
        SshReader reader = new SshReader(blob);
        reader.string();
        return rsaKey(reader.positiveMpint(), reader.positiveMpint());
    }

    /** An authorized_keys line: {@code ssh-rsa AAAA… comment}. */
    String openSshLine(String comment) {
        String line = type.sshName() + " " + Base64.getEncoder().encodeToString(blob);
        return comment.isEmpty() ? line : line + " " + comment;
    }
}
