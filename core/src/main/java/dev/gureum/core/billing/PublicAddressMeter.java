package dev.gureum.core.billing;

import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.network.PublicAddressLedger;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.usage.OpenUsage;
import java.time.Instant;

/**
 * Meters public IPv4 addresses per second while an account holds them, as {@code PublicIPv4:InUseAddress}
 * (on an instance's interface, or an Elastic IP associated with one) or {@code PublicIPv4:IdleAddress} (an
 * Elastic IP associated with nothing, or with an instance that is not running), one address each, the holder
 * (interface or allocation) as the resource. Both are billed at the same address-hour price, so only the usage
 * type differs.
 */
public final class PublicAddressMeter implements PublicAddressLedger {
    private static final String SKU = "PublicIPv4";

    private final Meter meter;

    public PublicAddressMeter(Meter meter) {
        this.meter = meter;
    }

    /** The holding of a claimed address as a usage period, open or closed at {@code end}; null when not metered. */
    static UsagePeriod period(String region, String holder, boolean inUse, OpenUsage stretch, Instant end) {
        return stretch == null ? null : new UsagePeriod(holder, UsageTypes.publicIpv4(region, inUse),
                UsagePeriod.PricedAs.ADDRESS_HOURS, SKU, "OnDemand", null, 1, stretch.since(), end, 0);
    }

    /** The open period of a claim, or null. */
    public static UsagePeriod openPeriod(String region, NetworkRecords.AddressClaim claim) {
        return period(region, claim.holderId(), claim.inUse(), claim.usage(), null);
    }

    @Override
    public OpenUsage opened(Instant at) {
        return meter.metering() ? new OpenUsage(at, null, 0) : null;
    }

    @Override
    public void ended(WriteBatch batch, String account, String region, String holder, boolean inUse, OpenUsage stretch,
                      Instant at) {
        UsagePeriod period = period(region, holder, inUse, stretch, at);
        if (period != null) {
            meter.closed(batch, account, region, period);
        }
    }
}
