package dev.gureum.core.reserved;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Convertible Reserved Instance exchanges with EC2's rules ("Exchange Convertible Reserved Instances" in the
 * EC2 User Guide): only active convertible reservations, only for convertible offerings; the targets' value
 * over the remaining term must be at least the sources' remaining value (value = remaining upfront, the
 * upfront prorated over the time left, plus hourly × hours left); the difference in upfront value is the
 * true-up payment due; All or Partial Upfront reservations cannot become No Upfront ones. The new
 * reservations end when the latest source would have, or a full new term from now when a 3-year target
 * replaces only 1-year sources. Accepting retires the sources and starts the targets now, billing the
 * true-up as a one-time fee.
 */
public final class ReservedExchanges {
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    /** A target of an exchange as the request gives it; the count defaults to 1. */
    public record Target(String offeringId, Integer instanceCount) {
    }

    private final Store store;
    private final ReservedInstanceService reservations;

    public ReservedExchanges(Store store, ReservedInstanceService reservations) {
        this.store = store;
        this.reservations = reservations;
    }

    public ExchangeQuote quote(RequestContext context, List<String> ids, List<Target> targets) {
        return plan(context, ids, targets).quote();
    }

    /** Performs a valid exchange; an invalid one is refused with the quote's reason. */
    public String accept(RequestContext context, List<String> ids, List<Target> targets) {
        Plan plan = plan(context, ids, targets);
        if (!plan.quote().valid()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception(plan.quote().failureReason());
        }
        Instant now = context.now().truncatedTo(ChronoUnit.MILLIS);
        WriteBatch batch = new WriteBatch();
        for (Versioned<ReservedInstance> source : plan.sources()) {
            batch.put(ReservedRecords.RESERVED_INSTANCES, source.key(), source.version(), source.value().retired(now));
        }
        BigDecimal due = plan.quote().paymentDue();
        for (int index = 0; index < plan.offerings().size(); index++) {
            ReservedOffering offering = plan.offerings().get(index);
            int count = plan.counts().get(index);
            ReservedInstance made = new ReservedInstance(UUID.randomUUID().toString(), offering.instanceType(),
                    offering.availabilityZone(), count, offering.offeringClass(), offering.term(), offering.payment(),
                    offering.fixedPrice(), offering.hourlyPrice(), offering.id(), now, plan.quote().expiresAt(), null,
                    index == 0 ? due : BigDecimal.ZERO, false, List.of());
            batch.put(ReservedRecords.RESERVED_INSTANCES, ReservedInstanceService.key(context, made.id()),
                    WriteBatch.ABSENT, made);
        }
        Writes.commit(store, context, batch);
        return "riex-" + UUID.randomUUID();
    }

    private record Plan(List<Versioned<ReservedInstance>> sources, List<ReservedOffering> offerings,
                        List<Integer> counts, ExchangeQuote quote) {
    }

    private Plan plan(RequestContext context, List<String> ids, List<Target> targets) {
        if (ids.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter ReservedInstanceId");
        }
        Instant now = context.now();
        List<Versioned<ReservedInstance>> sources = new ArrayList<>();
        for (String id : ids.stream().distinct().toList()) {
            sources.add(reservations.require(context, id));
        }
        List<ReservedOffering> offerings = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Target target : targets) {
            offerings.add(reservations.offerings().find(context.region(), target.offeringId())
                    .orElseThrow(() -> Ec2Error.INVALID_RESERVED_INSTANCES_OFFERING_ID.exception(
                            "The Reserved Instances Offering ID '" + target.offeringId() + "' is invalid.")));
            int count = target.instanceCount() == null ? 1 : target.instanceCount();
            if (count < 1) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + count
                        + ") for parameter instanceCount is invalid.");
            }
            counts.add(count);
        }
        String reason = refusal(sources, offerings, now);
        Instant latestEnd = sources.stream().map(source -> source.value().end()).max(Comparator.naturalOrder())
                .orElseThrow();
        boolean extends3Years = offerings.stream().anyMatch(offering -> offering.term() == Term.THREE_YEARS)
                && sources.stream().allMatch(source -> source.value().term() == Term.ONE_YEAR);
        Instant expiresAt = (extends3Years ? now.plus(Term.THREE_YEARS.duration()) : latestEnd)
                .truncatedTo(ChronoUnit.MILLIS);
        List<ExchangeQuote.Value> sourceValues = new ArrayList<>();
        for (Versioned<ReservedInstance> versioned : sources) {
            ReservedInstance source = versioned.value();
            BigDecimal left = hoursBetween(now, source.effectiveEnd());
            BigDecimal count = BigDecimal.valueOf(source.instanceCount());
            BigDecimal upfront = source.fixedPrice().multiply(count)
                    .multiply(left.divide(BigDecimal.valueOf(source.term().hours()), PRECISION));
            BigDecimal hourly = source.hourlyPrice().multiply(count);
            sourceValues.add(new ExchangeQuote.Value(source.id(), null, source.instanceCount(), hourly, upfront,
                    upfront.add(hourly.multiply(left))));
        }
        BigDecimal targetHours = hoursBetween(now, expiresAt);
        List<ExchangeQuote.Value> targetValues = new ArrayList<>();
        for (int index = 0; index < offerings.size(); index++) {
            ReservedOffering offering = offerings.get(index);
            BigDecimal count = BigDecimal.valueOf(counts.get(index));
            BigDecimal upfront = offering.fixedPrice().multiply(count)
                    .multiply(targetHours.divide(BigDecimal.valueOf(offering.term().hours()), PRECISION));
            BigDecimal hourly = offering.hourlyPrice().multiply(count);
            targetValues.add(new ExchangeQuote.Value(null, offering.id(), counts.get(index), hourly, upfront,
                    upfront.add(hourly.multiply(targetHours))));
        }
        ExchangeQuote.Value sourceRollup = rollup(sourceValues);
        ExchangeQuote.Value targetRollup = rollup(targetValues);
        if (reason == null && targets.isEmpty()) {
            reason = "A target configuration is required.";
        }
        if (reason == null && targetRollup.remainingTotalValue().compareTo(sourceRollup.remainingTotalValue()) < 0) {
            reason = "The total value of the target Convertible Reserved Instances ("
                    + money(targetRollup.remainingTotalValue()) + " USD) must be equal to or greater than that of "
                    + "the Convertible Reserved Instances being exchanged (" + money(sourceRollup.remainingTotalValue())
                    + " USD). Add instances to the target configuration.";
        }
        // The true-up is the difference of the upfront values as the quote shows them (in cents).
        BigDecimal due = round(targetRollup).remainingUpfrontValue().subtract(round(sourceRollup)
                .remainingUpfrontValue()).max(BigDecimal.ZERO);
        ExchangeQuote quote = new ExchangeQuote(reason == null, reason, round(sourceValues), round(sourceRollup),
                round(targetValues), round(targetRollup), money(due), expiresAt);
        return new Plan(sources, offerings, counts, quote);
    }

    private static String refusal(List<Versioned<ReservedInstance>> sources, List<ReservedOffering> offerings,
                                  Instant now) {
        for (Versioned<ReservedInstance> versioned : sources) {
            ReservedInstance source = versioned.value();
            if (source.offeringClass() != OfferingClass.CONVERTIBLE) {
                return "Reserved Instance " + source.id() + " is not a Convertible Reserved Instance.";
            }
            if (source.state(now) != ReservedState.ACTIVE) {
                return "Reserved Instance " + source.id() + " is " + source.state(now).wireName()
                        + "; only active Convertible Reserved Instances can be exchanged.";
            }
        }
        boolean paidUpfront = sources.stream().anyMatch(source -> source.value().payment() != PaymentOption.NO_UPFRONT);
        for (ReservedOffering offering : offerings) {
            if (offering.offeringClass() != OfferingClass.CONVERTIBLE) {
                return "The target offering " + offering.id() + " is not a Convertible Reserved Instance offering.";
            }
            if (paidUpfront && offering.payment() == PaymentOption.NO_UPFRONT) {
                return "All Upfront and Partial Upfront Convertible Reserved Instances cannot be exchanged for No "
                        + "Upfront Convertible Reserved Instances.";
            }
        }
        return null;
    }

    private static ExchangeQuote.Value rollup(List<ExchangeQuote.Value> values) {
        BigDecimal hourly = BigDecimal.ZERO;
        BigDecimal upfront = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (ExchangeQuote.Value value : values) {
            hourly = hourly.add(value.hourlyPrice());
            upfront = upfront.add(value.remainingUpfrontValue());
            total = total.add(value.remainingTotalValue());
        }
        return new ExchangeQuote.Value(null, null, null, hourly, upfront, total);
    }

    private static List<ExchangeQuote.Value> round(List<ExchangeQuote.Value> values) {
        return values.stream().map(ReservedExchanges::round).toList();
    }

    private static ExchangeQuote.Value round(ExchangeQuote.Value value) {
        return new ExchangeQuote.Value(value.reservedInstanceId(), value.offeringId(), value.instanceCount(),
                value.hourlyPrice().setScale(4, RoundingMode.HALF_UP), money(value.remainingUpfrontValue()),
                money(value.remainingTotalValue()));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal hoursBetween(Instant from, Instant to) {
        return to.isAfter(from) ? BigDecimal.valueOf(Duration.between(from, to).toSeconds())
                .divide(BigDecimal.valueOf(3600), PRECISION) : BigDecimal.ZERO;
    }
}
