package dev.gureum.core.billing;

import dev.gureum.core.network.PublicAddressLedger;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;

/**
 * Meters public IPv4 addresses per second while an account holds them, as {@code PublicIPv4:InUseAddress}
 * (on an instance's interface, or an Elastic IP associated with one) or {@code PublicIPv4:IdleAddress} (an
 * Elastic IP associated with nothing), one address each, the holder (interface or allocation) as the resource.
 * An Elastic IP associated with a stopped instance's interface counts as in use here; AWS counts it idle.
 * Both are billed at the same address-hour price, so only the usage type differs.
 */
public final class PublicAddressMeter implements PublicAddressLedger {
    private static final String SKU = "PublicIPv4";

    private final Meter meter;

    public PublicAddressMeter(Meter meter) {
        this.meter = meter;
    }

    @Override
    public void held(WriteBatch batch, String account, String region, String holder, boolean inUse, Instant at) {
        meter.close(batch, account, region, holder, UsageTypes.publicIpv4(region, !inUse), at);
        meter.open(batch, account, region, new UsagePeriod(holder, UsageTypes.publicIpv4(region, inUse),
                UsagePeriod.PricedAs.ADDRESS_HOURS, SKU, "OnDemand", null, 1, at, null, 0));
    }

    @Override
    public void released(WriteBatch batch, String account, String region, String holder, Instant at) {
        for (boolean inUse : new boolean[] {true, false}) {
            meter.close(batch, account, region, holder, UsageTypes.publicIpv4(region, inUse), at);
        }
    }
}
