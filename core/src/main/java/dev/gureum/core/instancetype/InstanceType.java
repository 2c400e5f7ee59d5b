package dev.gureum.core.instancetype;

import java.util.List;

/**
 * One EC2 instance type and the facts DescribeInstanceTypes reports about it, grouped as AWS groups them.
 * Support words ("required", "supported", "default", ...) and list values keep AWS's spelling: they are
 * what filters match and clients read. A component documented as nullable is absent from the type.
 *
 * @param hypervisor "nitro" or "xen"; null for bare metal
 * @param instanceStorage null when the type has no instance store
 * @param gpu nullable
 * @param inferenceAccelerator nullable
 * @param neuronDevice nullable
 * @param burst null unless the type is a burstable T type
 */
public record InstanceType(String name, Category category, boolean currentGeneration, boolean freeTierEligible,
                           String hypervisor, VirtualCpus virtualCpus, long memoryMebibytes, Processor processor,
                           InstanceStorage instanceStorage, Ebs ebs, Network network, Accelerator gpu,
                           Accelerator inferenceAccelerator, NeuronDevice neuronDevice, Platform platform,
                           Burst burst) {

    /** The family, e.g. {@code m7i} of {@code m7i.large}, {@code u-6tb1} of {@code u-6tb1.56xlarge}. */
    public String family() {
        return name.substring(0, name.indexOf('.'));
    }

    public boolean bareMetal() {
        return hypervisor == null;
    }

    public boolean burstable() {
        return burst != null;
    }

    public boolean instanceStorageSupported() {
        return instanceStorage != null;
    }

    /** CPU credits earned per hour: one credit is one vCPU at 100% for a minute. */
    public double cpuCreditsPerHour() {
        return burst == null ? 0 : virtualCpus.defaultVcpus() * burst.baselinePercentPerVcpu() * 60 / 100;
    }

    /** Default and configurable vCPUs; an empty valid list means the type's CPU options cannot be changed. */
    public record VirtualCpus(int defaultVcpus, int defaultCores, int defaultThreadsPerCore, List<Integer> validCores,
                              List<Integer> validThreadsPerCore) {
        public VirtualCpus {
            validCores = List.copyOf(validCores);
            validThreadsPerCore = List.copyOf(validThreadsPerCore);
        }
    }

    /** @param sustainedClockSpeedGigahertz nullable */
    public record Processor(List<String> architectures, Double sustainedClockSpeedGigahertz, String manufacturer,
                            List<String> features) {
        public Processor {
            architectures = List.copyOf(architectures);
            features = List.copyOf(features);
        }
    }

    /** Identical local disks ({@code diskType} "ssd" or "hdd"). */
    public record InstanceStorage(int diskCount, long diskSizeGigabytes, String diskType, String nvmeSupport,
                                  String encryptionSupport) {
        public long totalSizeGigabytes() {
            return diskCount * diskSizeGigabytes;
        }
    }

    /** @param performance null unless the type is EBS-optimized ({@code optimizedSupport} not "unsupported") */
    public record Ebs(String optimizedSupport, EbsPerformance performance, String nvmeSupport, String encryptionSupport,
                      int maximumAttachments, String attachmentLimitType) {
    }

    /** Dedicated EBS bandwidth in megabits per second and I/O operations per second. */
    public record EbsPerformance(int baselineBandwidthMbps, int maximumBandwidthMbps, int baselineIops,
                                 int maximumIops) {
        public double baselineThroughputMegabytesPerSecond() {
            return baselineBandwidthMbps / 8.0;
        }

        public double maximumThroughputMegabytesPerSecond() {
            return maximumBandwidthMbps / 8.0;
        }
    }

    /**
     * Networking. The interfaces are split evenly between identical network cards; an IPv6 count of zero
     * means no IPv6 and an EFA count of zero means no Elastic Fabric Adapter.
     */
    public record Network(String performance, int maximumInterfaces, int maximumCards, String cardPerformance,
                          double cardBaselineGigabits, double cardPeakGigabits, int ipv4AddressesPerInterface,
                          int ipv6AddressesPerInterface, String enaSupport, int maximumEfaInterfaces,
                          boolean encryptionInTransitSupported, String flexibleEnaQueuesSupport,
                          List<String> bandwidthWeightings) {
        public Network {
            bandwidthWeightings = List.copyOf(bandwidthWeightings);
        }

        public int interfacesPerCard() {
            return maximumInterfaces / maximumCards;
        }

        public boolean ipv6Supported() {
            return ipv6AddressesPerInterface > 0;
        }

        public boolean efaSupported() {
            return maximumEfaInterfaces > 0;
        }
    }

    /** {@code count} identical GPUs or inference accelerators, each with {@code memoryMebibytesEach}. */
    public record Accelerator(int count, String manufacturer, String name, int memoryMebibytesEach) {
        public int totalMemoryMebibytes() {
            return count * memoryMebibytesEach;
        }
    }

    /** {@code count} identical AWS Neuron devices (Inferentia, Trainium). */
    public record NeuronDevice(int count, String name, int coresPerDevice, int coreVersion, int memoryMebibytesEach) {
        public int totalMemoryMebibytes() {
            return count * memoryMebibytesEach;
        }
    }

    /** How the type may be launched and what the platform around it supports. */
    public record Platform(List<String> usageClasses, List<String> rootDeviceTypes, List<String> virtualizationTypes,
                           List<String> bootModes, List<String> placementStrategies, boolean hibernationSupported,
                           boolean autoRecoverySupported, boolean dedicatedHostsSupported, String nitroEnclavesSupport,
                           String nitroTpmSupport, String rebootMigrationSupport) {
        public Platform {
            usageClasses = List.copyOf(usageClasses);
            rootDeviceTypes = List.copyOf(rootDeviceTypes);
            virtualizationTypes = List.copyOf(virtualizationTypes);
            bootModes = List.copyOf(bootModes);
            placementStrategies = List.copyOf(placementStrategies);
        }

        /** NitroTPM versions: "2.0" wherever NitroTPM is supported. */
        public List<String> nitroTpmVersions() {
            return "supported".equals(nitroTpmSupport) ? List.of("2.0") : List.of();
        }
    }

    /**
     * A burstable type's CPU credits: the baseline utilization per vCPU in percent and the credit option an
     * instance launches with ("standard" or "unlimited").
     */
    public record Burst(double baselinePercentPerVcpu, String defaultCpuCredits) {
    }
}
