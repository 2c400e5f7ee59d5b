package dev.gureum.core.network;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.ConflictRetries;
import java.util.function.Supplier;

/**
 * Security group changes run again when they lose a race ({@link ConflictRetries}). Should the records keep
 * changing, the caller is asked to retry ({@code ServiceUnavailable}, which the AWS SDKs retry on their own).
 */
final class Retries {
    private static final int ATTEMPTS = 5;

    private Retries() {
    }

    static <T> T onConflict(Supplier<T> attempt) {
        return ConflictRetries.onConflict(ATTEMPTS, attempt, changedMeanwhile -> Ec2Error.SERVICE_UNAVAILABLE.exception(
                "The security group is being changed by other requests; retry the request."));
    }
}
