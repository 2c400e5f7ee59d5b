package dev.gureum.core.cost;

import dev.gureum.core.billing.LineItem;
import java.util.Optional;

/**
 * The Cost Explorer dimensions Gureum's line items answer, with the values Cost Explorer shows: SERVICE
 * ("Amazon Elastic Compute Cloud - Compute" for instance time and reservations, "Amazon Virtual Private
 * Cloud" for public IPv4 addresses, "EC2 - Other" for EBS volumes and snapshots, "Savings Plans for AWS
 * Compute usage" for a Savings Plan's fees), USAGE_TYPE, INSTANCE_TYPE ("NoInstanceType" for usage without
 * one), PURCHASE_TYPE ("On Demand Instances", "Standard Reserved Instances", "Convertible Reserved Instances",
 * "Savings Plans", "Spot Instances"), REGION, AZ ("NoAZ" without one) and
 * RECORD_TYPE (the line item type), LINKED_ACCOUNT, the account whose usage it is (each account is its own
 * payer here: no organizations), and RESOURCE_ID, the instance, volume, address holder or reservation the line is
 * for ("NoResourceId" without one): resource-level data, which GetCostAndUsageWithResources and GetDimensionValues
 * answer for the last 14 days and GetCostAndUsage does not group or filter by.
 */
public enum CostDimension implements CostGrouping {
    SERVICE, USAGE_TYPE, INSTANCE_TYPE, PURCHASE_TYPE, REGION, AZ, RECORD_TYPE, LINKED_ACCOUNT, RESOURCE_ID;

    public static final String COMPUTE = "Amazon Elastic Compute Cloud - Compute";
    static final String NO_RESOURCE_ID = "NoResourceId";
    static final String EC2_OTHER = "EC2 - Other";
    static final String VPC = "Amazon Virtual Private Cloud";
    static final String SAVINGS_PLANS = "Savings Plans for AWS Compute usage";

    public static Optional<CostDimension> named(String name) {
        for (CostDimension dimension : values()) {
            if (dimension.name().equals(name)) {
                return Optional.of(dimension);
            }
        }
        return Optional.empty();
    }

    @Override
    public String type() {
        return "DIMENSION";
    }

    @Override
    public String key() {
        return name();
    }

    @Override
    public String valueOf(LineItem item, CostScope scope) {
        return this == LINKED_ACCOUNT ? scope.account() : valueOf(item);
    }

    /**
     * Reads only usage type, purchase option, region, zone and line item type (CostExplorer.sameDimensions relies on
     * it), and for RESOURCE_ID the resource id; LINKED_ACCOUNT, which is the query's account whatever the item, is
     * read through {@link #valueOf(LineItem, CostScope)}.
     */
    public String valueOf(LineItem item) {
        return switch (this) {
            case SERVICE -> instanceType(item) != null ? COMPUTE
                    : item.usageType().contains("PublicIPv4:") ? VPC
                    : item.usageType().contains("SP:") ? SAVINGS_PLANS : EC2_OTHER;
            case USAGE_TYPE -> item.usageType();
            case INSTANCE_TYPE -> {
                String type = instanceType(item);
                yield type == null ? "NoInstanceType" : type;
            }
            case PURCHASE_TYPE -> switch (item.purchaseOption()) {
                case "StandardReserved" -> "Standard Reserved Instances";
                case "ConvertibleReserved" -> "Convertible Reserved Instances";
                case LineItem.SAVINGS_PLAN -> "Savings Plans";
                case "Spot" -> "Spot Instances";
                default -> "On Demand Instances";
            };
            case REGION -> item.region();
            case AZ -> item.availabilityZone() == null ? "NoAZ" : item.availabilityZone();
            case RECORD_TYPE -> item.lineItemType();
            case RESOURCE_ID -> item.resourceId() == null ? NO_RESOURCE_ID : item.resourceId();
            case LINKED_ACCOUNT -> throw new IllegalStateException("LINKED_ACCOUNT is the query's account");
        };
    }

    /** The instance type of instance time and reservation fees ({@code BoxUsage:}, {@code SpotUsage:}, {@code HeavyUsage:}). */
    private static String instanceType(LineItem item) {
        String usageType = item.usageType();
        for (String marker : new String[] {"BoxUsage:", "SpotUsage:", "HeavyUsage:"}) {
            int at = usageType.indexOf(marker);
            if (at >= 0) {
                return usageType.substring(at + marker.length());
            }
        }
        return null;
    }
}
