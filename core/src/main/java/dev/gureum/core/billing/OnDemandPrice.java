package dev.gureum.core.billing;

import java.math.BigDecimal;

/** One row of on-demand.tsv: the Linux on-demand price of an instance type in a region, USD per hour. */
public record OnDemandPrice(String region, String instanceType, BigDecimal usdPerHour) {
}
