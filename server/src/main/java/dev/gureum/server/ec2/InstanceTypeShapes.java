package dev.gureum.server.ec2;

import dev.gureum.core.instancetype.InstanceType;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.ec2.model.DiskInfo;
import software.amazon.awssdk.services.ec2.model.EbsInfo;
import software.amazon.awssdk.services.ec2.model.EbsOptimizedInfo;
import software.amazon.awssdk.services.ec2.model.EfaInfo;
import software.amazon.awssdk.services.ec2.model.GpuDeviceInfo;
import software.amazon.awssdk.services.ec2.model.GpuDeviceMemoryInfo;
import software.amazon.awssdk.services.ec2.model.GpuInfo;
import software.amazon.awssdk.services.ec2.model.InferenceAcceleratorInfo;
import software.amazon.awssdk.services.ec2.model.InferenceDeviceInfo;
import software.amazon.awssdk.services.ec2.model.InferenceDeviceMemoryInfo;
import software.amazon.awssdk.services.ec2.model.InstanceStorageInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.MemoryInfo;
import software.amazon.awssdk.services.ec2.model.NetworkCardInfo;
import software.amazon.awssdk.services.ec2.model.NetworkInfo;
import software.amazon.awssdk.services.ec2.model.NeuronDeviceCoreInfo;
import software.amazon.awssdk.services.ec2.model.NeuronDeviceInfo;
import software.amazon.awssdk.services.ec2.model.NeuronDeviceMemoryInfo;
import software.amazon.awssdk.services.ec2.model.NeuronInfo;
import software.amazon.awssdk.services.ec2.model.NitroTpmInfo;
import software.amazon.awssdk.services.ec2.model.PlacementGroupInfo;
import software.amazon.awssdk.services.ec2.model.ProcessorInfo;
import software.amazon.awssdk.services.ec2.model.VCpuInfo;

/**
 * An {@link InstanceType} as the SDK's InstanceTypeInfo. A fact the type lacks is left out, and an empty
 * list is never set: EC2 omits both rather than sending empty elements.
 */
final class InstanceTypeShapes {
    private InstanceTypeShapes() {
    }

    static InstanceTypeInfo info(InstanceType type, boolean supportedInRegion) {
        InstanceType.Platform platform = type.platform();
        InstanceTypeInfo.Builder info = InstanceTypeInfo.builder()
                .instanceType(type.name())
                .currentGeneration(type.currentGeneration())
                .freeTierEligible(type.freeTierEligible())
                .supportedUsageClassesWithStrings(platform.usageClasses())
                .supportedRootDeviceTypesWithStrings(platform.rootDeviceTypes())
                .supportedVirtualizationTypesWithStrings(platform.virtualizationTypes())
                .bareMetal(type.bareMetal())
                .hypervisor(type.hypervisor())
                .processorInfo(processor(type.processor()))
                .vCpuInfo(virtualCpus(type.virtualCpus()))
                .memoryInfo(MemoryInfo.builder().sizeInMiB(type.memoryMebibytes()).build())
                .instanceStorageSupported(type.instanceStorageSupported())
                .ebsInfo(ebs(type.ebs()))
                .networkInfo(network(type.network()))
                .placementGroupInfo(PlacementGroupInfo.builder()
                        .supportedStrategiesWithStrings(platform.placementStrategies()).build())
                .hibernationSupported(platform.hibernationSupported())
                .burstablePerformanceSupported(type.burstable())
                .dedicatedHostsSupported(platform.dedicatedHostsSupported())
                .autoRecoverySupported(platform.autoRecoverySupported())
                .supportedBootModesWithStrings(platform.bootModes())
                .nitroEnclavesSupport(platform.nitroEnclavesSupport())
                .nitroTpmSupport(platform.nitroTpmSupport())
                .rebootMigrationSupport(platform.rebootMigrationSupport())
                .supportedInRegion(supportedInRegion);
        if (!platform.nitroTpmVersions().isEmpty()) {
            info.nitroTpmInfo(NitroTpmInfo.builder().supportedVersions(platform.nitroTpmVersions()).build());
        }
        if (type.instanceStorage() != null) {
            info.instanceStorageInfo(instanceStorage(type.instanceStorage()));
        }
        if (type.gpu() != null) {
            info.gpuInfo(gpus(type.gpu()));
        }
        if (type.inferenceAccelerator() != null) {
            info.inferenceAcceleratorInfo(inferenceAccelerators(type.inferenceAccelerator()));
        }
        if (type.neuronDevice() != null) {
            info.neuronInfo(neuronDevices(type.neuronDevice()));
        }
        return info.build();
    }

    private static ProcessorInfo processor(InstanceType.Processor processor) {
        ProcessorInfo.Builder info = ProcessorInfo.builder()
                .supportedArchitecturesWithStrings(processor.architectures())
                .sustainedClockSpeedInGhz(processor.sustainedClockSpeedGigahertz())
                .manufacturer(processor.manufacturer());
        if (!processor.features().isEmpty()) {
            info.supportedFeaturesWithStrings(processor.features());
        }
        return info.build();
    }

    private static VCpuInfo virtualCpus(InstanceType.VirtualCpus cpus) {
        VCpuInfo.Builder info = VCpuInfo.builder()
                .defaultVCpus(cpus.defaultVcpus())
                .defaultCores(cpus.defaultCores())
                .defaultThreadsPerCore(cpus.defaultThreadsPerCore());
        if (!cpus.validCores().isEmpty()) {
            info.validCores(cpus.validCores()).validThreadsPerCore(cpus.validThreadsPerCore());
        }
        return info.build();
    }

    private static InstanceStorageInfo instanceStorage(InstanceType.InstanceStorage storage) {
        return InstanceStorageInfo.builder()
                .totalSizeInGB(storage.totalSizeGigabytes())
                .disks(DiskInfo.builder().count(storage.diskCount()).sizeInGB(storage.diskSizeGigabytes())
                        .type(storage.diskType()).build())
                .nvmeSupport(storage.nvmeSupport())
                .encryptionSupport(storage.encryptionSupport())
                .build();
    }

    private static EbsInfo ebs(InstanceType.Ebs ebs) {
        EbsInfo.Builder info = EbsInfo.builder()
                .ebsOptimizedSupport(ebs.optimizedSupport())
                .encryptionSupport(ebs.encryptionSupport())
                .nvmeSupport(ebs.nvmeSupport())
                .maximumEbsAttachments(ebs.maximumAttachments())
                .attachmentLimitType(ebs.attachmentLimitType());
        InstanceType.EbsPerformance performance = ebs.performance();
        if (performance != null) {
            info.ebsOptimizedInfo(EbsOptimizedInfo.builder()
                    .baselineBandwidthInMbps(performance.baselineBandwidthMbps())
                    .baselineThroughputInMBps(performance.baselineThroughputMegabytesPerSecond())
                    .baselineIops(performance.baselineIops())
                    .maximumBandwidthInMbps(performance.maximumBandwidthMbps())
                    .maximumThroughputInMBps(performance.maximumThroughputMegabytesPerSecond())
                    .maximumIops(performance.maximumIops())
                    .build());
        }
        return info.build();
    }

    private static NetworkInfo network(InstanceType.Network network) {
        List<NetworkCardInfo> cards = IntStream.range(0, network.maximumCards())
                .mapToObj(index -> NetworkCardInfo.builder()
                        .networkCardIndex(index)
                        .networkPerformance(network.cardPerformance())
                        .maximumNetworkInterfaces(network.interfacesPerCard())
                        .baselineBandwidthInGbps(network.cardBaselineGigabits())
                        .peakBandwidthInGbps(network.cardPeakGigabits())
                        .build())
                .toList();
        NetworkInfo.Builder info = NetworkInfo.builder()
                .networkPerformance(network.performance())
                .maximumNetworkInterfaces(network.maximumInterfaces())
                .maximumNetworkCards(network.maximumCards())
                .defaultNetworkCardIndex(0)
                .networkCards(cards)
                .ipv4AddressesPerInterface(network.ipv4AddressesPerInterface())
                .ipv6AddressesPerInterface(network.ipv6AddressesPerInterface())
                .ipv6Supported(network.ipv6Supported())
                .enaSupport(network.enaSupport())
                .efaSupported(network.efaSupported())
                .encryptionInTransitSupported(network.encryptionInTransitSupported())
                .flexibleEnaQueuesSupport(network.flexibleEnaQueuesSupport());
        if (network.efaSupported()) {
            info.efaInfo(EfaInfo.builder().maximumEfaInterfaces(network.maximumEfaInterfaces()).build());
        }
        if (!network.bandwidthWeightings().isEmpty()) {
            info.bandwidthWeightingsWithStrings(network.bandwidthWeightings());
        }
        return info.build();
    }

    private static GpuInfo gpus(InstanceType.Accelerator gpu) {
        return GpuInfo.builder()
                .gpus(GpuDeviceInfo.builder().name(gpu.name()).manufacturer(gpu.manufacturer()).count(gpu.count())
                        .memoryInfo(GpuDeviceMemoryInfo.builder().sizeInMiB(gpu.memoryMebibytesEach()).build())
                        .build())
                .totalGpuMemoryInMiB(gpu.totalMemoryMebibytes())
                .build();
    }

    private static InferenceAcceleratorInfo inferenceAccelerators(InstanceType.Accelerator accelerator) {
        return InferenceAcceleratorInfo.builder()
                .accelerators(InferenceDeviceInfo.builder().name(accelerator.name())
                        .manufacturer(accelerator.manufacturer()).count(accelerator.count())
                        .memoryInfo(InferenceDeviceMemoryInfo.builder().sizeInMiB(accelerator.memoryMebibytesEach())
                                .build())
                        .build())
                .totalInferenceMemoryInMiB(accelerator.totalMemoryMebibytes())
                .build();
    }

    private static NeuronInfo neuronDevices(InstanceType.NeuronDevice device) {
        return NeuronInfo.builder()
                .neuronDevices(NeuronDeviceInfo.builder().name(device.name()).count(device.count())
                        .coreInfo(NeuronDeviceCoreInfo.builder().count(device.coresPerDevice())
                                .version(device.coreVersion()).build())
                        .memoryInfo(NeuronDeviceMemoryInfo.builder().sizeInMiB(device.memoryMebibytesEach()).build())
                        .build())
                .totalNeuronDeviceMemoryInMiB(device.totalMemoryMebibytes())
                .build();
    }
}
