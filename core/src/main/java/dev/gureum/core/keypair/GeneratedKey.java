package dev.gureum.core.keypair;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/**
 * A freshly generated key pair: the public key that is kept, its EC2 fingerprint, and the private key
 * in the requested format, which is handed to the caller once and never stored.
 */
record GeneratedKey(SshPublicKey publicKey, String fingerprint, String privateKeyMaterial) {

    /** {@code comment} goes where the format has room for one (OpenSSH and PuTTY files; not PKCS#1). */
    static GeneratedKey generate(KeyType type, KeyFormat format, String comment) {
        return switch (type) {
            case RSA -> rsa(format, comment);
            case ED25519 -> ed25519(format, comment);
        };
    }

    private static GeneratedKey rsa(KeyFormat format, String comment) {
        java.security.KeyPair pair = RsaKeys.generate();
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) pair.getPrivate();
        SshPublicKey publicKey = SshPublicKey.rsa((RSAPublicKey) pair.getPublic());
        String material = switch (format) {
            case PEM -> RsaKeys.pkcs1Pem(privateKey);
            case PPK -> PuttyKeyFile.rsa(publicKey, privateKey, comment);
        };
        return new GeneratedKey(publicKey, Fingerprints.createdRsa(privateKey), material);
    }

    private static GeneratedKey ed25519(KeyFormat format, String comment) {
        Ed25519Keys keys = Ed25519Keys.generate();
        SshPublicKey publicKey = SshPublicKey.ed25519(keys.point());
        String material = switch (format) {
            case PEM -> OpenSshPrivateKey.ed25519(keys, comment);
            case PPK -> PuttyKeyFile.ed25519(keys, comment);
        };
        return new GeneratedKey(publicKey, Fingerprints.ed25519(publicKey), material);
    }
}
