package dev.gureum.store;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.WriteBatch;
import java.nio.file.Path;

/**
 * The process that {@link CrashTest} kills: several threads create records as fast as the store takes
 * them and print each id on its own line once {@code apply} has returned. It runs until killed.
 */
public final class CrashWriter {
    static final int THREADS = 8;
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";

    private CrashWriter() {
    }

    public static void main(String[] arguments) {
        EmbeddedStore store = EmbeddedStore.open(Path.of(arguments[0]), Long.parseLong(arguments[1]));
        for (int thread = 0; thread < THREADS; thread++) {
            int writer = thread;
            Thread.ofPlatform().start(() -> writeForever(store, writer));
        }
    }

    static Sample valueOf(String id) {
        return Sample.named(id, id.hashCode());
    }

    private static void writeForever(EmbeddedStore store, int writer) {
        for (int number = 0; ; number++) {
            String id = "w" + writer + "-" + number;
            store.apply(new WriteBatch().put(Sample.KIND, new RecordKey(ACCOUNT, REGION, id), WriteBatch.ABSENT,
                    valueOf(id)));
            synchronized (System.out) {
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
