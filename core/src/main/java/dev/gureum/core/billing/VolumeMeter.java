package dev.gureum.core.billing;

import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeLedger;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Meters EBS volumes by what they provision over time, state of the instance aside: GiB, and the IOPS and
 * throughput their type charges for ({@link VolumeCharges}), one usage period per charge.
 */
public final class VolumeMeter implements VolumeLedger {
    private final Meter meter;

    public VolumeMeter(Meter meter) {
        this.meter = meter;
    }

    @Override
    public void provisioned(WriteBatch batch, Volume volume, Instant at) {
        for (VolumeCharges.Charge charge : VolumeCharges.of(volume)) {
            meter.open(batch, volume.ownerId(), volume.region(), period(volume, charge, at));
        }
    }

    /** Each charge the volume had ends at {@code at}; each it has now starts there, with its new quantity. */
    @Override
    public void reshaped(WriteBatch batch, Volume before, Volume after, Instant at) {
        Map<String, VolumeCharges.Charge> next = VolumeCharges.of(after).stream()
                .collect(Collectors.toMap(VolumeCharges.Charge::usageType, Function.identity()));
        for (VolumeCharges.Charge charge : VolumeCharges.of(before)) {
            VolumeCharges.Charge replacement = next.remove(charge.usageType());
            if (replacement == null) {
                meter.close(batch, before.ownerId(), before.region(), before.id(), charge.usageType(), at);
            } else if (replacement.quantity() != charge.quantity()) {
                meter.replace(batch, before.ownerId(), before.region(), charge.usageType(),
                        period(after, replacement, at), at);
            }
        }
        next.values().forEach(charge -> meter.open(batch, after.ownerId(), after.region(), period(after, charge, at)));
    }

    @Override
    public void released(WriteBatch batch, Volume volume, Instant at) {
        List<VolumeCharges.Charge> charges = VolumeCharges.of(volume);
        charges.forEach(charge -> meter.close(batch, volume.ownerId(), volume.region(), volume.id(),
                charge.usageType(), at));
    }

    private static UsagePeriod period(Volume volume, VolumeCharges.Charge charge, Instant at) {
        return new UsagePeriod(volume.id(), charge.usageType(), charge.pricedAs(), charge.sku(), "OnDemand",
                volume.availabilityZone(), charge.quantity(), at, null, 0);
    }
}
