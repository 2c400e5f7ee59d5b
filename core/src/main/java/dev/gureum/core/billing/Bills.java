package dev.gureum.core.billing;

import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceRecords;
import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.time.CloudClock;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Prices what was metered: each usage period of an account, cut into time buckets, priced at list price.
 * Instance time is hours (a closed period shorter than its minimum is billed up to it, in the bucket where
 * it started); storage is GB-months, each second counted against the length of its month, as AWS prorates.
 * Where the account holds reservations, they are applied to its instance time hour by hour
 * ({@link ReservationApplication}); where it holds Savings Plans, they are applied after the reservations, to
 * the hourly lines ({@link SavingsPlanApplication}), which are then summed into the asked buckets.
 */
public final class Bills {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal GIBIBYTE = BigDecimal.valueOf(1L << 30);
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private static final Comparator<LineItem> LINE_ORDER = Comparator.comparing(LineItem::bucketStart)
            .thenComparing(LineItem::usageType).thenComparing(LineItem::resourceId)
            .thenComparing(LineItem::lineItemType);

    private final Store store;
    private final RateCard rates;
    private final CloudClock clock;
    private final ReservationSource reservations;
    private final SavingsPlanSource savingsPlans;

    public Bills(Store store, RateCard rates, CloudClock clock) {
        this(store, rates, clock, ReservationSource.NONE);
    }

    public Bills(Store store, RateCard rates, CloudClock clock, ReservationSource reservations) {
        this(store, rates, clock, reservations, SavingsPlanSource.NONE);
    }

    public Bills(Store store, RateCard rates, CloudClock clock, ReservationSource reservations,
                 SavingsPlanSource savingsPlans) {
        this.store = store;
        this.rates = rates;
        this.clock = clock;
        this.reservations = reservations;
        this.savingsPlans = savingsPlans;
    }

    /** The account's line items in {@code [from, to)}, bucketed at {@code granularity}, in time order. */
    public List<LineItem> lineItems(String account, Instant from, Instant to, Granularity granularity) {
        List<LineItem> items = new ArrayList<>();
        eachLineItem(account, from, to, granularity, items::add);
        items.sort(LINE_ORDER);
        return items;
    }

    /**
     * The same line items handed to {@code each} as they are made, in no particular order but those of one usage
     * period one after the other, sharing its strings: for sums, which need neither order nor a list (a month of
     * 10,000 instances is about a million items). With Savings Plans in the period they are made hourly first
     * ({@link #withSavingsPlans}).
     */
    public void eachLineItem(String account, Instant from, Instant to, Granularity granularity,
                             Consumer<LineItem> each) {
        withSavingsPlans(account, from, to, granularity, new ArrayList<>(), each);
    }

    /** The account's Savings Plans as the bill applies them. */
    public List<BilledSavingsPlan> savingsPlans(String account) {
        return savingsPlans.savingsPlans(account);
    }

    /** How each of the account's Savings Plans was used in {@code [from, to)}, per bucket. */
    public List<SavingsPlanUse> savingsPlanUse(String account, Instant from, Instant to, Granularity granularity) {
        List<SavingsPlanUse> used = new ArrayList<>();
        withSavingsPlans(account, from, to, granularity, used, item -> { });
        Map<List<Object>, SavingsPlanUse> byBucket = new LinkedHashMap<>();
        for (SavingsPlanUse use : used) {
            Instant bucket = granularity.bucketStart(use.bucketStart());
            byBucket.merge(List.of(use.savingsPlanId(), bucket), use.in(bucket), SavingsPlanUse::plus);
        }
        List<SavingsPlanUse> summed = new ArrayList<>(byBucket.values());
        summed.sort(Comparator.comparing(SavingsPlanUse::bucketStart).thenComparing(SavingsPlanUse::savingsPlanId));
        return summed;
    }

    /**
     * The line items with the account's Savings Plans applied: when a plan overlaps the period, the bill is
     * priced hourly (plans apply hour by hour), the plans applied, and the lines summed into the buckets asked.
     */
    private void withSavingsPlans(String account, Instant from, Instant to, Granularity granularity,
                                  List<SavingsPlanUse> used, Consumer<LineItem> each) {
        List<BilledSavingsPlan> plans = savingsPlans.savingsPlans(account).stream()
                .filter(plan -> plan.start().isBefore(to) && plan.end().isAfter(from)).toList();
        if (plans.isEmpty()) {
            priced(account, from, to, granularity, new ArrayList<>(), each);
            return;
        }
        List<LineItem> hourly = new ArrayList<>();
        priced(account, from, to, Granularity.HOURLY, new ArrayList<>(), hourly::add);
        new SavingsPlanApplication(savingsPlans, rates).apply(plans, hourly, from, to, clock.now(), used);
        (granularity == Granularity.HOURLY ? hourly : summed(hourly, granularity)).forEach(each);
    }

    private record LineKey(String region, String usageType, String resourceId, String purchaseOption,
                           String availabilityZone, Instant bucketStart, String unit, String lineItemType) {
    }

    /** Hourly lines summed into {@code granularity}'s buckets, per resource, usage type and line item type. */
    private static List<LineItem> summed(List<LineItem> hourly, Granularity granularity) {
        Map<LineKey, LineItem> sums = new LinkedHashMap<>();
        for (LineItem item : hourly) {
            Instant bucket = granularity.bucketStart(item.bucketStart());
            sums.merge(new LineKey(item.region(), item.usageType(), item.resourceId(), item.purchaseOption(),
                            item.availabilityZone(), bucket, item.unit(), item.lineItemType()),
                    new LineItem(item.region(), item.usageType(), item.resourceId(), item.purchaseOption(),
                            item.availabilityZone(), bucket, item.usageQuantity(), item.unit(), item.unblendedCost(),
                            item.lineItemType(), item.amortizedCost()),
                    (a, b) -> new LineItem(a.region(), a.usageType(), a.resourceId(), a.purchaseOption(),
                            a.availabilityZone(), a.bucketStart(), a.usageQuantity().add(b.usageQuantity()), a.unit(),
                            sum(a.unblendedCost(), b.unblendedCost()), a.lineItemType(),
                            sum(a.amortizedCost(), b.amortizedCost())));
        }
        return new ArrayList<>(sums.values());
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.add(b);
    }

    /** The account's reservations as the bill applies them. */
    public List<BilledReservation> reservations(String account) {
        return reservations.reservations(account);
    }

    /** How each of the account's reservations was used in {@code [from, to)}, per bucket. */
    public List<ReservationUse> reservationUse(String account, Instant from, Instant to, Granularity granularity) {
        List<ReservationUse> used = new ArrayList<>();
        priced(account, from, to, granularity, used, item -> { });
        used.sort(Comparator.comparing(ReservationUse::bucketStart).thenComparing(ReservationUse::reservationId));
        return used;
    }

    /**
     * Cuts and prices every usage period of the account; in regions where it holds reservations the region's
     * items are collected first, for the reservations to be applied to them.
     */
    private void priced(String account, Instant from, Instant to, Granularity granularity, List<ReservationUse> used,
                        Consumer<LineItem> each) {
        Instant now = clock.now();
        Map<String, List<BilledReservation>> reservedByRegion = new TreeMap<>();
        for (BilledReservation reservation : reservations.reservations(account)) {
            reservedByRegion.computeIfAbsent(reservation.region(), unused -> new ArrayList<>()).add(reservation);
        }
        Map<String, List<LineItem>> reservedRegionItems = new HashMap<>();
        Map<String, List<UsagePeriod>> instancePeriods = new HashMap<>();
        usage(account).forEach((region, periods) -> {
            for (UsagePeriod period : periods) {
                if (!reservedByRegion.containsKey(region)) {
                    cut(region, period, from, to, now, granularity, each);
                    continue;
                }
                cut(region, period, from, to, now, granularity,
                        reservedRegionItems.computeIfAbsent(region, unused -> new ArrayList<>())::add);
                if (period.pricedAs() == UsagePeriod.PricedAs.INSTANCE_HOURS) {
                    instancePeriods.computeIfAbsent(region, unused -> new ArrayList<>()).add(period);
                }
            }
        });
        ReservationApplication application = new ReservationApplication(reservations, rates);
        reservedByRegion.forEach((region, reserved) -> {
            List<LineItem> regional = reservedRegionItems.computeIfAbsent(region, unused -> new ArrayList<>());
            application.apply(region, reserved, instancePeriods.getOrDefault(region, List.of()), from, to, now,
                    granularity, regional, used);
            regional.forEach(each);
        });
    }

    /**
     * The account's usage per region: the closed periods its ledger still charges, then the open ones, wherever
     * they are kept (running instances and claimed public addresses carry theirs; other resources have an
     * open-period record).
     */
    private Map<String, List<UsagePeriod>> usage(String account) {
        Map<String, List<UsagePeriod>> byRegion = new TreeMap<>();
        store.ledger(BillingRecords.LEDGER, account).forEach((region, entries) -> byRegion.put(region, charged(entries)));
        for (Versioned<UsagePeriod> open : store.listAll(BillingRecords.OPEN)) {
            if (open.key().account().equals(account)) {
                byRegion.computeIfAbsent(open.key().region(), unused -> new ArrayList<>()).add(open.value());
            }
        }
        for (Versioned<NetworkRecords.AddressClaim> claim : store.listAll(NetworkRecords.PUBLIC_ADDRESSES)) {
            UsagePeriod open = account.equals(claim.value().account())
                    ? PublicAddressMeter.openPeriod(claim.key().region(), claim.value()) : null;
            if (open != null) {
                byRegion.computeIfAbsent(claim.key().region(), unused -> new ArrayList<>()).add(open);
            }
        }
        for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
            Instance instance = versioned.value();
            UsagePeriod open = instance.ownerId().equals(account) ? InstanceMeter.openPeriod(instance) : null;
            if (open != null) {
                byRegion.computeIfAbsent(instance.region(), unused -> new ArrayList<>()).add(open);
            }
        }
        return byRegion;
    }

    /** The closed periods of a ledger that no waiver written after them takes back. */
    static List<UsagePeriod> charged(List<UsageEntry> entries) {
        List<UsagePeriod> periods = new ArrayList<>(entries.size());
        for (UsageEntry entry : entries) {
            switch (entry) {
                case UsagePeriod period -> periods.add(period);
                case UsageWaiver waiver -> periods.removeIf(waiver::waives);
            }
        }
        return periods;
    }

    /** A calendar month of the account's usage, summed per region and usage type. */
    public MonthlyBill month(String account, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return MonthlyBill.of(account, month, lineItems(account, from, to, Granularity.MONTHLY));
    }

    /**
     * A period's line items, one per bucket it used. Whole buckets recur (a running instance's every full
     * day), so a quantity and cost are computed once per run of equal seconds within a month.
     */
    private void cut(String region, UsagePeriod period, Instant from, Instant to, Instant now, Granularity granularity,
                     Consumer<LineItem> items) {
        Instant start = later(period.start(), from);
        Instant end = earlier(period.endOr(now), to);
        Instant shortfallBucket = period.shortfallSeconds() > 0 && !period.start().isBefore(from)
                && period.start().isBefore(to) ? granularity.bucketStart(period.start()) : null;
        Optional<BigDecimal> price = rates.price(region, period);
        Priced last = null;
        for (Instant bucket = granularity.bucketStart(start); bucket.isBefore(end); bucket = granularity.next(bucket)) {
            Instant next = granularity.next(bucket);
            long seconds = period.secondsWithin(later(start, bucket), earlier(end, next), now);
            if (bucket.equals(shortfallBucket)) {
                seconds += period.shortfallSeconds();
                shortfallBucket = null;
            }
            if (seconds > 0) {
                if (last == null || !last.covers(seconds, bucket)) {
                    last = Priced.of(period, seconds, bucket, price);
                }
                items.accept(last.lineItem(region, period, bucket));
            }
        }
        if (shortfallBucket != null) {
            items.accept(Priced.of(period, period.shortfallSeconds(), shortfallBucket, price)
                    .lineItem(region, period, shortfallBucket));
        }
    }

    /** The quantity and cost of some seconds of a period in a bucket of one month. */
    private record Priced(long seconds, Instant monthStart, Instant monthEnd, BigDecimal quantity, BigDecimal cost) {
        static Priced of(UsagePeriod period, long seconds, Instant bucket, Optional<BigDecimal> price) {
            YearMonth month = YearMonth.from(bucket.atZone(ZoneOffset.UTC));
            BigDecimal quantity = Bills.quantity(period, seconds, month);
            BigDecimal cost = price.map(unit -> unit.multiply(quantity, PRECISION).setScale(10, RoundingMode.HALF_UP))
                    .orElse(null);
            return new Priced(seconds, month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), quantity, cost);
        }

        boolean covers(long seconds, Instant bucket) {
            return this.seconds == seconds && !bucket.isBefore(monthStart) && bucket.isBefore(monthEnd);
        }

        LineItem lineItem(String region, UsagePeriod period, Instant bucket) {
            return new LineItem(region, period.usageType(), period.resourceId(), period.purchaseOption(),
                    period.availabilityZone(), bucket, quantity, period.pricedAs().unit(), cost, LineItem.USAGE, cost);
        }
    }

    /**
     * Hours of instance time or address time, or the provisioned quantity (GiB, IOPS, GiB/s from the MiB/s) × the
     * share of the bucket's month the seconds make.
     */
    private static BigDecimal quantity(UsagePeriod period, long seconds, YearMonth month) {
        BigDecimal bySeconds = BigDecimal.valueOf(seconds);
        return switch (period.pricedAs()) {
            case INSTANCE_HOURS, SPOT_HOURS, ADDRESS_HOURS -> bySeconds.divide(SECONDS_PER_HOUR, PRECISION);
            case VOLUME_GIB_MONTHS, IOPS_MONTHS -> {
                BigDecimal monthSeconds = BigDecimal.valueOf(month.lengthOfMonth() * 86_400L);
                yield BigDecimal.valueOf(period.quantity()).multiply(bySeconds).divide(monthSeconds, PRECISION);
            }
            case THROUGHPUT_MONTHS -> {
                BigDecimal mebibyteMonthSeconds = BigDecimal.valueOf(month.lengthOfMonth() * 86_400L * 1024);
                yield BigDecimal.valueOf(period.quantity()).multiply(bySeconds).divide(mebibyteMonthSeconds,
                        PRECISION);
            }
            case STORED_BYTE_MONTHS -> {
                BigDecimal byteSeconds = BigDecimal.valueOf(month.lengthOfMonth() * 86_400L).multiply(GIBIBYTE);
                yield BigDecimal.valueOf(period.quantity()).multiply(bySeconds).divide(byteSeconds, PRECISION);
            }
        };
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
