package dev.gureum.protocol.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 for SigV4, including the signing-key chain {@code "AWS4"+secret → date → region →
 * service → "aws4_request"}. Instances are cloned from prototypes: cheaper than a provider look-up per
 * request and safe on virtual threads, where thread-locals would not be reused.
 */
final class Hashing {
    private static final String HMAC_ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final MessageDigest SHA_256_PROTOTYPE;
    private static final Mac HMAC_PROTOTYPE;

    static {
        try {
            SHA_256_PROTOTYPE = MessageDigest.getInstance("SHA-256");
            HMAC_PROTOTYPE = Mac.getInstance(HMAC_ALGORITHM);
            HMAC_PROTOTYPE.getProvider();
        } catch (GeneralSecurityException missing) {
            throw new ExceptionInInitializerError(missing);
        }
    }

    private Hashing() {
    }

    static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256_PROTOTYPE.clone();
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException("SHA-256 provider cannot be cloned", impossible);
        }
    }

    static Mac hmacSha256() {
        try {
            return (Mac) HMAC_PROTOTYPE.clone();
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException("HmacSHA256 provider cannot be cloned", impossible);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] hmac(Mac mac, byte[] key, String data) {
        try {
            mac.init(new SecretKeySpec(key, HMAC_ALGORITHM));
        } catch (InvalidKeyException impossible) {
            throw new IllegalStateException("HMAC rejected a raw key", impossible);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] signingKey(Mac mac, String secretAccessKey, CredentialScope scope) {
        byte[] key = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
        key = hmac(mac, key, scope.date());
        key = hmac(mac, key, scope.region());
        key = hmac(mac, key, scope.service());
        return hmac(mac, key, CredentialScope.TERMINATOR);
    }
}
