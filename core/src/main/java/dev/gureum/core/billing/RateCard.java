package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.util.Optional;

/** List prices in USD; a price Gureum does not know is empty, never zero, so the gap shows on the bill. */
public interface RateCard {

    /** The on-demand Linux price of an instance type per hour. */
    Optional<BigDecimal> instanceHourly(String region, String instanceType);

    /** The price of a volume type per GB-month. */
    Optional<BigDecimal> volumeGbMonth(String region, String volumeType);

    /** The price of holding one public IPv4 address for an hour, in use or idle. */
    Optional<BigDecimal> publicIpv4Hourly(String region);

    /** The monthly price of one unit of a storage charge (an IOPS, a MiB/s) beyond a volume's size. */
    Optional<BigDecimal> storage(String region, StorageCharge charge);

    default Optional<BigDecimal> price(String region, UsagePeriod period) {
        return switch (period.pricedAs()) {
            case INSTANCE_HOURS -> instanceHourly(region, period.sku());
            case SPOT_HOURS -> Optional.of(new BigDecimal(period.sku()));
            case VOLUME_GIB_MONTHS -> volumeGbMonth(region, period.sku());
            case IOPS_MONTHS, THROUGHPUT_MONTHS, STORED_BYTE_MONTHS -> StorageCharge.fromKey(period.sku())
                    .flatMap(charge -> storage(region, charge));
            case ADDRESS_HOURS -> publicIpv4Hourly(region);
        };
    }
}
