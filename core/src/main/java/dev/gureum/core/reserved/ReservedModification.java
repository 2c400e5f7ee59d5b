package dev.gureum.core.reserved;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A ModifyReservedInstances request and what it made: the source reservations are retired at
 * {@code effectiveDate} and the results start then. It reports {@code processing} for
 * {@link #PROCESSING} after its creation, then {@code fulfilled}.
 */
public record ReservedModification(String id, String clientToken, Instant createDate, Instant effectiveDate,
                                   List<String> sourceIds, List<Result> results) {
    public static final Duration PROCESSING = Duration.ofSeconds(60);

    /** One reservation the modification made and its configuration. */
    public record Result(String reservedInstancesId, String availabilityZone, int instanceCount, String instanceType,
                         String scope) {
    }

    public String status(Instant now) {
        return fulfilled(now) ? "fulfilled" : "processing";
    }

    /** Whether it has been fulfilled: only then does EC2 show the ids of the reservations it made. */
    public boolean fulfilled(Instant now) {
        return !now.isBefore(createDate.plus(PROCESSING));
    }

    public Instant updateDate(Instant now) {
        return now.isBefore(createDate.plus(PROCESSING)) ? createDate : createDate.plus(PROCESSING);
    }
}
