package dev.gureum.core.store;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a read-check-write attempt again when its compare-and-set lost to a concurrent change of the same
 * records, so every check is made against what is committed; each attempt must make its batch anew from the
 * store. After the last attempt loses too, the caller's policy says what to answer.
 */
public final class ConflictRetries {
    private ConflictRetries() {
    }

    public static <T> T onConflict(int attempts, Supplier<T> attempt,
                                   Function<VersionConflictException, RuntimeException> exhausted) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (VersionConflictException changedMeanwhile) {
                if (tried >= attempts) {
                    throw exhausted.apply(changedMeanwhile);
                }
            }
        }
    }
}
