package dev.gureum.core.metadata;

import dev.gureum.core.runtime.InstanceRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * IMDSv2 session tokens. A token names its expiry and is signed (HMAC-SHA256) with a key this node draws at
 * start together with the instance it was issued to, so nothing is stored per token, a token works only for
 * the instance that asked for it, and it ends at its TTL on the cloud clock. A restarted server draws a new
 * key: earlier tokens answer 401 and clients ask for a new one, as they do when a token expires.
 */
public final class MetadataTokens {
    public static final int MAX_TTL_SECONDS = 21600;
    private static final int SIGNATURE_BYTES = 32;

    private final byte[] key;

    public MetadataTokens() {
        this(new SecureRandom().generateSeed(32));
    }

    MetadataTokens(byte[] key) {
        this.key = key.clone();
    }

    /** A token for the instance that ends {@code ttlSeconds} (1 to 21600) after {@code now}. */
    public String issue(InstanceRef instance, long ttlSeconds, Instant now) {
        long expiry = now.getEpochSecond() + ttlSeconds;
        ByteBuffer token = ByteBuffer.allocate(Long.BYTES + SIGNATURE_BYTES);
        token.putLong(expiry).put(sign(instance, expiry));
        return Base64.getEncoder().encodeToString(token.array());
    }

    /** The seconds the token has left for this instance, or empty when it is malformed, foreign or expired. */
    public OptionalLong remainingSeconds(String token, InstanceRef instance, Instant now) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException malformed) {
            return OptionalLong.empty();
        }
        if (bytes.length != Long.BYTES + SIGNATURE_BYTES) {
            return OptionalLong.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long expiry = buffer.getLong();
        byte[] signature = new byte[SIGNATURE_BYTES];
        buffer.get(signature);
        if (!MessageDigest.isEqual(signature, sign(instance, expiry))) {
            return OptionalLong.empty();
        }
        long left = expiry - now.getEpochSecond();
        return left > 0 ? OptionalLong.of(left) : OptionalLong.empty();
    }

    private byte[] sign(InstanceRef instance, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String subject = instance.account() + "/" + instance.region() + "/" + instance.instanceId() + "/" + expiry;
            return mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
