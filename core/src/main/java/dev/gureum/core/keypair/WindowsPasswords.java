package dev.gureum.core.keypair;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;

/**
 * The Administrator password EC2 sets on a Windows instance and hands out through GetPasswordData: random, and
 * never shown in the clear, only encrypted with the RSA public key of the instance's key pair (PKCS #1 v1.5, as
 * EC2 does), so only the holder of the private key reads it ({@code aws ec2 get-password-data
 * --priv-launch-key}). An Ed25519 key pair cannot carry one: Windows instances need RSA keys.
 */
public final class WindowsPasswords {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@$%&*()-=?";
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WindowsPasswords() {
    }

    /**
     * A new password encrypted for the key of an authorized_keys line ({@code ssh-rsa AAAA…}), base64 as
     * PasswordData carries it; empty for a key that is not RSA.
     */
    public static Optional<String> encryptedFor(String authorizedKey) {
        String[] fields = authorizedKey == null ? new String[0] : authorizedKey.trim().split("\\s+");
        if (fields.length < 2 || !KeyType.RSA.sshName().equals(fields[0])) {
            return Optional.empty();
        }
        SshPublicKey key = SshPublicKey.fromBlob(Base64.getDecoder().decode(fields[1]));
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key.rsaKey(), RANDOM);
            return Optional.of(Base64.getEncoder().encodeToString(
                    cipher.doFinal(password().getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot encrypt with RSA", e);
        }
    }

    private static String password() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
