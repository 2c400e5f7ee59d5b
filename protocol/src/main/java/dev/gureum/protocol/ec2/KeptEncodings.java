package dev.gureum.protocol.ec2;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The XML of objects a caller will have written again, by object identity, kept while the object lives.
 * SDK shapes are immutable, so an object's encoding never changes; the map holds its objects weakly, so an
 * encoding goes when the caller lets go of its object.
 */
final class KeptEncodings {
    private static final byte[] NOT_YET = new byte[0];

    private final ConcurrentHashMap<Object, byte[]> encodings = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** From now on, the encoding of {@code object} is kept once written. */
    void keep(Object object) {
        forgetCollected();
        encodings.putIfAbsent(new Held(object, collected), NOT_YET);
    }

    /** Whether {@code object}'s encoding is to be kept. */
    boolean kept(Object object) {
        return encodings.containsKey(new Probe(object));
    }

    /** Its encoding, or null when it was never written or is not kept. */
    byte[] encoding(Object object) {
        byte[] encoding = encodings.get(new Probe(object));
        return encoding == null || encoding == NOT_YET ? null : encoding;
    }

    void store(Object object, byte[] encoding) {
        encodings.replace(new Probe(object), NOT_YET, encoding);
    }

    int size() {
        forgetCollected();
        return encodings.size();
    }

    private void forgetCollected() {
        for (Object gone = collected.poll(); gone != null; gone = collected.poll()) {
            encodings.remove(gone);
        }
    }

    /** A kept object, weakly; equal to the probe of the same object while it lives. */
    private static final class Held extends WeakReference<Object> {
        private final int hash;

        Held(Object object, ReferenceQueue<Object> queue) {
            super(object, queue);
            this.hash = System.identityHashCode(object);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            Object object = get();
            return other == this || object != null
                    && (other instanceof Probe probe && probe.object == object || other instanceof Held held && held.get() == object);
        }
    }

    /** Looks an object up without holding it: the map compares the probe with its keys, never the reverse. */
    private record Probe(Object object) {
        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Held held && held.get() == object;
        }
    }
}
