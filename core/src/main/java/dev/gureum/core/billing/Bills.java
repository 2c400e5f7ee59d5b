package dev.gureum.core.billing;

import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.time.CloudClock;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
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

/**
 * Prices what was metered: each usage period of an account, cut into time buckets, priced at list price.
 * Instance time is hours (a closed period shorter than its minimum is billed up to it, in the bucket where
 * it started); storage is GB-months, each second counted against the length of its month, as AWS prorates.
 * Where the account holds reservations, they are applied to its instance time hour by hour
 * ({@link ReservationApplication}).
 */
public final class Bills {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal GIBIBYTE = BigDecimal.valueOf(1L << 30);
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final Store store;
    private final RateCard rates;
    private final CloudClock clock;
    private final ReservationSource reservations;

    public Bills(Store store, RateCard rates, CloudClock clock) {
        this(store, rates, clock, ReservationSource.NONE);
    }

    public Bills(Store store, RateCard rates, CloudClock clock, ReservationSource reservations) {
        this.store = store;
        this.rates = rates;
        this.clock = clock;
        this.reservations = reservations;
    }

    /** The account's line items in {@code [from, to)}, bucketed at {@code granularity}. */
    public List<LineItem> lineItems(String account, Instant from, Instant to, Granularity granularity) {
        return priced(account, from, to, granularity, new ArrayList<>());
    }

    /** The account's reservations as the bill applies them. */
    public List<BilledReservation> reservations(String account) {
        return reservations.reservations(account);
    }

    /** How each of the account's reservations was used in {@code [from, to)}, per bucket. */
    public List<ReservationUse> reservationUse(String account, Instant from, Instant to, Granularity granularity) {
        List<ReservationUse> used = new ArrayList<>();
        priced(account, from, to, granularity, used);
        used.sort(Comparator.comparing(ReservationUse::bucketStart).thenComparing(ReservationUse::reservationId));
        return used;
    }

    private List<LineItem> priced(String account, Instant from, Instant to, Granularity granularity,
                                  List<ReservationUse> used) {
        Instant now = clock.now();
        List<LineItem> items = new ArrayList<>();
        Map<String, List<BilledReservation>> reservedByRegion = new TreeMap<>();
        for (BilledReservation reservation : reservations.reservations(account)) {
            reservedByRegion.computeIfAbsent(reservation.region(), unused -> new ArrayList<>()).add(reservation);
        }
        Map<String, List<UsagePeriod>> instancePeriods = new HashMap<>();
        for (var kind : List.of(BillingRecords.CLOSED, BillingRecords.OPEN)) {
            for (Versioned<UsagePeriod> versioned : store.listAll(kind)) {
                if (versioned.key().account().equals(account)) {
                    String region = versioned.key().region();
                    cut(region, versioned.value(), from, to, now, granularity, items);
                    if (reservedByRegion.containsKey(region)
                            && versioned.value().pricedAs() == UsagePeriod.PricedAs.INSTANCE_HOURS) {
                        instancePeriods.computeIfAbsent(region, unused -> new ArrayList<>()).add(versioned.value());
                    }
                }
            }
        }
        ReservationApplication application = new ReservationApplication(reservations, rates);
        reservedByRegion.forEach((region, reserved) -> {
            List<LineItem> regional = new ArrayList<>();
            items.removeIf(item -> item.region().equals(region) && regional.add(item));
            application.apply(region, reserved, instancePeriods.getOrDefault(region, List.of()), from, to, now,
                    granularity, regional, used);
            items.addAll(regional);
        });
        items.sort(Comparator.comparing(LineItem::bucketStart).thenComparing(LineItem::usageType)
                .thenComparing(LineItem::resourceId).thenComparing(LineItem::lineItemType));
        return items;
    }

    /** A calendar month of the account's usage, summed per region and usage type. */
    public MonthlyBill month(String account, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return MonthlyBill.of(account, month, lineItems(account, from, to, Granularity.MONTHLY));
    }

    private void cut(String region, UsagePeriod period, Instant from, Instant to, Instant now, Granularity granularity,
                     List<LineItem> items) {
        Instant start = later(period.start(), from);
        Instant end = earlier(period.endOr(now), to);
        Map<Instant, Long> secondsByBucket = new LinkedHashMap<>();
        for (Instant bucket = granularity.bucketStart(start); bucket.isBefore(end); bucket = granularity.next(bucket)) {
            Instant next = granularity.next(bucket);
            secondsByBucket.put(bucket, Duration.between(later(start, bucket), earlier(end, next)).toSeconds());
        }
        if (period.shortfallSeconds() > 0 && !period.start().isBefore(from) && period.start().isBefore(to)) {
            secondsByBucket.merge(granularity.bucketStart(period.start()), period.shortfallSeconds(), Long::sum);
        }
        Optional<BigDecimal> price = rates.price(region, period);
        secondsByBucket.forEach((bucket, seconds) -> {
            if (seconds > 0) {
                BigDecimal quantity = quantity(period, seconds, bucket);
                BigDecimal cost = price.map(unit -> unit.multiply(quantity, PRECISION).setScale(10, RoundingMode.HALF_UP))
                        .orElse(null);
                items.add(new LineItem(region, period.usageType(), period.resourceId(), period.purchaseOption(),
                        period.availabilityZone(), bucket, quantity, period.pricedAs().unit(), cost, LineItem.USAGE,
                        cost));
            }
        });
    }

    /**
     * Hours of instance time or address time, or the provisioned quantity (GiB, IOPS, MiB/s) × the share of the
     * bucket's month the seconds make.
     */
    private static BigDecimal quantity(UsagePeriod period, long seconds, Instant bucket) {
        BigDecimal bySeconds = BigDecimal.valueOf(seconds);
        return switch (period.pricedAs()) {
            case INSTANCE_HOURS, SPOT_HOURS, ADDRESS_HOURS -> bySeconds.divide(SECONDS_PER_HOUR, PRECISION);
            case VOLUME_GIB_MONTHS, IOPS_MONTHS, THROUGHPUT_MONTHS -> {
                YearMonth month = YearMonth.from(bucket.atZone(ZoneOffset.UTC));
                BigDecimal monthSeconds = BigDecimal.valueOf(month.lengthOfMonth() * 86_400L);
                yield BigDecimal.valueOf(period.quantity()).multiply(bySeconds).divide(monthSeconds, PRECISION);
            }
            case STORED_BYTE_MONTHS -> {
                YearMonth month = YearMonth.from(bucket.atZone(ZoneOffset.UTC));
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
