package dev.gureum.protocol.sigv4;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived signing keys per (secret, date, region, service). A key serves a whole day, so the hot path
 * skips the four-HMAC derivation. Only keys that just verified a signature are kept, so unsigned junk
 * cannot churn the map; when it is full it simply starts over.
 */
final class SigningKeyCache {
    private static final int CAPACITY = 1024;
    private final ConcurrentHashMap<Entry, byte[]> keys = new ConcurrentHashMap<>();

    /** The cached key, or null. The array is shared: read it, never write it. */
    byte[] find(String secretAccessKey, CredentialScope scope) {
        return keys.get(new Entry(secretAccessKey, scope.date(), scope.region(), scope.service()));
    }

    void keep(String secretAccessKey, CredentialScope scope, byte[] signingKey) {
        if (keys.size() >= CAPACITY) {
            keys.clear();
        }
        keys.put(new Entry(secretAccessKey, scope.date(), scope.region(), scope.service()), signingKey);
    }

    private record Entry(String secretAccessKey, String date, String region, String service) {
    }
}
