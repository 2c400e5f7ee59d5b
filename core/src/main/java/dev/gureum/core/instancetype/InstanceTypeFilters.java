package dev.gureum.core.instancetype;

import dev.gureum.core.filter.FilterSet;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Every filter DescribeInstanceTypes documents. Booleans match "true"/"false"; a decimal matches both its
 * plain spelling and Java's ("3" and "3.0"), since clients write either; an absent fact matches nothing.
 */
final class InstanceTypeFilters {
    private static final String EBS_PERFORMANCE = "ebs-info.ebs-optimized-info.";

    static final FilterSet<InstanceType> FILTERS = FilterSet.<InstanceType>builder()
            .single("auto-recovery-supported", type -> type.platform().autoRecoverySupported())
            .single("bare-metal", InstanceType::bareMetal)
            .single("burstable-performance-supported", InstanceType::burstable)
            .single("current-generation", InstanceType::currentGeneration)
            .single("dedicated-hosts-supported", type -> type.platform().dedicatedHostsSupported())
            .single("ebs-info.attachment-limit-type", type -> type.ebs().attachmentLimitType())
            .single("ebs-info.maximum-ebs-attachments", type -> type.ebs().maximumAttachments())
            .single(EBS_PERFORMANCE + "baseline-bandwidth-in-mbps",
                    ebs(InstanceType.EbsPerformance::baselineBandwidthMbps))
            .single(EBS_PERFORMANCE + "baseline-iops", ebs(InstanceType.EbsPerformance::baselineIops))
            .many(EBS_PERFORMANCE + "baseline-throughput-in-mbps",
                    decimals(ebs(InstanceType.EbsPerformance::baselineThroughputMegabytesPerSecond)))
            .single(EBS_PERFORMANCE + "maximum-bandwidth-in-mbps",
                    ebs(InstanceType.EbsPerformance::maximumBandwidthMbps))
            .single(EBS_PERFORMANCE + "maximum-iops", ebs(InstanceType.EbsPerformance::maximumIops))
            .many(EBS_PERFORMANCE + "maximum-throughput-in-mbps",
                    decimals(ebs(InstanceType.EbsPerformance::maximumThroughputMegabytesPerSecond)))
            .single("ebs-info.ebs-optimized-support", type -> type.ebs().optimizedSupport())
            .single("ebs-info.encryption-support", type -> type.ebs().encryptionSupport())
            .single("ebs-info.nvme-support", type -> type.ebs().nvmeSupport())
            .single("free-tier-eligible", InstanceType::freeTierEligible)
            .single("hibernation-supported", type -> type.platform().hibernationSupported())
            .single("hypervisor", InstanceType::hypervisor)
            .single("instance-storage-info.disk.count", storage(InstanceType.InstanceStorage::diskCount))
            .single("instance-storage-info.disk.size-in-gb", storage(InstanceType.InstanceStorage::diskSizeGigabytes))
            .single("instance-storage-info.disk.type", storage(InstanceType.InstanceStorage::diskType))
            .single("instance-storage-info.encryption-support",
                    storage(InstanceType.InstanceStorage::encryptionSupport))
            .single("instance-storage-info.nvme-support", storage(InstanceType.InstanceStorage::nvmeSupport))
            .single("instance-storage-info.total-size-in-gb", storage(InstanceType.InstanceStorage::totalSizeGigabytes))
            .single("instance-storage-supported", InstanceType::instanceStorageSupported)
            .single("instance-type", InstanceType::name)
            .single("memory-info.size-in-mib", InstanceType::memoryMebibytes)
            .many("network-info.bandwidth-weightings", type -> type.network().bandwidthWeightings())
            .single("network-info.efa-info.maximum-efa-interfaces",
                    type -> type.network().efaSupported() ? type.network().maximumEfaInterfaces() : null)
            .single("network-info.efa-supported", type -> type.network().efaSupported())
            .single("network-info.ena-support", type -> type.network().enaSupport())
            .single("network-info.encryption-in-transit-supported",
                    type -> type.network().encryptionInTransitSupported())
            .single("network-info.flexible-ena-queues-support", type -> type.network().flexibleEnaQueuesSupport())
            .single("network-info.ipv4-addresses-per-interface", type -> type.network().ipv4AddressesPerInterface())
            .single("network-info.ipv6-addresses-per-interface", type -> type.network().ipv6AddressesPerInterface())
            .single("network-info.ipv6-supported", type -> type.network().ipv6Supported())
            .single("network-info.maximum-network-cards", type -> type.network().maximumCards())
            .single("network-info.maximum-network-interfaces", type -> type.network().maximumInterfaces())
            .single("network-info.network-performance", type -> type.network().performance())
            .single("nitro-enclaves-support", type -> type.platform().nitroEnclavesSupport())
            .single("nitro-tpm-support", type -> type.platform().nitroTpmSupport())
            .many("nitro-tpm-info.supported-versions", type -> type.platform().nitroTpmVersions())
            .many("processor-info.supported-architecture", type -> type.processor().architectures())
            .many("processor-info.supported-features", type -> type.processor().features())
            .many("processor-info.sustained-clock-speed-in-ghz",
                    decimals(type -> type.processor().sustainedClockSpeedGigahertz()))
            .single("reboot-migration-support", type -> type.platform().rebootMigrationSupport())
            .many("supported-boot-mode", type -> type.platform().bootModes())
            .many("supported-root-device-type", type -> type.platform().rootDeviceTypes())
            .many("supported-usage-class", type -> type.platform().usageClasses())
            .many("supported-virtualization-type", type -> type.platform().virtualizationTypes())
            .single("vcpu-info.default-cores", type -> type.virtualCpus().defaultCores())
            .single("vcpu-info.default-threads-per-core", type -> type.virtualCpus().defaultThreadsPerCore())
            .single("vcpu-info.default-vcpus", type -> type.virtualCpus().defaultVcpus())
            .many("vcpu-info.valid-cores", type -> strings(type.virtualCpus().validCores()))
            .many("vcpu-info.valid-threads-per-core", type -> strings(type.virtualCpus().validThreadsPerCore()))
            .build();

    private InstanceTypeFilters() {
    }

    private static Function<InstanceType, Object> ebs(Function<InstanceType.EbsPerformance, Object> value) {
        return type -> type.ebs().performance() == null ? null : value.apply(type.ebs().performance());
    }

    private static Function<InstanceType, Object> storage(Function<InstanceType.InstanceStorage, Object> value) {
        return type -> type.instanceStorage() == null ? null : value.apply(type.instanceStorage());
    }

    private static Function<InstanceType, Collection<String>> decimals(Function<InstanceType, Object> value) {
        return type -> {
            Object found = value.apply(type);
            if (found == null) {
                return List.of();
            }
            double number = ((Number) found).doubleValue();
            Set<String> spellings = new LinkedHashSet<>();
            spellings.add(BigDecimal.valueOf(number).stripTrailingZeros().toPlainString());
            spellings.add(Double.toString(number));
            return spellings;
        };
    }

    private static List<String> strings(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).toList();
    }
}
