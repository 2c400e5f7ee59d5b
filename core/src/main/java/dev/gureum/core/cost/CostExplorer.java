package dev.gureum.core.cost;

import dev.gureum.core.billing.BilledReservation;
import dev.gureum.core.billing.Bills;
import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import dev.gureum.core.billing.ReservationUse;
import dev.gureum.core.billing.SavingsPlanUse;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.core.time.CloudClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GetCostAndUsage over the bill's own line items ({@link Bills}), so its numbers are the bill's: the line
 * items of {@code [start, end)} in the granularity's buckets, filtered, then summed per bucket — in total, or
 * per combination of up to two grouping dimensions.
 */
public final class CostExplorer {
    static final int MAXIMUM_GROUP_BY = 2;

    private final Bills bills;
    private final CloudClock clock;

    public CostExplorer(Bills bills, CloudClock clock) {
        this.bills = bills;
        this.clock = clock;
    }

    public CostAndUsage costAndUsage(String account, Instant start, Instant end, Granularity granularity,
                                     List<CostMetric> metrics, List<CostDimension> groupBy, CostFilter filter) {
        if (!start.isBefore(end)) {
            throw CostExplorerError.VALIDATION.exception("Start date (and hour) should be before end date (and hour)");
        }
        if (metrics.isEmpty()) {
            throw CostExplorerError.VALIDATION.exception("Metrics must not be empty.");
        }
        if (groupBy.size() > MAXIMUM_GROUP_BY) {
            throw CostExplorerError.VALIDATION.exception("You can only group by up to two different groups.");
        }
        if (groupBy.stream().distinct().count() != groupBy.size()) {
            throw CostExplorerError.VALIDATION.exception("Group by keys must be unique.");
        }
        Map<Instant, List<LineItem>> byBucket = new TreeMap<>();
        for (LineItem item : bills.lineItems(account, start, end, granularity)) {
            if (filter.matches(item)) {
                byBucket.computeIfAbsent(item.bucketStart(), unused -> new ArrayList<>()).add(item);
            }
        }
        Instant now = clock.now();
        List<CostAndUsage.Period> periods = new ArrayList<>();
        for (Instant bucket = granularity.bucketStart(start); bucket.isBefore(end); bucket = granularity.next(bucket)) {
            Instant periodStart = bucket.isBefore(start) ? start : bucket;
            Instant next = granularity.next(bucket);
            Instant periodEnd = next.isAfter(end) ? end : next;
            List<LineItem> items = byBucket.getOrDefault(bucket, List.of());
            if (groupBy.isEmpty()) {
                periods.add(new CostAndUsage.Period(periodStart, periodEnd, sum(items, metrics), List.of(),
                        periodEnd.isAfter(now)));
                continue;
            }
            Map<List<String>, List<LineItem>> groups = new TreeMap<>((a, b) -> String.join("\u0000", a)
                    .compareTo(String.join("\u0000", b)));
            for (LineItem item : items) {
                groups.computeIfAbsent(groupBy.stream().map(dimension -> dimension.valueOf(item)).toList(),
                        unused -> new ArrayList<>()).add(item);
            }
            List<CostAndUsage.Group> grouped = new ArrayList<>();
            groups.forEach((keys, members) -> grouped.add(new CostAndUsage.Group(keys, sum(members, metrics))));
            periods.add(new CostAndUsage.Period(periodStart, periodEnd, Map.of(), grouped, periodEnd.isAfter(now)));
        }
        return new CostAndUsage(groupBy.stream().map(Enum::name).toList(), periods);
    }

    /**
     * A bucket of GetReservationUtilization: its time, the aggregates of the reservations in it, and when
     * grouped by reservation, each one's own aggregates.
     */
    public record Utilization(Instant start, Instant end, ReservationAggregates aggregates,
                              List<ReservationGroup> groups) {
    }

    /** One reservation's aggregates in a bucket (GroupBy SUBSCRIPTION_ID). */
    public record ReservationGroup(BilledReservation reservation, ReservationAggregates aggregates) {
    }

    /**
     * GetReservationUtilization: the aggregates per bucket of {@code granularity} (none when null) and over the
     * whole period (the last element), for every reservation of the account.
     */
    public List<Utilization> reservationUtilization(String account, Instant start, Instant end,
                                                    Granularity granularity, boolean byReservation) {
        if (!start.isBefore(end)) {
            throw CostExplorerError.VALIDATION.exception("Start date (and hour) should be before end date (and hour)");
        }
        Granularity buckets = granularity == null ? Granularity.MONTHLY : granularity;
        List<ReservationUse> uses = bills.reservationUse(account, start, end, buckets);
        List<Utilization> result = new ArrayList<>();
        if (granularity != null) {
            for (Instant bucket = buckets.bucketStart(start); bucket.isBefore(end); bucket = buckets.next(bucket)) {
                Instant at = bucket;
                Instant next = buckets.next(bucket);
                List<ReservationUse> inBucket = uses.stream().filter(use -> use.bucketStart().equals(at)).toList();
                result.add(new Utilization(at.isBefore(start) ? start : at, next.isAfter(end) ? end : next,
                        ReservationAggregates.of(inBucket), byReservation ? groups(account, inBucket) : List.of()));
            }
        }
        result.add(new Utilization(start, end, ReservationAggregates.of(uses),
                byReservation ? groups(account, uses) : List.of()));
        return result;
    }

    /** A bucket of GetSavingsPlansUtilization and its aggregates. */
    public record PlanUtilization(Instant start, Instant end, SavingsPlansAggregates aggregates) {
    }

    /**
     * GetSavingsPlansUtilization: the aggregates of every plan of the account per bucket of {@code granularity}
     * (none when null) and over the whole period (the last element).
     */
    public List<PlanUtilization> savingsPlansUtilization(String account, Instant start, Instant end,
                                                         Granularity granularity) {
        if (!start.isBefore(end)) {
            throw CostExplorerError.VALIDATION.exception("Start date (and hour) should be before end date (and hour)");
        }
        Granularity buckets = granularity == null ? Granularity.MONTHLY : granularity;
        List<SavingsPlanUse> uses = bills.savingsPlanUse(account, start, end, buckets);
        List<PlanUtilization> result = new ArrayList<>();
        if (granularity != null) {
            for (Instant bucket = buckets.bucketStart(start); bucket.isBefore(end); bucket = buckets.next(bucket)) {
                Instant at = bucket;
                Instant next = buckets.next(bucket);
                result.add(new PlanUtilization(at.isBefore(start) ? start : at, next.isAfter(end) ? end : next,
                        SavingsPlansAggregates.of(uses.stream().filter(use -> use.bucketStart().equals(at)).toList())));
            }
        }
        result.add(new PlanUtilization(start, end, SavingsPlansAggregates.of(uses)));
        return result;
    }

    /**
     * GetSavingsPlansCoverage: per bucket of {@code granularity} (the whole period when null) and per
     * combination of {@code groupBy} (REGION, INSTANCE_TYPE_FAMILY), the eligible spend covered and left on demand.
     * Buckets without eligible usage are left out.
     */
    public List<SavingsPlansCoverage> savingsPlansCoverage(String account, Instant start, Instant end,
                                                           Granularity granularity, List<String> groupBy) {
        if (!start.isBefore(end)) {
            throw CostExplorerError.VALIDATION.exception("Start date (and hour) should be before end date (and hour)");
        }
        Granularity buckets = granularity == null ? Granularity.MONTHLY : granularity;
        Map<List<Object>, SavingsPlansCoverage> coverages = new LinkedHashMap<>();
        for (LineItem item : bills.lineItems(account, start, end, buckets)) {
            if (!SavingsPlansCoverage.eligible(item)) {
                continue;
            }
            Instant bucket = granularity == null ? start : item.bucketStart();
            Instant bucketEnd = granularity == null ? end : buckets.next(bucket);
            Map<String, String> attributes = new java.util.TreeMap<>();
            for (String key : groupBy) {
                switch (key) {
                    case "REGION" -> attributes.put("region", item.region());
                    case "INSTANCE_TYPE_FAMILY" -> attributes.put("instanceFamily", family(item.usageType()));
                    default -> throw CostExplorerError.VALIDATION.exception("GetSavingsPlansCoverage groups by "
                            + "REGION or INSTANCE_TYPE_FAMILY in Gureum, not " + key + ".");
                }
            }
            Instant periodStart = bucket.isBefore(start) ? start : bucket;
            Instant periodEnd = bucketEnd.isAfter(end) ? end : bucketEnd;
            coverages.computeIfAbsent(List.of(periodStart, attributes), unused -> new SavingsPlansCoverage(periodStart,
                    periodEnd, attributes, BigDecimal.ZERO, BigDecimal.ZERO));
            coverages.computeIfPresent(List.of(periodStart, attributes), (unused, coverage) -> coverage.plus(item));
        }
        List<SavingsPlansCoverage> result = new ArrayList<>(coverages.values());
        result.sort(java.util.Comparator.comparing(SavingsPlansCoverage::start)
                .thenComparing(coverage -> coverage.attributes().toString()));
        return result;
    }

    private static String family(String usageType) {
        String type = usageType.substring(usageType.indexOf("BoxUsage:") + "BoxUsage:".length());
        int dot = type.indexOf('.');
        return dot > 0 ? type.substring(0, dot) : type;
    }

    private List<ReservationGroup> groups(String account, List<ReservationUse> uses) {
        List<ReservationGroup> groups = new ArrayList<>();
        for (BilledReservation reservation : bills.reservations(account)) {
            List<ReservationUse> own = uses.stream()
                    .filter(use -> use.reservationId().equals(reservation.id())).toList();
            if (!own.isEmpty()) {
                groups.add(new ReservationGroup(reservation, ReservationAggregates.of(own)));
            }
        }
        groups.sort(java.util.Comparator.comparing(group -> group.reservation().id()));
        return groups;
    }

    private static Map<String, CostAndUsage.Amount> sum(List<LineItem> items, List<CostMetric> metrics) {
        Map<String, CostAndUsage.Amount> sums = new LinkedHashMap<>();
        for (CostMetric metric : metrics) {
            BigDecimal total = BigDecimal.ZERO;
            String unit = null;
            boolean mixed = false;
            for (LineItem item : items) {
                total = total.add(metric.of(item));
                mixed |= unit != null && !unit.equals(item.unit());
                unit = item.unit();
            }
            sums.put(metric.wireName(), new CostAndUsage.Amount(total, metric.isCost() ? "USD"
                    : mixed || unit == null ? "N/A" : unit));
        }
        return sums;
    }
}
