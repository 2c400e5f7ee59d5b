package dev.gureum.core.keypair;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PuTTY's private key file, version 2, unencrypted (PuTTY manual, appendix C): the version every PuTTY
 * release reads, as EC2 returns it for key format ppk. The MAC is HMAC-SHA-1 keyed with
 * SHA-1("putty-private-key-file-mac-key" + passphrase), the passphrase being empty, over the algorithm,
 * encryption, comment, public blob and private blob, each as an SSH string.
 */
final class PuttyKeyFile {
    static final String MAC_KEY_PREFIX = "putty-private-key-file-mac-key";
    private static final String ENCRYPTION = "none";
    private static final int LINE_LENGTH = 64;

    private PuttyKeyFile() {
    }

    /** The private blob of an RSA key: d, p, q and q⁻¹ mod p as mpints. */
    static String rsa(SshPublicKey publicKey, RSAPrivateCrtKey key, String comment) {
        byte[] privateBlob = new SshWriter().mpint(key.getPrivateExponent()).mpint(key.getPrimeP())
                .mpint(key.getPrimeQ()).mpint(key.getCrtCoefficient()).toByteArray();
        return write(publicKey, privateBlob, comment);
    }

    /** The private blob of an Ed25519 key: the 32-byte seed as a string, as puttygen writes it. */
    static String ed25519(Ed25519Keys keys, String comment) {
        return write(SshPublicKey.ed25519(keys.point()), new SshWriter().string(keys.seed()).toByteArray(), comment);
    }

    private static String write(SshPublicKey publicKey, byte[] privateBlob, String comment) {
        String algorithm = publicKey.type().sshName();
        String publicLines = Pem.wrap(publicKey.blob(), LINE_LENGTH);
        String privateLines = Pem.wrap(privateBlob, LINE_LENGTH);
        return "PuTTY-User-Key-File-2: " + algorithm + "\n"
                + "Encryption: " + ENCRYPTION + "\n"
                + "Comment: " + comment + "\n"
                + "Public-Lines: " + publicLines.lines().count() + "\n" + publicLines
                + "Private-Lines: " + privateLines.lines().count() + "\n" + privateLines
                + "Private-MAC: " + mac(algorithm, ENCRYPTION, comment, publicKey.blob(), privateBlob) + "\n";
    }

    /** The hex Private-MAC of an unencrypted version 2 file. */
    static String mac(String algorithm, String encryption, String comment, byte[] publicBlob, byte[] privateBlob) {
        byte[] macData = new SshWriter().string(algorithm).string(encryption).string(comment)
                .string(publicBlob).string(privateBlob).toByteArray();
        try {
            byte[] key = MessageDigest.getInstance("SHA-1").digest(MAC_KEY_PREFIX.getBytes(StandardCharsets.US_ASCII));
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(key, "HmacSHA1"));
            return HexFormat.of().formatHex(hmac.doFinal(macData));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides SHA-1 and HmacSHA1", e);
        }
    }
}
