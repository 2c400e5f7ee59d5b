package dev.gureum.core.keypair;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * OpenSSH's own private key format ({@code openssh-key-v1}, PROTOCOL.key in OpenSSH), unencrypted: what
 * EC2 returns for Ed25519 keys in pem format, under {@code -----BEGIN OPENSSH PRIVATE KEY-----}.
 */
final class OpenSshPrivateKey {
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int UNENCRYPTED_BLOCK_SIZE = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpenSshPrivateKey() {
    }

    static String ed25519(Ed25519Keys keys, String comment) {
        return ed25519(keys, comment, RANDOM.nextInt());
    }

    /** {@code check} is written twice: a reader that decrypted with the right passphrase finds both equal. */
    static String ed25519(Ed25519Keys keys, String comment, int check) {
        byte[] publicBlob = SshPublicKey.ed25519(keys.point()).blob();
        byte[] secret = new byte[keys.seed().length + keys.point().length];
        System.arraycopy(keys.seed(), 0, secret, 0, keys.seed().length);
        System.arraycopy(keys.point(), 0, secret, keys.seed().length, keys.point().length);
        SshWriter privateSection = new SshWriter().uint32(check).uint32(check)
                .string(KeyType.ED25519.sshName()).string(keys.point()).string(secret).string(comment);
        for (int pad = 1; privateSection.size() % UNENCRYPTED_BLOCK_SIZE != 0; pad++) {
            privateSection.raw(new byte[] {(byte) pad});
        }
        byte[] file = new SshWriter().raw(MAGIC).string("none").string("none").string(new byte[0])
                .uint32(1).string(publicBlob).string(privateSection.toByteArray()).toByteArray();
        return Pem.encode("OPENSSH PRIVATE KEY", file, Pem.OPENSSH_LINE_LENGTH);
    }
}
