package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the bill: a resource's usage of one usage type within one time bucket (an hour, a day or a
 * month), its quantity in the usage type's unit ({@code Hrs}, {@code GB-Mo}, as AWS abbreviates them) and
 * its unblended cost; the cost is null when no list price is known.
 */
public record LineItem(String region, String usageType, String resourceId, String purchaseOption,
                       String availabilityZone, Instant bucketStart, BigDecimal usageQuantity, String unit,
                       BigDecimal unblendedCost) {
}
