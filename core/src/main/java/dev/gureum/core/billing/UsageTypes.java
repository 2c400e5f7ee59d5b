package dev.gureum.core.billing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage types as AWS's cost and usage report spells them: a region code prefix (none for us-east-1), then
 * {@code BoxUsage:<type>} for on-demand instance time, {@code SpotUsage:<type>} for Spot Instance time, {@code EBS:VolumeUsage.<type>} for provisioned
 * storage, {@code PublicIPv4:InUseAddress} / {@code IdleAddress} for public IPv4 addresses,
 * {@code HeavyUsage:<type>} for a reservation's fees (recurring and upfront), {@code ComputeSP:<term><payment>}
 * and {@code EC2SP:<family>.<term><payment>} for a Savings Plan's fees.
 */
public final class UsageTypes {
    private static final Map<String, String> REGION_CODES = Map.ofEntries(
            Map.entry("us-east-1", ""), Map.entry("us-east-2", "USE2-"), Map.entry("us-west-1", "USW1-"),
            Map.entry("us-west-2", "USW2-"), Map.entry("ca-central-1", "CAN1-"), Map.entry("ca-west-1", "CAN2-"),
            Map.entry("eu-west-1", "EU-"), Map.entry("eu-west-2", "EUW2-"), Map.entry("eu-west-3", "EUW3-"),
            Map.entry("eu-central-1", "EUC1-"), Map.entry("eu-central-2", "EUC2-"), Map.entry("eu-north-1", "EUN1-"),
            Map.entry("eu-south-1", "EUS1-"), Map.entry("eu-south-2", "EUS2-"), Map.entry("ap-northeast-1", "APN1-"),
            Map.entry("ap-northeast-2", "APN2-"), Map.entry("ap-northeast-3", "APN3-"),
            Map.entry("ap-southeast-1", "APS1-"), Map.entry("ap-southeast-2", "APS2-"),
            Map.entry("ap-southeast-3", "APS4-"), Map.entry("ap-southeast-4", "APS6-"),
            Map.entry("ap-south-1", "APS3-"), Map.entry("ap-south-2", "APS5-"), Map.entry("ap-east-1", "APE1-"),
            Map.entry("sa-east-1", "SAE1-"), Map.entry("me-south-1", "MES1-"), Map.entry("me-central-1", "MEC1-"),
            Map.entry("af-south-1", "AFS1-"), Map.entry("il-central-1", "ILC1-"), Map.entry("mx-central-1", "MXC1-"),
            Map.entry("ap-east-2", "APE2-"), Map.entry("ap-southeast-5", "APS7-"), Map.entry("ap-southeast-6", "APS8-"),
            Map.entry("ap-southeast-7", "APS9-"));

    private static final Spellings BOX_USAGE = new Spellings("BoxUsage:");
    private static final Spellings SPOT_USAGE = new Spellings("SpotUsage:");
    private static final Spellings PUBLIC_IPV4 = new Spellings("PublicIPv4:") {
        @Override
        String prefixOf(String region) {
            return region.equals("us-east-1") ? "USE1-" : prefix(region);
        }
    };

    private UsageTypes() {
    }

    public static String boxUsage(String region, String instanceType) {
        return BOX_USAGE.of(region, instanceType);
    }

    /** A Spot Instance's time, as the cost and usage report spells it. */
    public static String spotUsage(String region, String instanceType) {
        return SPOT_USAGE.of(region, instanceType);
    }

    public static String heavyUsage(String region, String instanceType) {
        return prefix(region) + "HeavyUsage:" + instanceType;
    }

    /**
     * A Savings Plan's fees, as the report spells them: {@code ComputeSP:1yrPartialUpfront} (a Compute plan
     * belongs to no region), {@code USE2-EC2SP:t3.1yrPartialUpfront} (an EC2 Instance plan, with its region's
     * prefix).
     */
    public static String savingsPlan(String region, String family, String termAndPayment) {
        return region == null ? "ComputeSP:" + termAndPayment : prefix(region) + "EC2SP:" + family + "." + termAndPayment;
    }

    /** Magnetic (standard) volumes have no suffix and io1 is {@code piops}, as the report spells them. */
    public static String volumeUsage(String region, String volumeType) {
        String suffix = switch (volumeType) {
            case "standard" -> "";
            case "io1" -> ".piops";
            default -> "." + volumeType;
        };
        return prefix(region) + "EBS:VolumeUsage" + suffix;
    }

    public static String snapshotUsage(String region) {
        return prefix(region) + "EBS:SnapshotUsage";
    }

    /**
     * A public IPv4 address held, in use by a resource or idle (an Elastic IP associated with nothing). These
     * newer VPC usage types carry a prefix in us-east-1 too ({@code USE1-}).
     */
    public static String publicIpv4(String region, boolean inUse) {
        return PUBLIC_IPV4.of(region, inUse ? "InUseAddress" : "IdleAddress");
    }

    /**
     * The usage types of one family spelled once per region and name (an instance type, an address's use):
     * metering asks for one at every stop of an instance. Bounded by the regions and instance types there are.
     */
    private static class Spellings {
        private final String family;
        private final Map<String, Map<String, String>> byRegion = new ConcurrentHashMap<>();

        Spellings(String family) {
            this.family = family;
        }

        final String of(String region, String name) {
            Map<String, String> spelled = byRegion.get(region);
            if (spelled == null) {
                spelled = byRegion.computeIfAbsent(region, unused -> new ConcurrentHashMap<>());
            }
            String usageType = spelled.get(name);
            return usageType != null ? usageType : spelled.computeIfAbsent(name, unused -> prefixOf(region) + family + name);
        }

        String prefixOf(String region) {
            return prefix(region);
        }
    }

    /** The region's code prefix; a region without a known code is spelled out, never silently merged. */
    static String prefix(String region) {
        String code = REGION_CODES.get(region);
        return code != null ? code : region + "-";
    }
}
