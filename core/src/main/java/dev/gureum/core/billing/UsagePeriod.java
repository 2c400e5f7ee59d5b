package dev.gureum.core.billing;

import java.time.Duration;
import java.time.Instant;

/**
 * One stretch of metered usage of one resource, as a cost and usage report names it: an instance running
 * ({@code BoxUsage:t3.micro}, priced per hour of its instance type), a volume provisioned
 * ({@code EBS:VolumeUsage.gp3}: {@code quantity} GiB, priced per GB-month of its volume type), a public IPv4
 * address held ({@code USE1-PublicIPv4:InUseAddress} or {@code IdleAddress}, priced per address-hour), a Spot
 * Instance running ({@code SpotUsage:c7i.large}, at the Spot price the period carries). Open
 * ({@code end} null) while it lasts. {@code minimumSeconds} is what a closed period is billed at least (60 s
 * per start of a Linux instance; 0 for storage).
 */
public record UsagePeriod(String resourceId, String usageType, PricedAs pricedAs, String sku, String purchaseOption,
                          String availabilityZone, long quantity, Instant start, Instant end, long minimumSeconds)
        implements UsageEntry {

    /** How the list price of {@code sku} applies. */
    public enum PricedAs {
        /** An instance type's hourly price, per second of use. */
        INSTANCE_HOURS("Hrs"),
        /**
         * A Spot Instance's hours at the Spot price in force, which the period carries as its {@code sku} (a
         * price change closes the period and opens the next at the new price: {@link Meter#split}).
         */
        SPOT_HOURS("Hrs"),
        /** A volume type's GB-month price, per GiB provisioned and per second of the month. */
        VOLUME_GIB_MONTHS("GB-Mo"),
        /** A provisioned-IOPS price per IOPS-month, per IOPS charged and per second of the month. */
        IOPS_MONTHS("IOPS-Mo"),
        /**
         * A provisioned-throughput price per GiB/s-month, the unit AWS's price list and cost and usage report use
         * ({@code GiBps-mo}), for the MiB/s charged (1/1,024 of a unit each) per second of the month.
         */
        THROUGHPUT_MONTHS("GiBps-mo"),
        /** A stored GB-month price (snapshots), the quantity in bytes, per GiB stored and per second of the month. */
        STORED_BYTE_MONTHS("GB-Mo"),
        /** The public IPv4 address-hour price, per second an address is held. */
        ADDRESS_HOURS("Hrs");

        private final String unit;

        PricedAs(String unit) {
            this.unit = unit;
        }

        /** The unit of the usage quantity, as AWS abbreviates it. */
        public String unit() {
            return unit;
        }
    }

    public boolean isOpen() {
        return end == null;
    }

    public UsagePeriod closedAt(Instant at) {
        return new UsagePeriod(resourceId, usageType, pricedAs, sku, purchaseOption, availabilityZone, quantity, start,
                at, minimumSeconds);
    }

    /** When the period ends, or {@code now} while it is open. */
    public Instant endOr(Instant now) {
        return end != null ? end : now;
    }

    /**
     * The whole seconds of the period within {@code [from, to)} ({@code now} ends it while open), counted from its
     * start: the seconds of the buckets it is cut into add up to its own whole seconds wherever its fractions of a
     * second fall (each bucket rounding its own share down would drop a second at a boundary).
     */
    public long secondsWithin(Instant from, Instant to, Instant now) {
        Instant first = start.isAfter(from) ? start : from;
        Instant end = endOr(now);
        Instant last = end.isBefore(to) ? end : to;
        if (!last.isAfter(first)) {
            return 0;
        }
        return Duration.between(start, last).toSeconds() - Duration.between(start, first).toSeconds();
    }

    /** What a closed period shorter than its minimum is billed on top of its length; 0 while open. */
    public long shortfallSeconds() {
        return isOpen() ? 0 : Math.max(0, minimumSeconds - Duration.between(start, end).toSeconds());
    }
}
