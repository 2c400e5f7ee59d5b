package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A Savings Plan as the bill applies it: an hourly {@code commitment} in USD from {@code start} until
 * {@code end}, paid {@code upfrontPayment} once at start and {@code recurringHourly} every hour. An EC2 Instance
 * plan ({@code computeScope} false) covers its {@code region}'s usage of one family; a Compute plan any usage
 * ({@code region} null). Its fee lines carry {@code usageType} (e.g. {@code ComputeSP:1yrNoUpfront}) and its
 * ARN as their resource.
 */
public record BilledSavingsPlan(String id, String arn, boolean computeScope, String region, String usageType,
                                Instant start, Instant end, BigDecimal commitment, BigDecimal upfrontPayment,
                                BigDecimal recurringHourly) {
}
