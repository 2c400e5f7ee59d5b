package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a region's reservations to its instance usage, clock hour by clock hour, as EC2 does: in each hour a
 * reservation of {@code n} instances covers up to {@code n} × 3,600 instance-seconds of matching Linux usage.
 * Zonal reservations apply first, to the same type in the same zone; then regional ones, to the same type or,
 * when size-flexible, to any size of the family, counted in normalization units (an m7i.xlarge reservation,
 * 8 units, covers two m7i.large, 4 units each), smallest sizes first. Covered time leaves the on-demand
 * {@code Usage} lines and becomes {@code DiscountedUsage} (no cost of its own); each reservation is charged
 * its recurring rate for every hour it is active, used or not ({@code RIFee}), and its upfront payment once
 * at its start ({@code Fee}): the cost and usage report's conventions. Amortized, as Cost Explorer shows
 * it, the fee is nothing, covered time costs the reservation's effective rate (recurring plus upfront spread
 * over the term) and the reservation's line keeps the effective cost of its unused hours.
 */
final class ReservationApplication {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final ReservationSource source;
    private final RateCard rates;

    ReservationApplication(ReservationSource source, RateCard rates) {
        this.source = source;
        this.rates = rates;
    }

    /** One instance's usage period within the hour being applied, and its seconds not covered yet. */
    private static final class Use {
        final UsagePeriod period;
        final BigDecimal factor;
        BigDecimal remaining;

        Use(UsagePeriod period, BigDecimal factor, BigDecimal seconds) {
            this.period = period;
            this.factor = factor;
            this.remaining = seconds;
        }
    }

    private record Covered(String resourceId, String usageType, Instant bucket) {
    }

    /** Covered time of one instance in one bucket, by the purchase option of the reservations covering it. */
    private record CoveredBy(Covered covered, String purchaseOption) {
    }

    /**
     * Seconds and an amount that go together: covered seconds and their effective cost, or a reservation's
     * used seconds and the on-demand cost of what they covered.
     */
    private record Portion(BigDecimal seconds, BigDecimal amount) {
        static final Portion NONE = new Portion(BigDecimal.ZERO, BigDecimal.ZERO);

        Portion plus(Portion other) {
            return new Portion(seconds.add(other.seconds), amount.add(other.amount));
        }
    }

    /** Rewrites {@code items} (the region's lines, as priced on demand) with the reservations applied. */
    void apply(String region, List<BilledReservation> reservations, List<UsagePeriod> instancePeriods, Instant from,
               Instant to, Instant now, Granularity granularity, List<LineItem> items, List<ReservationUse> used) {
        Instant limit = earlier(to, now);
        Map<CoveredBy, Portion> coveredSeconds = new LinkedHashMap<>();
        Map<String, Map<Instant, BigDecimal>> reservedSeconds = new LinkedHashMap<>();
        Map<String, Map<Instant, Portion>> usedSeconds = new LinkedHashMap<>();
        List<BilledReservation> ordered = new ArrayList<>(reservations);
        ordered.sort(Comparator.comparing((BilledReservation reservation) -> reservation.availabilityZone() == null)
                .thenComparing(BilledReservation::start).thenComparing(BilledReservation::id));
        for (BilledReservation reservation : ordered) {
            if (upfrontBilled(reservation, from, to, now)) {
                items.add(new LineItem(region, UsageTypes.heavyUsage(region, reservation.instanceType()),
                        reservation.id(), reservation.purchaseOption(), reservation.availabilityZone(),
                        granularity.bucketStart(reservation.start()), BigDecimal.valueOf(reservation.instanceCount()),
                        "Quantity", money(reservation.upfrontCharge()), LineItem.FEE, money(BigDecimal.ZERO)));
            }
        }
        Instant windowStart = ordered.stream().map(ReservationApplication::activeFrom).min(Comparator.naturalOrder())
                .map(start -> later(start, from)).orElse(limit);
        Instant windowEnd = ordered.stream().map(BilledReservation::end).max(Comparator.naturalOrder())
                .map(end -> earlier(end, limit)).orElse(limit);
        List<UsagePeriod> overlapping = instancePeriods.stream()
                .filter(period -> period.start().isBefore(windowEnd) && period.endOr(now).isAfter(windowStart)
                        || period.shortfallSeconds() > 0)
                .filter(period -> ordered.stream().anyMatch(reservation -> mayCover(reservation, period.sku())))
                .toList();
        for (Instant hour = Granularity.HOURLY.bucketStart(windowStart); hour.isBefore(windowEnd);
             hour = hour.plus(Duration.ofHours(1))) {
            Instant hourStart = later(hour, windowStart);
            Instant hourEnd = earlier(hour.plus(Duration.ofHours(1)), windowEnd);
            Instant bucket = granularity.bucketStart(hour);
            List<Use> uses = uses(overlapping, hour, hourStart, hourEnd, from, to, now);
            for (BilledReservation reservation : ordered) {
                long active = seconds(later(activeFrom(reservation), hourStart), earlier(reservation.end(), hourEnd));
                if (active <= 0) {
                    continue;
                }
                BigDecimal instanceSeconds = BigDecimal.valueOf(active * reservation.instanceCount());
                reservedSeconds.computeIfAbsent(reservation.id(), unused -> new LinkedHashMap<>())
                        .merge(bucket, instanceSeconds, BigDecimal::add);
                Portion coverage = cover(region, reservation, instanceSeconds, uses, bucket, coveredSeconds);
                usedSeconds.computeIfAbsent(reservation.id(), unused -> new LinkedHashMap<>())
                        .merge(bucket, coverage, Portion::plus);
            }
        }
        moveCoveredTime(region, coveredSeconds, items);
        for (BilledReservation reservation : ordered) {
            reservedSeconds.getOrDefault(reservation.id(), Map.of()).forEach((bucket, seconds) -> {
                BigDecimal hours = seconds.divide(SECONDS_PER_HOUR, PRECISION);
                BigDecimal recurring = reservation.hourlyPrice().multiply(hours, PRECISION);
                BigDecimal upfront = reservation.amortizedUpfrontHourly().multiply(hours, PRECISION);
                Portion coverage = usedSeconds.getOrDefault(reservation.id(), Map.of()).getOrDefault(bucket,
                        Portion.NONE);
                BigDecimal usedHours = coverage.seconds().divide(SECONDS_PER_HOUR, PRECISION);
                // Amortized, the used hours' effective cost sits on the discounted usage; the fee keeps the rest.
                BigDecimal unusedEffective = effectiveHourly(reservation).multiply(hours.subtract(usedHours),
                        PRECISION);
                items.add(new LineItem(region, UsageTypes.heavyUsage(region, reservation.instanceType()),
                        reservation.id(), reservation.purchaseOption(), reservation.availabilityZone(), bucket, hours,
                        "Hrs", money(recurring), LineItem.RI_FEE, money(unusedEffective)));
                used.add(new ReservationUse(reservation.id(), region, reservation.instanceType(), bucket, hours,
                        usedHours, source.normalizationFactor(reservation.instanceType()).orElse(null),
                        money(recurring), money(upfront), money(coverage.amount()),
                        rates.instanceHourly(region, reservation.instanceType()).orElse(null)));
            });
        }
    }

    /**
     * When the reservation's term began, to the second: AWS counts a term from the second of its purchase (its End
     * is that second plus the term, less one), and usage is counted in whole seconds, so a reservation bought a
     * fraction of a second after an instance launched covers that instance's whole seconds.
     */
    private static Instant activeFrom(BilledReservation reservation) {
        return reservation.start().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The reservation's recurring charge and amortized upfront price per instance-hour. */
    private static BigDecimal effectiveHourly(BilledReservation reservation) {
        return reservation.hourlyPrice().add(reservation.amortizedUpfrontHourly());
    }

    /** Whether the reservation could ever cover the type: same type, or the family when size-flexible. */
    private boolean mayCover(BilledReservation reservation, String instanceType) {
        return reservation.instanceType().equals(instanceType) || reservation.availabilityZone() == null
                && reservation.sizeFlexible() && sameFamily(reservation.instanceType(), instanceType)
                && source.normalizationFactor(instanceType).isPresent()
                && source.normalizationFactor(reservation.instanceType()).isPresent();
    }

    private static boolean upfrontBilled(BilledReservation reservation, Instant from, Instant to, Instant now) {
        return reservation.upfrontCharge().signum() > 0 && !reservation.start().isBefore(from)
                && reservation.start().isBefore(to) && !reservation.start().isAfter(now);
    }

    /** The instance usage within the hour, smallest normalization factor first, then by instance. */
    private List<Use> uses(List<UsagePeriod> periods, Instant hour, Instant hourStart, Instant hourEnd, Instant from,
                           Instant to, Instant now) {
        List<Use> uses = new ArrayList<>();
        for (UsagePeriod period : periods) {
            long seconds = period.secondsWithin(hourStart, hourEnd, now);
            if (period.shortfallSeconds() > 0 && !period.start().isBefore(hour)
                    && period.start().isBefore(hour.plus(Duration.ofHours(1))) && !period.start().isBefore(from)
                    && period.start().isBefore(to)) {
                seconds += period.shortfallSeconds();
            }
            if (seconds > 0) {
                uses.add(new Use(period, source.normalizationFactor(period.sku()).orElse(null),
                        BigDecimal.valueOf(seconds)));
            }
        }
        uses.sort(Comparator.comparing((Use use) -> use.factor == null ? BigDecimal.valueOf(Long.MAX_VALUE) : use.factor)
                .thenComparing(use -> use.period.resourceId()));
        return uses;
    }

    /**
     * Covers matching uses with {@code instanceSeconds} of the reservation (in its own type's seconds).
     *
     * Each covered use records its seconds and their effective cost (the reservation's seconds it took, at
     * the reservation's recurring and amortized upfront rate).
     *
     * @return the reservation's seconds used (in its own type) and the on-demand cost of the usage covered
     */
    private Portion cover(String region, BilledReservation reservation, BigDecimal instanceSeconds,
                          List<Use> uses, Instant bucket, Map<CoveredBy, Portion> covered) {
        boolean zonal = reservation.availabilityZone() != null;
        Optional<BigDecimal> reservedFactor = source.normalizationFactor(reservation.instanceType());
        boolean flexible = !zonal && reservation.sizeFlexible() && reservedFactor.isPresent();
        // Capacity in normalization units when size-flexible, else in seconds of the reserved type.
        BigDecimal full = flexible ? instanceSeconds.multiply(reservedFactor.get()) : instanceSeconds;
        BigDecimal capacity = full;
        BigDecimal onDemandCost = BigDecimal.ZERO;
        for (Use use : uses) {
            if (capacity.signum() <= 0) {
                break;
            }
            if (use.remaining.signum() <= 0 || (zonal && !reservation.availabilityZone()
                    .equals(use.period.availabilityZone()))) {
                continue;
            }
            BigDecimal perSecond;
            if (use.period.sku().equals(reservation.instanceType())) {
                perSecond = flexible ? reservedFactor.get() : BigDecimal.ONE;
            } else if (flexible && use.factor != null && sameFamily(use.period.sku(), reservation.instanceType())) {
                perSecond = use.factor;
            } else {
                continue;
            }
            BigDecimal seconds = use.remaining.min(capacity.divide(perSecond, PRECISION));
            use.remaining = use.remaining.subtract(seconds);
            capacity = capacity.subtract(seconds.multiply(perSecond));
            BigDecimal reservedSecondsTaken = flexible ? seconds.multiply(perSecond)
                    .divide(reservedFactor.get(), PRECISION) : seconds;
            covered.merge(new CoveredBy(new Covered(use.period.resourceId(), use.period.usageType(), bucket),
                    reservation.purchaseOption()), new Portion(seconds, effectiveHourly(reservation).multiply(
                    reservedSecondsTaken).divide(SECONDS_PER_HOUR, PRECISION)), Portion::plus);
            BigDecimal coveredHours = seconds.divide(SECONDS_PER_HOUR, PRECISION);
            onDemandCost = onDemandCost.add(rates.instanceHourly(region, use.period.sku())
                    .map(price -> price.multiply(coveredHours, PRECISION)).orElse(BigDecimal.ZERO));
        }
        BigDecimal usedSeconds = full.subtract(capacity);
        if (flexible) {
            usedSeconds = usedSeconds.divide(reservedFactor.get(), PRECISION);
        }
        return new Portion(usedSeconds, onDemandCost);
    }

    /** Takes covered time out of the on-demand lines (merged per instance and bucket) as discounted usage. */
    private void moveCoveredTime(String region, Map<CoveredBy, Portion> coveredSeconds, List<LineItem> items) {
        Map<Covered, List<LineItem>> onDemand = new HashMap<>();
        for (LineItem item : items) {
            if (item.lineItemType().equals(LineItem.USAGE) && item.unit().equals("Hrs")) {
                onDemand.computeIfAbsent(new Covered(item.resourceId(), item.usageType(), item.bucketStart()),
                        unused -> new ArrayList<>()).add(item);
            }
        }
        Map<Covered, Map<String, Portion>> byInstance = new LinkedHashMap<>();
        coveredSeconds.forEach((coveredBy, portion) -> byInstance.computeIfAbsent(coveredBy.covered(),
                unused -> new LinkedHashMap<>()).merge(coveredBy.purchaseOption(), portion, Portion::plus));
        List<LineItem> changed = new ArrayList<>();
        byInstance.forEach((covered, secondsByOption) -> {
            List<LineItem> lines = onDemand.get(covered);
            if (lines == null) {
                return;
            }
            LineItem first = lines.get(0);
            BigDecimal left = lines.stream().map(LineItem::usageQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            items.removeAll(lines);
            for (Map.Entry<String, Portion> option : secondsByOption.entrySet()) {
                BigDecimal hours = option.getValue().seconds().divide(SECONDS_PER_HOUR, PRECISION).min(left);
                if (hours.signum() <= 0) {
                    continue;
                }
                left = left.subtract(hours);
                changed.add(new LineItem(first.region(), first.usageType(), first.resourceId(), option.getKey(),
                        first.availabilityZone(), first.bucketStart(), hours, first.unit(), money(BigDecimal.ZERO),
                        LineItem.DISCOUNTED_USAGE, money(option.getValue().amount())));
            }
            if (left.signum() > 0) {
                BigDecimal onDemandHours = left;
                BigDecimal cost = rates.instanceHourly(region, skuOf(first.usageType()))
                        .map(unit -> money(unit.multiply(onDemandHours, PRECISION))).orElse(null);
                changed.add(new LineItem(first.region(), first.usageType(), first.resourceId(),
                        first.purchaseOption(), first.availabilityZone(), first.bucketStart(), onDemandHours,
                        first.unit(), cost, LineItem.USAGE, cost));
            }
        });
        items.addAll(changed);
    }

    private static String skuOf(String usageType) {
        return usageType.substring(usageType.indexOf("BoxUsage:") + "BoxUsage:".length());
    }

    private static boolean sameFamily(String a, String b) {
        int dotA = a.indexOf('.');
        int dotB = b.indexOf('.');
        return dotA > 0 && dotA == dotB && a.regionMatches(0, b, 0, dotA);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(10, RoundingMode.HALF_UP);
    }

    private static long seconds(Instant start, Instant end) {
        return end.isAfter(start) ? Duration.between(start, end).toSeconds() : 0;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
