package dev.gureum.core.reserved;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * GetReservedInstancesExchangeQuote's answer: the remaining value of each convertible reservation given up
 * and of each target configuration over the same remaining time, their rollups, the true-up payment due and
 * whether the exchange is allowed (with the reason when it is not).
 */
public record ExchangeQuote(boolean valid, String failureReason, List<Value> sources, Value sourceRollup,
                            List<Value> targets, Value targetRollup, BigDecimal paymentDue, Instant expiresAt) {

    /** A reservation's or target's value: hourly price, remaining upfront value and remaining total value. */
    public record Value(String reservedInstanceId, String offeringId, Integer instanceCount, BigDecimal hourlyPrice,
                        BigDecimal remainingUpfrontValue, BigDecimal remainingTotalValue) {
    }
}
