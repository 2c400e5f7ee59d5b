package dev.gureum.core.billing;

import dev.gureum.core.storage.Volume;
import java.util.ArrayList;
import java.util.List;

/**
 * What a provisioned volume is charged for each month, as usage types with quantities: its GiB
 * ({@code EBS:VolumeUsage.<type>}), and its provisioned performance beyond what the type includes — gp3's
 * IOPS above 3,000 ({@code EBS:VolumeP-IOPS.gp3}) and throughput above 125 MiB/s
 * ({@code EBS:VolumeP-Throughput.gp3}), io1's IOPS ({@code EBS:VolumeP-IOPS.piops}), and io2's IOPS in its three
 * price tiers ({@code EBS:VolumeP-IOPS.io2}, {@code .io2.tier2} above 32,000, {@code .io2.tier3} above 64,000).
 */
final class VolumeCharges {
    static final int GP3_FREE_IOPS = 3_000;
    static final int GP3_FREE_THROUGHPUT = 125;
    private static final int IO2_TIER_SIZE = 32_000;

    /**
     * One monthly charge: a usage type, how it is priced, what the rate card knows its price by (a volume type,
     * a storage charge's key) and how much of it the volume holds.
     */
    record Charge(String usageType, UsagePeriod.PricedAs pricedAs, String sku, long quantity) {
    }

    private VolumeCharges() {
    }

    static List<Charge> of(Volume volume) {
        String prefix = UsageTypes.prefix(volume.region());
        List<Charge> charges = new ArrayList<>(2);
        charges.add(new Charge(UsageTypes.volumeUsage(volume.region(), volume.type().wireName()),
                UsagePeriod.PricedAs.VOLUME_GIB_MONTHS, volume.type().wireName(), volume.sizeGiB()));
        int iops = volume.iops() == null ? 0 : volume.iops();
        switch (volume.type()) {
            case GP3 -> {
                int throughput = volume.throughput() == null ? GP3_FREE_THROUGHPUT : volume.throughput();
                add(charges, prefix + "EBS:VolumeP-IOPS.gp3", UsagePeriod.PricedAs.IOPS_MONTHS,
                        StorageCharge.GP3_IOPS, iops - GP3_FREE_IOPS);
                add(charges, prefix + "EBS:VolumeP-Throughput.gp3", UsagePeriod.PricedAs.THROUGHPUT_MONTHS,
                        StorageCharge.GP3_THROUGHPUT, throughput - GP3_FREE_THROUGHPUT);
            }
            case IO1 -> add(charges, prefix + "EBS:VolumeP-IOPS.piops", UsagePeriod.PricedAs.IOPS_MONTHS,
                    StorageCharge.IO1_IOPS, iops);
            case IO2 -> {
                add(charges, prefix + "EBS:VolumeP-IOPS.io2", UsagePeriod.PricedAs.IOPS_MONTHS,
                        StorageCharge.IO2_IOPS_UP_TO_32000, Math.min(iops, IO2_TIER_SIZE));
                add(charges, prefix + "EBS:VolumeP-IOPS.io2.tier2", UsagePeriod.PricedAs.IOPS_MONTHS,
                        StorageCharge.IO2_IOPS_UP_TO_64000, Math.min(iops - IO2_TIER_SIZE, IO2_TIER_SIZE));
                add(charges, prefix + "EBS:VolumeP-IOPS.io2.tier3", UsagePeriod.PricedAs.IOPS_MONTHS,
                        StorageCharge.IO2_IOPS_ABOVE_64000, iops - 2L * IO2_TIER_SIZE);
            }
            case GP2, ST1, SC1, STANDARD -> {
                // performance comes with the size
            }
        }
        return charges;
    }

    private static void add(List<Charge> charges, String usageType, UsagePeriod.PricedAs pricedAs, StorageCharge sku,
                            long quantity) {
        if (quantity > 0) {
            charges.add(new Charge(usageType, pricedAs, sku.key(), quantity));
        }
    }
}
