package dev.gureum.core.cost;

import dev.gureum.core.billing.BilledReservation;
import dev.gureum.core.billing.Bills;
import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import dev.gureum.core.billing.ReservationUse;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.core.time.CloudClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * GetCostAndUsage over the bill's own line items ({@link Bills}), so its numbers are the bill's: the line
 * items of {@code [start, end)} in the granularity's buckets, filtered, then summed per bucket — in total, or
 * per combination of up to two groupings (dimensions or cost allocation tags).
 */
public final class CostExplorer {
    static final int MAXIMUM_GROUP_BY = 2;
    private static final Duration HOURLY_HISTORY = Duration.ofDays(14);
    private static final Duration RESOURCE_HISTORY = Duration.ofDays(14);
    private static final int HISTORY_MONTHS = 38;
    private static final int RESERVATION_COVERAGE_HISTORY_MONTHS = 12;

    private final Bills bills;
    private final CloudClock clock;
    private final Function<String, ResourceTags> tagsOfAccount;
    private final NormalizedUnits normalizedUnits;

    /** A Cost Explorer whose usage carries no tags and whose instance types have no normalization factor. */
    public CostExplorer(Bills bills, CloudClock clock) {
        this(bills, clock, account -> ResourceTags.NONE);
    }

    /** {@code tagsOfAccount}: the tags of an account's resources, read when a query groups or filters by tag. */
    public CostExplorer(Bills bills, CloudClock clock, Function<String, ResourceTags> tagsOfAccount) {
        this(bills, clock, tagsOfAccount, type -> Optional.empty());
    }

    /** As above; {@code normalizationFactor}: an instance type's, for usage in normalized units. */
    public CostExplorer(Bills bills, CloudClock clock, Function<String, ResourceTags> tagsOfAccount,
                        Function<String, Optional<BigDecimal>> normalizationFactor) {
        this.bills = bills;
        this.clock = clock;
        this.tagsOfAccount = tagsOfAccount;
        this.normalizedUnits = new NormalizedUnits(normalizationFactor);
    }

    /** The bills Cost Explorer answers from. */
    Bills bills() {
        return bills;
    }

    /** The cloud's time now. */
    Instant now() {
        return clock.now();
    }

    /** Instance time in normalized units, as the account's instance types count it. */
    NormalizedUnits normalizedUnits() {
        return normalizedUnits;
    }

    /** GetCostAndUsage: every dimension but RESOURCE_ID, which is resource-level data. */
    public CostAndUsage costAndUsage(String account, Instant start, Instant end, Granularity granularity,
                                     List<CostMetric> metrics, List<CostGrouping> groupBy, CostFilter filter) {
        if (groupBy.contains(CostDimension.RESOURCE_ID) || filter.readsDimension(CostDimension.RESOURCE_ID)) {
            throw CostExplorerError.VALIDATION.exception("RESOURCE_ID is resource-level data: group or filter by it"
                    + " with GetCostAndUsageWithResources.");
        }
        if (metrics.isEmpty()) {
            throw CostExplorerError.VALIDATION.exception("Metrics must not be empty.");
        }
        requirePeriod(start, end, granularity);
        return summed(account, start, end, granularity, metrics, groupBy, filter);
    }

    /**
     * GetCostAndUsageWithResources: GetCostAndUsage over resource-level data, which Cost Explorer has for EC2 compute
     * and the last 14 days: "It requires the Expression "SERVICE = Amazon Elastic Compute Cloud - Compute" in the
     * filter", and "that you either group by or filter by a ResourceId". Its Metrics are optional: without them, the
     * groups are answered with none.
     */
    public CostAndUsage costAndUsageWithResources(String account, Instant start, Instant end, Granularity granularity,
                                                  List<CostMetric> metrics, List<CostGrouping> groupBy,
                                                  CostFilter filter) {
        if (!filter.requires(CostDimension.SERVICE, CostDimension.COMPUTE)) {
            throw CostExplorerError.VALIDATION.exception("GetCostAndUsageWithResources requires the filter SERVICE = "
                    + CostDimension.COMPUTE + ", alone or in an And.");
        }
        if (!groupBy.contains(CostDimension.RESOURCE_ID) && !filter.readsDimension(CostDimension.RESOURCE_ID)) {
            throw CostExplorerError.VALIDATION.exception("GetCostAndUsageWithResources requires grouping or filtering"
                    + " by RESOURCE_ID.");
        }
        requireResourcePeriod(start, end, granularity);
        return summed(account, start, end, granularity, metrics, groupBy, filter);
    }

    private CostAndUsage summed(String account, Instant start, Instant end, Granularity granularity,
                                List<CostMetric> metrics, List<CostGrouping> groupBy, CostFilter filter) {
        if (groupBy.size() > MAXIMUM_GROUP_BY) {
            throw CostExplorerError.VALIDATION.exception("You can only group by up to two different groups.");
        }
        if (groupBy.stream().distinct().count() != groupBy.size()) {
            throw CostExplorerError.VALIDATION.exception("Group by keys must be unique.");
        }
        List<Granularity.Window> windows = granularity.windows(start, end);
        CostScope scope = scope(account, filter.readsTags()
                || groupBy.stream().anyMatch(CostGrouping.Tag.class::isInstance));
        Grouping grouping = new Grouping(filter, groupBy, scope, metrics, normalizedUnits,
                windows.stream().map(Granularity.Window::bucket).toList());
        bills.eachLineItem(account, start, end, granularity, grouping);
        Map<List<String>, Sums[]> groups = grouping.groups;
        List<Map.Entry<List<String>, Sums[]>> ordered = groups.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(CostExplorer::compareKeys)).toList();
        // the month being billed is not final until it ends: each of its buckets is an estimate, ended or not
        Instant billedMonth = Granularity.MONTHLY.bucketStart(clock.now());
        List<CostAndUsage.Period> periods = new ArrayList<>();
        for (int index = 0; index < windows.size(); index++) {
            Instant periodStart = windows.get(index).start();
            Instant periodEnd = windows.get(index).end();
            if (groupBy.isEmpty()) {
                Sums[] total = groups.get(List.<String>of());
                Sums sums = total == null || total[index] == null ? new Sums(metrics, normalizedUnits) : total[index];
                periods.add(new CostAndUsage.Period(periodStart, periodEnd, sums.amounts(), List.of(),
                        periodEnd.isAfter(billedMonth)));
                continue;
            }
            List<CostAndUsage.Group> grouped = new ArrayList<>();
            for (Map.Entry<List<String>, Sums[]> group : ordered) {
                if (group.getValue()[index] != null) {
                    grouped.add(new CostAndUsage.Group(group.getKey(), group.getValue()[index].amounts()));
                }
            }
            periods.add(new CostAndUsage.Period(periodStart, periodEnd, Map.of(), grouped,
                    periodEnd.isAfter(billedMonth)));
        }
        return new CostAndUsage(groupBy, periods);
    }

    /**
     * Hands each of the account's line items of the period, in buckets of {@code granularity}, that pass
     * {@code filter} to {@code each}, with the tags of the account's resources when {@code withTags} or the filter
     * reads them (none otherwise). The caller holds the period to its operation's rules.
     */
    void eachMatching(String account, Instant start, Instant end, Granularity granularity, CostFilter filter,
                      boolean withTags, BiConsumer<LineItem, CostScope> each) {
        CostScope scope = scope(account, withTags || filter.readsTags());
        bills.eachLineItem(account, start, end, granularity, item -> {
            if (filter.matches(item, scope)) {
                each.accept(item, scope);
            }
        });
    }

    /** The query's scope: its account, and its resources' tags when the query reads them (none otherwise). */
    private CostScope scope(String account, boolean readsTags) {
        return new CostScope(account, readsTags ? tagsOfAccount.apply(account) : ResourceTags.NONE);
    }

    /**
     * Cost Explorer's rules for a query's time: whole days unless HOURLY (a time of day in a DAILY query would make
     * buckets that start and end on the same date), start before end, an end no later than the beginning of next month
     * ("end date past the beginning of next month" otherwise), a start no later than today, and no further back
     * than the data Cost Explorer keeps: 14 days for HOURLY, 38 months otherwise (its longest history, with
     * multi-year data enabled).
     */
    void requirePeriod(Instant start, Instant end, Granularity granularity) {
        if (granularity != Granularity.HOURLY && !(isDayStart(start) && isDayStart(end))) {
            throw CostExplorerError.VALIDATION.exception("Start and End are dates (YYYY-MM-DD) unless the granularity"
                    + " is HOURLY: " + start + " to " + end + " is not whole days.");
        }
        if (!start.isBefore(end)) {
            throw CostExplorerError.VALIDATION.exception("Start date (and hour) should be before end date (and hour)");
        }
        Instant now = clock.now();
        if (end.isAfter(Granularity.MONTHLY.next(Granularity.MONTHLY.bucketStart(now)))) {
            throw CostExplorerError.VALIDATION.exception("end date past the beginning of next month");
        }
        if (start.isAfter(now)) {
            throw CostExplorerError.VALIDATION.exception("Start date " + start
                    + " is after the current date; it must be equal to or no later than the current date.");
        }
        Instant earliest = granularity == Granularity.HOURLY ? Granularity.DAILY.bucketStart(now).minus(HOURLY_HISTORY)
                : LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).minusMonths(HISTORY_MONTHS)
                        .atStartOfDay(ZoneOffset.UTC).toInstant();
        if (start.isBefore(earliest)) {
            throw CostExplorerError.VALIDATION.exception("Start date " + start + " is too old: "
                    + (granularity == Granularity.HOURLY ? "hourly data covers the past 14 days"
                            : "historical data covers the past 38 months") + ", from " + earliest + ".");
        }
    }

    private static boolean isDayStart(Instant at) {
        return Granularity.DAILY.bucketStart(at).equals(at);
    }

    /** The rule for resource-level data (RESOURCE_ID), over {@link #requirePeriod}'s: the last 14 days. */
    void requireResourcePeriod(Instant start, Instant end, Granularity granularity) {
        requirePeriod(start, end, granularity);
        Instant earliest = Granularity.DAILY.bucketStart(clock.now()).minus(RESOURCE_HISTORY);
        if (start.isBefore(earliest)) {
            throw CostExplorerError.VALIDATION.exception("Start date " + start + " is too old: resource-level data"
                    + " covers the past 14 days, from " + earliest + ".");
        }
    }

    /**
     * GetReservationCoverage's rule for a query's time, over {@link #requirePeriod}'s: "a maximum of 13 months: the
     * last 12 months and the current month".
     */
    void requireReservationCoveragePeriod(Instant start, Instant end, Granularity granularity) {
        requirePeriod(start, end, granularity);
        Instant earliest = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).withDayOfMonth(1)
                .minusMonths(RESERVATION_COVERAGE_HISTORY_MONTHS).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (start.isBefore(earliest)) {
            throw CostExplorerError.VALIDATION.exception("Start date " + start + " is too old: reservation coverage"
                    + " covers the last 12 months and the current month, from " + earliest + ".");
        }
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
     * GetReservationUtilization: the aggregates per bucket of {@code granularity} (one bucket of the whole period
     * when null, as a query grouped by reservation has it) and over the whole period (the last element), for
     * every reservation of the account.
     */
    public List<Utilization> reservationUtilization(String account, Instant start, Instant end,
                                                    Granularity granularity, boolean byReservation) {
        return reservationUtilization(account, start, end, granularity, byReservation, reservation -> true);
    }

    /** As above, of the reservations {@code reservations} accepts (a Filter on their attributes). */
    public List<Utilization> reservationUtilization(String account, Instant start, Instant end,
                                                    Granularity granularity, boolean byReservation,
                                                    Predicate<BilledReservation> reservations) {
        requirePeriod(start, end, granularity);
        Granularity buckets = granularity == null ? Granularity.MONTHLY : granularity;
        Set<String> accepted = new HashSet<>();
        for (BilledReservation reservation : bills.reservations(account)) {
            if (reservations.test(reservation)) {
                accepted.add(reservation.id());
            }
        }
        List<ReservationUse> uses = bills.reservationUse(account, start, end, buckets).stream()
                .filter(use -> accepted.contains(use.reservationId())).toList();
        List<Utilization> result = new ArrayList<>();
        if (granularity != null) {
            for (Granularity.Window window : granularity.windows(start, end)) {
                List<ReservationUse> inBucket = uses.stream().filter(use -> use.bucketStart().equals(window.bucket()))
                        .toList();
                result.add(new Utilization(window.start(), window.end(), ReservationAggregates.of(inBucket),
                        byReservation ? groups(account, inBucket) : List.of()));
            }
        }
        Utilization whole = new Utilization(start, end, ReservationAggregates.of(uses),
                byReservation ? groups(account, uses) : List.of());
        if (granularity == null) {
            result.add(whole);
        }
        result.add(whole);
        return result;
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

    /**
     * Sums the line items that pass the filter per group and bucket. The items of one usage period come one after
     * the other and share their strings, so the group is looked up again only when a field the dimensions read is
     * another object: about once per period rather than once per item.
     */
    private static final class Grouping implements Consumer<LineItem> {
        final Map<List<String>, Sums[]> groups = new HashMap<>();
        private final CostFilter filter;
        private final List<CostGrouping> groupBy;
        private final CostScope scope;
        /** Whether a grouping reads the item's resource (a tag's value, or RESOURCE_ID). */
        private final boolean byResource;
        private final List<CostMetric> metrics;
        private final NormalizedUnits normalizedUnits;
        private final int bucketCount;
        private final Map<Instant, Integer> bucketIndex = new HashMap<>();
        private LineItem previous;
        private Sums[] sums;

        Grouping(CostFilter filter, List<CostGrouping> groupBy, CostScope scope, List<CostMetric> metrics,
                 NormalizedUnits normalizedUnits, List<Instant> buckets) {
            this.filter = filter;
            this.groupBy = groupBy;
            this.scope = scope;
            this.byResource = groupBy.stream().anyMatch(grouping -> grouping instanceof CostGrouping.Tag
                    || grouping == CostDimension.RESOURCE_ID);
            this.metrics = metrics;
            this.normalizedUnits = normalizedUnits;
            this.bucketCount = buckets.size();
            for (int index = 0; index < buckets.size(); index++) {
                bucketIndex.put(buckets.get(index), index);
            }
        }

        @Override
        public void accept(LineItem item) {
            if (!filter.matches(item, scope)) {
                return;
            }
            if (previous == null || !sameDimensions(previous, item)
                    || (byResource && previous.resourceId() != item.resourceId())) {
                sums = groups.computeIfAbsent(groupKey(item), unused -> new Sums[bucketCount]);
            }
            previous = item;
            Integer index = bucketIndex.get(item.bucketStart());
            if (index == null) {
                return;
            }
            if (sums[index] == null) {
                sums[index] = new Sums(metrics, normalizedUnits);
            }
            sums[index].add(item);
        }

        private List<String> groupKey(LineItem item) {
            return switch (groupBy.size()) {
                case 0 -> List.of();
                case 1 -> List.of(groupBy.get(0).valueOf(item, scope));
                default -> List.of(groupBy.get(0).valueOf(item, scope), groupBy.get(1).valueOf(item, scope));
            };
        }
    }

    /**
     * Whether two items have the very same objects in every field {@link CostDimension#valueOf} reads, and so
     * the same value in every dimension (a tag's value and RESOURCE_ID read the resource id, compared apart).
     */
    private static boolean sameDimensions(LineItem a, LineItem b) {
        return a.usageType() == b.usageType() && a.purchaseOption() == b.purchaseOption() && a.region() == b.region()
                && a.availabilityZone() == b.availabilityZone() && a.lineItemType() == b.lineItemType();
    }

    /** Groups in order of their first key, then their second. */
    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * The running sums of a group's metrics, added to line by line: each metric's total and the unit of the
     * lines it summed (the usage unit when they share one).
     */
    private static final class Sums {
        private final List<CostMetric> metrics;
        private final NormalizedUnits normalizedUnits;
        private final BigDecimal[] totals;
        private String unit;
        private boolean mixed;

        Sums(List<CostMetric> metrics, NormalizedUnits normalizedUnits) {
            this.metrics = metrics;
            this.normalizedUnits = normalizedUnits;
            this.totals = new BigDecimal[metrics.size()];
            java.util.Arrays.fill(totals, BigDecimal.ZERO);
        }

        void add(LineItem item) {
            for (int i = 0; i < totals.length; i++) {
                totals[i] = totals[i].add(metrics.get(i).of(item, normalizedUnits));
            }
            mixed |= unit != null && !unit.equals(item.unit());
            unit = item.unit();
        }

        Map<String, CostAndUsage.Amount> amounts() {
            Map<String, CostAndUsage.Amount> amounts = new LinkedHashMap<>();
            for (int i = 0; i < totals.length; i++) {
                CostMetric metric = metrics.get(i);
                amounts.put(metric.wireName(), new CostAndUsage.Amount(totals[i], metric.unit(mixed ? null : unit)));
            }
            return amounts;
        }
    }
}
