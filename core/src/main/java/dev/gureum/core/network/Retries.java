package dev.gureum.core.network;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.VersionConflictException;
import java.util.function.Supplier;

/**
 * Runs a read-check-write attempt again when its compare-and-set lost to a concurrent change of the same
 * records, so every check is made against what is committed. Should the records keep changing, the caller
 * is asked to retry ({@code ServiceUnavailable}, which the AWS SDKs retry on their own).
 */
final class Retries {
    private static final int ATTEMPTS = 5;

    private Retries() {
    }

    static <T> T onConflict(Supplier<T> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (VersionConflictException changedMeanwhile) {
                if (tried == ATTEMPTS) {
                    throw Ec2Error.SERVICE_UNAVAILABLE.exception(
                            "The security group is being changed by other requests; retry the request.");
                }
            }
        }
    }
}
