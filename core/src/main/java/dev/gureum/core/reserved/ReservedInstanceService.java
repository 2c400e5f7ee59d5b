package dev.gureum.core.reserved;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * PurchaseReservedInstancesOffering and DescribeReservedInstances. A purchase takes the offering from its id
 * (offerings are computed, never stored) and stores the reservation with its prices; the upfront payment is
 * billed as a one-time fee at its start. A purchase time in the future queues a regional reservation until
 * then, as EC2 does (zonal purchases cannot be queued). A zonal purchase reserves capacity in its zone, so
 * the zone must have room for it.
 */
public final class ReservedInstanceService {
    /** EC2's quota: 20 regional Reserved Instances a month per region, and 20 zonal a month per zone. */
    static final int MAXIMUM_INSTANCE_COUNT = 20;
    /** How far ahead EC2 lets a purchase be queued. */
    private static final Duration QUEUE_AHEAD = Duration.ofDays(3 * 365 + 1);
    /** How EC2 spells times in filters and responses: 2015-08-07T11:54:42.000Z. */
    private static final java.time.format.DateTimeFormatter TIMESTAMP = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** Refuses a zonal reservation its zone has no room for (InsufficientReservedInstanceCapacity). */
    public interface ZoneRoom {
        ZoneRoom UNLIMITED = (account, region, zone, instanceType, instanceCount) -> { };

        void require(String account, String region, String zone, String instanceType, int instanceCount);
    }

    private final Store store;
    private final OfferingCatalog offerings;
    private final ZoneRoom room;

    public ReservedInstanceService(Store store, OfferingCatalog offerings) {
        this(store, offerings, ZoneRoom.UNLIMITED);
    }

    public ReservedInstanceService(Store store, OfferingCatalog offerings, ZoneRoom room) {
        this.store = store;
        this.offerings = offerings;
        this.room = room;
    }

    public OfferingCatalog offerings() {
        return offerings;
    }

    /** Buys {@code instanceCount} instances of an offering, at {@code purchaseTime} (null for now). */
    public ReservedInstance purchase(RequestContext context, String offeringId, Integer instanceCount,
                                     Instant purchaseTime) {
        if (offeringId == null || offeringId.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception(
                    "The request must contain the parameter reservedInstancesOfferingId");
        }
        if (instanceCount == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter instanceCount");
        }
        ReservedOffering offering = offerings.find(context.region(), offeringId)
                .orElseThrow(() -> Ec2Error.INVALID_RESERVED_INSTANCES_OFFERING_ID.exception(
                        "The Reserved Instances Offering ID '" + offeringId + "' is invalid."));
        if (instanceCount < 1) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + instanceCount
                    + ") for parameter instanceCount is invalid. Expected a positive integer.");
        }
        String quotaScope = offering.availabilityZone() != null ? offering.availabilityZone() : context.region();
        RecordKey monthKey = new RecordKey(context.account(), context.region(),
                YearMonth.from(context.now().atOffset(ZoneOffset.UTC)) + "/" + quotaScope);
        var bought = store.get(ReservedRecords.MONTHLY_PURCHASES, monthKey);
        int boughtThisMonth = bought.map(purchases -> purchases.value().instanceCount()).orElse(0);
        if (boughtThisMonth + instanceCount > MAXIMUM_INSTANCE_COUNT) {
            throw Ec2Error.RESERVED_INSTANCES_LIMIT_EXCEEDED.exception("You have requested more Reserved "
                    + "Instances than your current limit of " + MAXIMUM_INSTANCE_COUNT + " per month allows ("
                    + boughtThisMonth + " bought this month in " + quotaScope + ").");
        }
        if (offering.availabilityZone() != null) {
            room.require(context.account(), context.region(), offering.availabilityZone(), offering.instanceType(),
                    instanceCount);
        }
        Instant now = context.now().truncatedTo(ChronoUnit.MILLIS);
        Instant start = now;
        if (purchaseTime != null && purchaseTime.isAfter(now)) {
            if (purchaseTime.isAfter(now.plus(QUEUE_AHEAD))) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The purchase time " + purchaseTime
                        + " is more than three years ahead; a purchase can be queued up to three years in advance.");
            }
            if (offering.scope() == ReservationScope.AVAILABILITY_ZONE) {
                throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception(
                        "Queued purchases are only supported for regional Reserved Instances.");
            }
            start = purchaseTime.truncatedTo(ChronoUnit.MILLIS);
        }
        ReservedInstance reserved = new ReservedInstance(UUID.randomUUID().toString(), offering.instanceType(),
                offering.availabilityZone(), instanceCount, offering.offeringClass(), offering.term(),
                offering.payment(), offering.fixedPrice(), offering.hourlyPrice(), offering.id(), start,
                start.plus(offering.term().duration()), null,
                offering.fixedPrice().multiply(BigDecimal.valueOf(instanceCount)), false, List.of());
        Writes.commit(store, context, new WriteBatch().put(ReservedRecords.RESERVED_INSTANCES,
                key(context, reserved.id()), WriteBatch.ABSENT, reserved)
                .put(ReservedRecords.MONTHLY_PURCHASES, monthKey, bought.map(Versioned::version)
                        .orElse(WriteBatch.ABSENT),
                        new ReservedRecords.MonthlyPurchases(boughtThisMonth + instanceCount)));
        return reserved;
    }

    /** DeleteQueuedReservedInstances' answer: the ids deleted, and the others with their error code. */
    public record QueuedDeletions(List<String> deleted, java.util.Map<String, String> failed) {
    }

    /**
     * Deletes queued purchases (they become {@code queued-deleted}); an id that is not the account's is
     * {@code reserved-instances-id-invalid}, one not queued {@code reserved-instances-not-in-queued-state}.
     */
    public QueuedDeletions deleteQueued(RequestContext context, List<String> ids) {
        if (ids.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter ReservedInstancesId");
        }
        List<String> deleted = new java.util.ArrayList<>();
        java.util.Map<String, String> failed = new java.util.LinkedHashMap<>();
        WriteBatch batch = new WriteBatch();
        Instant now = context.now().truncatedTo(ChronoUnit.MILLIS);
        for (String id : ids.stream().distinct().toList()) {
            var found = store.get(ReservedRecords.RESERVED_INSTANCES, key(context, id));
            if (found.isEmpty()) {
                failed.put(id, "reserved-instances-id-invalid");
            } else if (found.get().value().state(now) != ReservedState.QUEUED) {
                failed.put(id, "reserved-instances-not-in-queued-state");
            } else {
                batch.put(ReservedRecords.RESERVED_INSTANCES, found.get().key(), found.get().version(),
                        found.get().value().deletedWhileQueued(now));
                deleted.add(id);
            }
        }
        Writes.commit(store, context, batch);
        return new QueuedDeletions(deleted, failed);
    }

    /** The reservations named (each must exist), or all, matching the class, type and filters, by start. */
    public List<ReservedInstance> describe(RequestContext context, List<String> ids, String offeringClass,
                                           String offeringType, List<Filter> filters) {
        List<ReservedInstance> all = all(context);
        for (String id : ids) {
            if (all.stream().noneMatch(reserved -> reserved.id().equals(id))) {
                throw notFound(id);
            }
        }
        Instant now = context.now();
        Predicate<ReservedInstance> matches = filterSet(now).compile(filters);
        OfferingClass wantedClass = offeringClass == null ? null : OfferingClass.fromWireName(offeringClass)
                .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + offeringClass
                        + ") for parameter offeringClass is invalid."));
        if (offeringType != null && PaymentOption.fromWireName(offeringType).isEmpty()
                && !List.of("Heavy Utilization", "Medium Utilization", "Light Utilization").contains(offeringType)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + offeringType
                    + ") for parameter offeringType is invalid.");
        }
        return all.stream()
                .filter(reserved -> ids.isEmpty() || ids.contains(reserved.id()))
                .filter(reserved -> wantedClass == null || reserved.offeringClass() == wantedClass)
                .filter(reserved -> offeringType == null || reserved.payment().wireName().equals(offeringType))
                .filter(matches)
                .sorted(Comparator.comparing(ReservedInstance::start).thenComparing(ReservedInstance::id))
                .toList();
    }

    /** The account's reservations in the request's region, each as stored. */
    List<ReservedInstance> all(RequestContext context) {
        return store.list(ReservedRecords.RESERVED_INSTANCES, context.account(), context.region()).stream()
                .map(Versioned::value).toList();
    }

    /** A reservation of the account in the region, or InvalidReservedInstancesId. */
    Versioned<ReservedInstance> require(RequestContext context, String id) {
        return store.get(ReservedRecords.RESERVED_INSTANCES, key(context, id)).orElseThrow(() -> notFound(id));
    }

    static RecordKey key(RequestContext context, String id) {
        return new RecordKey(context.account(), context.region(), id);
    }

    static RuntimeException notFound(String id) {
        return Ec2Error.INVALID_RESERVED_INSTANCES_ID.exception("The Reserved Instances ID '" + id
                + "' does not exist.");
    }

    private static FilterSet<ReservedInstance> filterSet(Instant now) {
        return FilterSet.<ReservedInstance>builder()
                .single("availability-zone", ReservedInstance::availabilityZone)
                .single("duration", reserved -> String.valueOf(reserved.durationSeconds()))
                .single("end", reserved -> TIMESTAMP.format(reserved.end()))
                .single("fixed-price", reserved -> OfferingCatalog.floatText(reserved.fixedPrice()))
                .single("instance-type", ReservedInstance::instanceType)
                .single("scope", reserved -> reserved.scope().wireName())
                .single("product-description", reserved -> ReservedOffering.PRODUCT_DESCRIPTION)
                .single("reserved-instances-id", ReservedInstance::id)
                .single("start", reserved -> TIMESTAMP.format(reserved.start()))
                .single("state", reserved -> reserved.state(now).wireName())
                .single("usage-price", reserved -> OfferingCatalog.floatText(BigDecimal.ZERO))
                .single("offering-class", reserved -> reserved.offeringClass().wireName())
                .single("offering-type", reserved -> reserved.payment().wireName())
                .tags(ReservedInstance::tags)
                .build();
    }
}
