package dev.gureum.core.savings;

import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.Term;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A Savings Plan: an hourly {@code commitment} in USD to an offering from {@code start} to {@code end}. Its
 * state follows from the clock ({@link #state}): queued before a future purchase time, payment-pending for
 * the first {@link #PAYMENT_PROCESSING}, then active until its term ends, then retired; a queued plan deleted
 * before its start is {@code queued-deleted}. {@code upfrontPayment} is paid once at start (the whole term's
 * commitment for All Upfront, the buyer's amount for Partial Upfront, nothing for No Upfront) and
 * {@code recurringHourly} every hour of the term: together they pay the commitment for every hour.
 * {@code region} and {@code family} are an EC2 Instance plan's, null for a Compute plan.
 */
public record SavingsPlan(String id, String offeringId, PlanType planType, Term term, PaymentOption payment,
                          String region, String family, BigDecimal commitment, BigDecimal upfrontPayment,
                          BigDecimal recurringHourly, Instant start, Instant end, boolean deletedWhileQueued,
                          Map<String, String> tags, String clientToken) {
    /** How long the purchase's payment takes to clear (AWS: usually minutes); the plan applies from its start. */
    public static final Duration PAYMENT_PROCESSING = Duration.ofSeconds(60);

    public SavingsPlan {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public SavingsOffering offering() {
        return new SavingsOffering(planType, term, payment, region, family);
    }

    public String arn(String account) {
        return "arn:aws:savingsplans::" + account + ":savingsplan/" + id;
    }

    public SavingsPlanState state(Instant now) {
        if (deletedWhileQueued) {
            return SavingsPlanState.QUEUED_DELETED;
        }
        if (!now.isBefore(end)) {
            return SavingsPlanState.RETIRED;
        }
        if (now.isBefore(start)) {
            return SavingsPlanState.QUEUED;
        }
        return now.isBefore(start.plus(PAYMENT_PROCESSING)) ? SavingsPlanState.PAYMENT_PENDING
                : SavingsPlanState.ACTIVE;
    }

    public SavingsPlan withTags(Map<String, String> newTags) {
        return new SavingsPlan(id, offeringId, planType, term, payment, region, family, commitment, upfrontPayment,
                recurringHourly, start, end, deletedWhileQueued, newTags, clientToken);
    }

    public SavingsPlan withdrawn() {
        return new SavingsPlan(id, offeringId, planType, term, payment, region, family, commitment, upfrontPayment,
                recurringHourly, start, end, true, tags, clientToken);
    }
}
