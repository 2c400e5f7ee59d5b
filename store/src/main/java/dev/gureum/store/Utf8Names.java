package dev.gureum.store;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UTF-8 bytes of the names every logged change repeats (record kinds, accounts, regions), encoded once
 * and kept: a name's bytes then cost a lookup, where encoding them again
 * cost an array and a copy per name per write. At most {@link #MOST} names are kept, the first ones asked
 * for; any other is encoded each time. Never for identifiers, which do not repeat and would crowd names out.
 * The arrays answered are shared: callers copy from them and never change them.
 */
final class Utf8Names {
    static final int MOST = 4_096;
    private static final ConcurrentHashMap<String, byte[]> KEPT = new ConcurrentHashMap<>();

    private Utf8Names() {
    }

    static byte[] of(String name) {
        byte[] bytes = KEPT.get(name);
        if (bytes == null) {
            bytes = name.getBytes(StandardCharsets.UTF_8);
            if (KEPT.size() < MOST) {
                KEPT.putIfAbsent(name, bytes);
            }
        }
        return bytes;
    }
}
