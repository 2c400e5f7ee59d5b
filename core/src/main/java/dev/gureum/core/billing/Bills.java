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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices what was metered: each usage period of an account, cut into time buckets, priced at list price.
 * Instance time is hours (a closed period shorter than its minimum is billed up to it, in the bucket where
 * it started); storage is GB-months, each second counted against the length of its month, as AWS prorates.
 */
public final class Bills {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal GIBIBYTE = BigDecimal.valueOf(1L << 30);
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final Store store;
    private final RateCard rates;
    private final CloudClock clock;

    public Bills(Store store, RateCard rates, CloudClock clock) {
        this.store = store;
        this.rates = rates;
        this.clock = clock;
    }

    /** The account's line items in {@code [from, to)}, bucketed at {@code granularity}. */
    public List<LineItem> lineItems(String account, Instant from, Instant to, Granularity granularity) {
        Instant now = clock.now();
        List<LineItem> items = new ArrayList<>();
        for (var kind : List.of(BillingRecords.CLOSED, BillingRecords.OPEN)) {
            for (Versioned<UsagePeriod> versioned : store.listAll(kind)) {
                if (versioned.key().account().equals(account)) {
                    cut(versioned.key().region(), versioned.value(), from, to, now, granularity, items);
                }
            }
        }
        items.sort(Comparator.comparing(LineItem::bucketStart).thenComparing(LineItem::usageType)
                .thenComparing(LineItem::resourceId));
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
                items.add(new LineItem(region, period.usageType(), period.resourceId(), period.purchaseOption(),
                        period.availabilityZone(), bucket, quantity, period.pricedAs().unit(),
                        price.map(unit -> unit.multiply(quantity, PRECISION).setScale(10, RoundingMode.HALF_UP))
                                .orElse(null)));
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
            case INSTANCE_HOURS, ADDRESS_HOURS -> bySeconds.divide(SECONDS_PER_HOUR, PRECISION);
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
