package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies an account's Savings Plans to its hourly line items, after reservations, as AWS does: each clock hour
 * a plan's commitment (prorated when it starts or ends within the hour) buys the hour's remaining on-demand
 * instance time at the plan's rates; EC2 Instance plans apply before Compute plans, and each plan covers the
 * usage with the largest savings percentage over on demand first (on a tie, the lowest plan rate first), until
 * the usage or the commitment runs out. The rest stays on demand.
 *
 * <p>The lines are the cost and usage report's: covered time leaves the {@code Usage} line and becomes
 * {@code SavingsPlanCoveredUsage} at its on-demand cost (amortized: the plan's rate) offset by a
 * {@code SavingsPlanNegation}; every hour of the plan is a {@code SavingsPlanRecurringFee} of its hourly
 * payment (amortized: the commitment left unused, so a plan's amortized cost is its commitment, used or not);
 * its upfront payment is one {@code SavingsPlanUpfrontFee} at its start. Usage within an hour is not told
 * apart by second: a plan that starts within an hour may cover any of that hour's usage, up to the
 * commitment of its own seconds in it.
 */
final class SavingsPlanApplication {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final MathContext PRECISION = MathContext.DECIMAL64;
    /** The region of a Compute plan's fee lines, which belong to no region (as the report's "global"). */
    static final String GLOBAL = "global";

    private final SavingsPlanSource source;
    private final RateCard rates;

    SavingsPlanApplication(SavingsPlanSource source, RateCard rates) {
        this.source = source;
        this.rates = rates;
    }

    /** One on-demand instance line of the hour and its hours not covered yet. */
    private static final class Use {
        final LineItem line;
        final BigDecimal onDemandHourly;
        BigDecimal remaining;
        final List<Covered> covered = new ArrayList<>();

        Use(LineItem line, BigDecimal onDemandHourly) {
            this.line = line;
            this.onDemandHourly = onDemandHourly;
            this.remaining = line.usageQuantity();
        }
    }

    /** Hours of a use covered by a plan, at the plan's rate. */
    private record Covered(BilledSavingsPlan plan, BigDecimal hours, BigDecimal rate) {
    }

    /** A use the plan may cover, with the plan's rate for it and the savings that rate makes. */
    private record Candidate(Use use, BigDecimal rate, BigDecimal savings) {
    }

    /** Rewrites {@code items} (every region's lines, hourly, reservations applied) with the plans applied. */
    void apply(List<BilledSavingsPlan> plans, List<LineItem> items, Instant from, Instant to, Instant now,
               List<SavingsPlanUse> used) {
        Instant limit = earlier(to, now);
        List<BilledSavingsPlan> ordered = new ArrayList<>(plans);
        ordered.sort(Comparator.comparing(BilledSavingsPlan::computeScope).thenComparing(BilledSavingsPlan::start)
                .thenComparing(BilledSavingsPlan::id));
        for (BilledSavingsPlan plan : ordered) {
            if (plan.upfrontPayment().signum() > 0 && !plan.start().isBefore(from) && plan.start().isBefore(to)
                    && !plan.start().isAfter(now)) {
                items.add(new LineItem(feeRegion(plan), plan.usageType(), plan.arn(), LineItem.SAVINGS_PLAN, null,
                        Granularity.HOURLY.bucketStart(plan.start()), BigDecimal.ONE, "Quantity",
                        money(plan.upfrontPayment()), LineItem.SAVINGS_PLAN_UPFRONT_FEE, money(BigDecimal.ZERO)));
            }
        }
        Map<Instant, List<Use>> byHour = new HashMap<>();
        for (LineItem item : items) {
            if (item.lineItemType().equals(LineItem.USAGE) && item.unit().equals("Hrs")
                    && item.usageType().contains("BoxUsage:") && item.usageQuantity().signum() > 0) {
                Optional<BigDecimal> onDemand = rates.instanceHourly(item.region(), skuOf(item.usageType()));
                onDemand.ifPresent(price -> byHour.computeIfAbsent(item.bucketStart(), unused -> new ArrayList<>())
                        .add(new Use(item, price)));
            }
        }
        Instant windowStart = later(from, ordered.stream().map(BilledSavingsPlan::start)
                .min(Comparator.naturalOrder()).orElse(limit));
        Instant windowEnd = earlier(limit, ordered.stream().map(BilledSavingsPlan::end)
                .max(Comparator.naturalOrder()).orElse(limit));
        for (Instant hour = Granularity.HOURLY.bucketStart(windowStart); hour.isBefore(windowEnd);
             hour = hour.plus(Duration.ofHours(1))) {
            List<Use> uses = byHour.getOrDefault(hour, List.of());
            for (BilledSavingsPlan plan : ordered) {
                BigDecimal active = seconds(later(later(plan.start(), hour), from),
                        earlier(earlier(plan.end(), hour.plus(Duration.ofHours(1))), limit));
                if (active.signum() > 0) {
                    used.add(cover(plan, hour, active.divide(SECONDS_PER_HOUR, PRECISION), uses, items));
                }
            }
        }
        rewrite(byHour, items);
    }

    /** Spends the plan's commitment for the hour on the uses, best savings first; adds its recurring fee line. */
    private SavingsPlanUse cover(BilledSavingsPlan plan, Instant hour, BigDecimal hours, List<Use> uses,
                                 List<LineItem> items) {
        BigDecimal commitment = plan.commitment().multiply(hours, PRECISION);
        List<Candidate> candidates = new ArrayList<>();
        for (Use use : uses) {
            if (use.remaining.signum() > 0) {
                source.rate(plan, use.line.region(), skuOf(use.line.usageType())).ifPresent(rate -> candidates.add(
                        new Candidate(use, rate, BigDecimal.ONE.subtract(rate.divide(use.onDemandHourly, PRECISION)))));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::savings).reversed().thenComparing(Candidate::rate)
                .thenComparing(candidate -> candidate.use.line.resourceId()));
        BigDecimal left = commitment;
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal onDemandEquivalent = BigDecimal.ZERO;
        for (Candidate candidate : candidates) {
            if (left.signum() <= 0) {
                break;
            }
            Use use = candidate.use;
            BigDecimal affordable = left.divide(candidate.rate, PRECISION);
            BigDecimal covered = use.remaining.min(affordable);
            use.remaining = use.remaining.subtract(covered);
            use.covered.add(new Covered(plan, covered, candidate.rate));
            BigDecimal cost = money(covered.multiply(candidate.rate));
            left = left.subtract(covered.multiply(candidate.rate, PRECISION));
            spent = spent.add(cost);
            onDemandEquivalent = onDemandEquivalent.add(money(covered.multiply(use.onDemandHourly)));
        }
        BigDecimal committed = money(commitment);
        BigDecimal usedCommitment = spent.min(committed);
        BigDecimal recurring = money(plan.recurringHourly().multiply(hours, PRECISION));
        items.add(new LineItem(feeRegion(plan), plan.usageType(), plan.arn(), LineItem.SAVINGS_PLAN, null, hour,
                hours, "Hrs", recurring, LineItem.SAVINGS_PLAN_RECURRING_FEE, committed.subtract(usedCommitment)));
        return new SavingsPlanUse(plan.id(), plan.arn(), hour, committed, usedCommitment, onDemandEquivalent,
                recurring, committed.subtract(recurring));
    }

    /** Replaces each covered line by its covered parts (and their negations) and the part left on demand. */
    private static void rewrite(Map<Instant, List<Use>> byHour, List<LineItem> items) {
        List<LineItem> removed = new ArrayList<>();
        List<LineItem> added = new ArrayList<>();
        byHour.values().forEach(uses -> uses.stream().filter(use -> !use.covered.isEmpty()).forEach(use -> {
            LineItem line = use.line;
            removed.add(line);
            for (Covered covered : use.covered) {
                BigDecimal onDemandCost = money(covered.hours().multiply(use.onDemandHourly));
                added.add(new LineItem(line.region(), line.usageType(), line.resourceId(), LineItem.SAVINGS_PLAN,
                        line.availabilityZone(), line.bucketStart(), covered.hours(), line.unit(), onDemandCost,
                        LineItem.SAVINGS_PLAN_COVERED_USAGE, money(covered.hours().multiply(covered.rate()))));
                // the negation offsets the covered line on the same resource, as the cost and usage report's does
                added.add(new LineItem(line.region(), line.usageType(), line.resourceId(), LineItem.SAVINGS_PLAN,
                        line.availabilityZone(), line.bucketStart(), covered.hours().negate(), line.unit(),
                        onDemandCost.negate(), LineItem.SAVINGS_PLAN_NEGATION, money(BigDecimal.ZERO)));
            }
            if (use.remaining.signum() > 0) {
                BigDecimal cost = money(use.remaining.multiply(use.onDemandHourly));
                added.add(new LineItem(line.region(), line.usageType(), line.resourceId(), line.purchaseOption(),
                        line.availabilityZone(), line.bucketStart(), use.remaining, line.unit(), cost, LineItem.USAGE,
                        cost));
            }
        }));
        java.util.Set<LineItem> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        gone.addAll(removed);
        items.removeIf(gone::contains);
        items.addAll(added);
    }

    private static String feeRegion(BilledSavingsPlan plan) {
        return plan.region() == null ? GLOBAL : plan.region();
    }

    private static String skuOf(String usageType) {
        return usageType.substring(usageType.indexOf("BoxUsage:") + "BoxUsage:".length());
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(10, RoundingMode.HALF_UP);
    }

    /** The seconds from start to end, to the millisecond (a plan starts when it was bought, to the millisecond). */
    private static BigDecimal seconds(Instant start, Instant end) {
        return end.isAfter(start) ? BigDecimal.valueOf(Duration.between(start, end).toMillis(), 3) : BigDecimal.ZERO;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
