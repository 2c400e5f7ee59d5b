package dev.gureum.core.reserved;

import dev.gureum.core.tag.Tag;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A reservation: {@code instanceCount} instances of one type, for a region or one zone, from {@code start}
 * to {@code end}. Its state follows from the clock ({@link #state}): queued before a future purchase time,
 * payment-pending for the first {@link #PAYMENT_PROCESSING}, then active until it ends; {@code retiredAt}
 * ends it early when a modification or exchange replaces it; a queued purchase deleted before its start
 * is {@code queued-deleted}. {@code fixedPrice} and {@code hourlyPrice} are
 * per instance, as the offering priced them; {@code upfrontCharge} is the one-time fee billed at start (the
 * purchase's upfront payment, an exchange's true-up, nothing for what a modification made).
 */
public record ReservedInstance(String id, String instanceType, String availabilityZone, int instanceCount,
                               OfferingClass offeringClass, Term term, PaymentOption payment, BigDecimal fixedPrice,
                               BigDecimal hourlyPrice, String offeringId, Instant start, Instant end,
                               Instant retiredAt, BigDecimal upfrontCharge, boolean deletedWhileQueued,
                               List<Tag> tags) {
    /** How long EC2 takes to confirm a purchase's payment (AWS: usually minutes); billing runs from start. */
    public static final Duration PAYMENT_PROCESSING = Duration.ofSeconds(60);

    public ReservedInstance {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public ReservationScope scope() {
        return availabilityZone == null ? ReservationScope.REGION : ReservationScope.AVAILABILITY_ZONE;
    }

    /**
     * DescribeReservedInstances' Duration: its seconds from start to end, its term's for a purchase; what a
     * modification or exchange made keeps the original end, so it lasts the rest of the term ("If you modify a
     * three-year reservation that had 16 months left in its term, the resulting modified reservation is a 16-month
     * reservation").
     */
    public long durationSeconds() {
        return Duration.between(start, end).toSeconds();
    }

    /** When the reservation stops applying: the end of its term, or an earlier retirement. */
    public Instant effectiveEnd() {
        return retiredAt != null && retiredAt.isBefore(end) ? retiredAt : end;
    }

    public ReservedState state(Instant now) {
        if (deletedWhileQueued) {
            return ReservedState.QUEUED_DELETED;
        }
        if (!now.isBefore(effectiveEnd())) {
            return ReservedState.RETIRED;
        }
        if (now.isBefore(start)) {
            return ReservedState.QUEUED;
        }
        return now.isBefore(start.plus(PAYMENT_PROCESSING)) ? ReservedState.PAYMENT_PENDING : ReservedState.ACTIVE;
    }

    public ReservedInstance retired(Instant at) {
        return new ReservedInstance(id, instanceType, availabilityZone, instanceCount, offeringClass, term, payment,
                fixedPrice, hourlyPrice, offeringId, start, end, at, upfrontCharge, false, tags);
    }

    public ReservedInstance withTags(List<Tag> newTags) {
        return new ReservedInstance(id, instanceType, availabilityZone, instanceCount, offeringClass, term, payment,
                fixedPrice, hourlyPrice, offeringId, start, end, retiredAt, upfrontCharge, deletedWhileQueued, newTags);
    }

    /** A queued purchase withdrawn before its start: it never applies and is never charged. */
    public ReservedInstance deletedWhileQueued(Instant at) {
        return new ReservedInstance(id, instanceType, availabilityZone, instanceCount, offeringClass, term, payment,
                fixedPrice, hourlyPrice, offeringId, start, end, at, upfrontCharge, true, tags);
    }
}
