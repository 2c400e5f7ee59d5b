package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How one Savings Plan was used in one bucket: the commitment in force ({@code commitment}, USD), the part of
 * it that paid for covered usage ({@code usedCommitment}), what that usage would have cost on demand, and the
 * commitment's two halves: paid hourly ({@code recurringCommitment}) and the upfront payment's share
 * ({@code amortizedUpfrontCommitment}). GetSavingsPlansUtilization sums these.
 */
public record SavingsPlanUse(String savingsPlanId, String arn, Instant bucketStart, BigDecimal commitment,
                             BigDecimal usedCommitment, BigDecimal onDemandCostEquivalent,
                             BigDecimal recurringCommitment, BigDecimal amortizedUpfrontCommitment) {

    SavingsPlanUse plus(SavingsPlanUse other) {
        return new SavingsPlanUse(savingsPlanId, arn, bucketStart, commitment.add(other.commitment),
                usedCommitment.add(other.usedCommitment), onDemandCostEquivalent.add(other.onDemandCostEquivalent),
                recurringCommitment.add(other.recurringCommitment),
                amortizedUpfrontCommitment.add(other.amortizedUpfrontCommitment));
    }

    SavingsPlanUse in(Instant bucket) {
        return new SavingsPlanUse(savingsPlanId, arn, bucket, commitment, usedCommitment, onDemandCostEquivalent,
                recurringCommitment, amortizedUpfrontCommitment);
    }
}
