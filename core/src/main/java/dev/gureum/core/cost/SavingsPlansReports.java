package dev.gureum.core.cost;

import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import dev.gureum.core.billing.SavingsPlanUse;
import dev.gureum.core.error.CostExplorerError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * GetSavingsPlansUtilization, GetSavingsPlansUtilizationDetails and GetSavingsPlansCoverage from the bill: the
 * {@code SavingsPlanUse} records the hourly application of the plans produces, and the eligible instance time of the
 * line items, under the Savings Plans operations' own rules for a query's time.
 */
public final class SavingsPlansReports {
    private static final int HISTORY_MONTHS = 13;

    private final CostExplorer explorer;

    public SavingsPlansReports(CostExplorer explorer) {
        this.explorer = explorer;
    }

    /** A bucket of GetSavingsPlansUtilization and its aggregates. */
    public record PlanUtilization(Instant start, Instant end, SavingsPlansAggregates aggregates) {
    }

    /**
     * GetSavingsPlansUtilization: the aggregates of every plan of the account per bucket of {@code granularity}
     * (none when null) and over the whole period (the last element).
     */
    public List<PlanUtilization> utilization(String account, Instant start, Instant end, Granularity granularity) {
        return utilization(account, start, end, granularity, use -> true);
    }

    /** As above, of the plans' uses that {@code plans} accepts (a Filter). */
    public List<PlanUtilization> utilization(String account, Instant start, Instant end,
                                             Granularity granularity, Predicate<SavingsPlanUse> plans) {
        requirePeriod(start, end, granularity);
        Granularity buckets = granularity == null ? Granularity.MONTHLY : granularity;
        List<SavingsPlanUse> uses = explorer.bills().savingsPlanUse(account, start, end, buckets).stream()
                .filter(plans).toList();
        List<PlanUtilization> result = new ArrayList<>();
        if (granularity != null) {
            for (Granularity.Window window : granularity.windows(start, end)) {
                result.add(new PlanUtilization(window.start(), window.end(), SavingsPlansAggregates.of(uses.stream()
                        .filter(use -> use.bucketStart().equals(window.bucket())).toList())));
            }
        }
        result.add(new PlanUtilization(start, end, SavingsPlansAggregates.of(uses)));
        return result;
    }

    /** One Savings Plan's aggregates over a period (GetSavingsPlansUtilizationDetails). */
    public record PlanDetail(String arn, SavingsPlansAggregates aggregates) {
    }

    /**
     * GetSavingsPlansUtilizationDetails: the aggregates of each of the account's plans over the whole period, in the
     * order of their ARNs; a plan in force for none of it is left out.
     */
    public List<PlanDetail> utilizationDetails(String account, Instant start, Instant end,
                                               Predicate<SavingsPlanUse> plans) {
        requirePeriod(start, end, null);
        Map<String, List<SavingsPlanUse>> byPlan = new TreeMap<>();
        for (SavingsPlanUse use : explorer.bills().savingsPlanUse(account, start, end, Granularity.MONTHLY).stream()
                .filter(plans).toList()) {
            byPlan.computeIfAbsent(use.arn(), unused -> new ArrayList<>()).add(use);
        }
        List<PlanDetail> details = new ArrayList<>(byPlan.size());
        byPlan.forEach((arn, uses) -> details.add(new PlanDetail(arn, SavingsPlansAggregates.of(uses))));
        return details;
    }

    /**
     * GetSavingsPlansCoverage: per bucket of {@code granularity} (the whole period when null) and per
     * combination of {@code groupBy} (INSTANCE_FAMILY, also spelt INSTANCE_TYPE_FAMILY, REGION, SERVICE), the
     * eligible spend covered and left on demand.
     * Buckets without eligible usage are left out.
     */
    public List<SavingsPlansCoverage> coverage(String account, Instant start, Instant end,
                                               Granularity granularity, List<String> groupBy) {
        return coverage(account, start, end, granularity, groupBy, item -> true);
    }

    /** As above, of the eligible usage {@code usage} accepts (a Filter). */
    public List<SavingsPlansCoverage> coverage(String account, Instant start, Instant end,
                                               Granularity granularity, List<String> groupBy,
                                               Predicate<LineItem> usage) {
        requirePeriod(start, end, granularity);
        Granularity buckets = granularity == null ? Granularity.MONTHLY : granularity;
        Map<List<Object>, SavingsPlansCoverage> coverages = new LinkedHashMap<>();
        for (LineItem item : explorer.bills().lineItems(account, start, end, buckets)) {
            if (!SavingsPlansCoverage.eligible(item) || !usage.test(item)) {
                continue;
            }
            Map<String, String> attributes = new TreeMap<>();
            for (String key : groupBy) {
                switch (key) {
                    case "REGION" -> attributes.put("region", item.region());
                    case "INSTANCE_TYPE_FAMILY", "INSTANCE_FAMILY" ->
                            attributes.put("instanceFamily", instanceFamily(item));
                    case "SERVICE" -> attributes.put("service", CostDimension.SERVICE.valueOf(item));
                    default -> throw CostExplorerError.VALIDATION.exception("GetSavingsPlansCoverage groups by "
                            + "INSTANCE_FAMILY, REGION or SERVICE, not " + key + ".");
                }
            }
            Granularity.Window window = granularity == null ? new Granularity.Window(start, start, end)
                    : buckets.window(item.bucketStart(), start, end);
            coverages.computeIfAbsent(List.of(window.start(), attributes), unused -> new SavingsPlansCoverage(
                    window.start(), window.end(), attributes, BigDecimal.ZERO, BigDecimal.ZERO));
            coverages.computeIfPresent(List.of(window.start(), attributes), (unused, coverage) -> coverage.plus(item));
        }
        List<SavingsPlansCoverage> result = new ArrayList<>(coverages.values());
        result.sort(Comparator.comparing(SavingsPlansCoverage::start)
                .thenComparing(coverage -> coverage.attributes().toString()));
        return result;
    }

    /** The instance family of a line of instance time ({@code BoxUsage:m7i.large}: {@code m7i}). */
    public static String instanceFamily(LineItem item) {
        String usageType = item.usageType();
        String type = usageType.substring(usageType.indexOf("BoxUsage:") + "BoxUsage:".length());
        int dot = type.indexOf('.');
        return dot > 0 ? type.substring(0, dot) : type;
    }

    /**
     * The Savings Plans operations' rules for a query's time, over {@link CostExplorer#requirePeriod}'s: "The Start
     * date must be within 13 months. The End date must be after the Start date, and before the current date. Future
     * dates can't be used as an End date." (End is exclusive: an End of today asks up to today's start.)
     */
    private void requirePeriod(Instant start, Instant end, Granularity granularity) {
        explorer.requirePeriod(start, end, granularity);
        Instant today = Granularity.DAILY.bucketStart(explorer.now());
        if (end.isAfter(today)) {
            throw CostExplorerError.VALIDATION.exception("End date " + end + " is after the current date; future"
                    + " dates can't be used as an End date.");
        }
        Instant earliest = LocalDate.ofInstant(today, ZoneOffset.UTC).minusMonths(HISTORY_MONTHS)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        if (start.isBefore(earliest)) {
            throw CostExplorerError.VALIDATION.exception("Start date " + start + " is too old: the start date must be"
                    + " within 13 months, from " + earliest + ".");
        }
    }
}
