package dev.gureum.core.billing;

import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeLedger;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;

/** Meters EBS volumes as provisioned GiB over time ({@code EBS:VolumeUsage.<type>}), state of the instance aside. */
public final class VolumeMeter implements VolumeLedger {
    private final Meter meter;

    public VolumeMeter(Meter meter) {
        this.meter = meter;
    }

    @Override
    public void provisioned(WriteBatch batch, Volume volume, Instant at) {
        meter.open(batch, volume.ownerId(), volume.region(), period(volume, at));
    }

    @Override
    public void reshaped(WriteBatch batch, Volume before, Volume after, Instant at) {
        meter.replace(batch, before.ownerId(), before.region(), usageType(before), period(after, at), at);
    }

    @Override
    public void released(WriteBatch batch, Volume volume, Instant at) {
        meter.close(batch, volume.ownerId(), volume.region(), volume.id(), usageType(volume), at);
    }

    private static UsagePeriod period(Volume volume, Instant at) {
        return new UsagePeriod(volume.id(), usageType(volume), UsagePeriod.PricedAs.VOLUME_GIB_MONTHS,
                volume.type().wireName(), "OnDemand", volume.availabilityZone(), volume.sizeGiB(), at, null, 0);
    }

    private static String usageType(Volume volume) {
        return UsageTypes.volumeUsage(volume.region(), volume.type().wireName());
    }
}
