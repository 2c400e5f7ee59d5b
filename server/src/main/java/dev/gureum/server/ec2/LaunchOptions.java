package dev.gureum.server.ec2;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.instancetype.InstanceType;
import dev.gureum.core.instancetype.InstanceTypeCatalog;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ec2.model.CapacityReservationSpecification;
import software.amazon.awssdk.services.ec2.model.CpuOptions;
import software.amazon.awssdk.services.ec2.model.CpuOptionsRequest;
import software.amazon.awssdk.services.ec2.model.InstanceMaintenanceOptions;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsResponse;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/**
 * RunInstances' options Gureum runs every instance with their default of: no hibernation, no Nitro Enclave, the
 * type's own cores and threads per core, default auto-recovery, IP-based host names, shared hosts outside placement
 * groups, open capacity reservations, IPv4 only, no instance profile (Gureum has no IAM), no launch template, no
 * license configuration and no kernel or RAM disk of its own. A launch asking for another
 * setting is refused rather than launched without it, and a Describe shows the settings instances run with.
 */
final class LaunchOptions {
    static final InstanceMaintenanceOptions DEFAULT_MAINTENANCE = InstanceMaintenanceOptions.builder()
            .autoRecovery("default").build();
    static final PrivateDnsNameOptionsResponse IP_NAMES = PrivateDnsNameOptionsResponse.builder()
            .hostnameType("ip-name").enableResourceNameDnsARecord(false).enableResourceNameDnsAAAARecord(false)
            .build();

    private static final Map<String, Optional<CpuOptions>> CPU_OPTIONS = new ConcurrentHashMap<>();

    private LaunchOptions() {
    }

    /** Refuses what Gureum does not run an instance with. */
    static void requireSupported(RunInstancesRequest request) {
        if (request.launchTemplate() != null) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum has no launch templates: launching from a"
                    + " LaunchTemplate is not supported.");
        }
        if (!request.licenseSpecifications().isEmpty()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum has no License Manager: LicenseSpecifications"
                    + " are not supported.");
        }
        if (request.kernelId() != null || request.ramdiskId() != null) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum runs HVM images only: a KernelId or RamdiskId is"
                    + " not supported.");
        }
        if (request.iamInstanceProfile() != null && (request.iamInstanceProfile().arn() != null
                || request.iamInstanceProfile().name() != null)) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum has no IAM: launching with an IamInstanceProfile"
                    + " is not supported.");
        }
        if (request.hibernationOptions() != null && Boolean.TRUE.equals(request.hibernationOptions().configured())) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum does not hibernate instances: HibernationOptions"
                    + " Configured=true is not supported.");
        }
        if (request.enclaveOptions() != null && Boolean.TRUE.equals(request.enclaveOptions().enabled())) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum does not run Nitro Enclaves: EnclaveOptions"
                    + " Enabled=true is not supported.");
        }
        if (request.maintenanceOptions() != null) {
            requireDefaultMaintenance(request.maintenanceOptions().autoRecoveryAsString(), null);
        }
        if (request.privateDnsNameOptions() != null) {
            requireIpNames(request.privateDnsNameOptions().hostnameTypeAsString(),
                    request.privateDnsNameOptions().enableResourceNameDnsARecord(),
                    request.privateDnsNameOptions().enableResourceNameDnsAAAARecord());
        }
        requireDefaultCpu(request.cpuOptions(), request.instanceTypeAsString());
        requireSharedPlacement(request.placement());
        if (request.capacityReservationSpecification() != null) {
            requireOpenCapacityReservations(request.capacityReservationSpecification());
        }
        if (request.ipv6AddressCount() != null && request.ipv6AddressCount() > 0
                || !request.ipv6Addresses().isEmpty()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum's networks are IPv4 only: IPv6 addresses are not"
                    + " supported.");
        }
    }

    /**
     * Instances run on shared hosts, outside placement groups (none can be made): Dedicated tenancy, hosts and
     * placement settings are refused, and a placement group is unknown.
     */
    private static void requireSharedPlacement(Placement placement) {
        if (placement == null) {
            return;
        }
        if (placement.groupName() != null && !placement.groupName().isEmpty() || placement.groupId() != null) {
            String group = placement.groupName() != null ? placement.groupName() : placement.groupId();
            throw Ec2Error.INVALID_PLACEMENT_GROUP_UNKNOWN.exception("The specified placement group '" + group
                    + "' does not exist.");
        }
        if (placement.tenancy() != null && !"default".equals(placement.tenancyAsString())
                || placement.hostId() != null || placement.hostResourceGroupArn() != null
                || placement.affinity() != null || placement.partitionNumber() != null
                || placement.spreadDomain() != null) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum runs instances on shared hosts only: Dedicated"
                    + " tenancy, hosts and partitions are not supported.");
        }
    }

    /** Auto-recovery and reboot migration at their default (null: not given). */
    static void requireDefaultMaintenance(String autoRecovery, String rebootMigration) {
        if (autoRecovery != null && !"default".equals(autoRecovery)
                || rebootMigration != null && !"default".equals(rebootMigration)) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum keeps AutoRecovery and RebootMigration at their"
                    + " default.");
        }
    }

    /** Host names from IP addresses, without resource-name DNS records (null: not given). */
    static void requireIpNames(String hostnameType, Boolean resourceNameA, Boolean resourceNameAaaa) {
        if (hostnameType != null && !"ip-name".equals(hostnameType) || Boolean.TRUE.equals(resourceNameA)
                || Boolean.TRUE.equals(resourceNameAaaa)) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum names instances by their IP addresses only:"
                    + " host name type ip-name without resource-name DNS records.");
        }
    }

    /** Open capacity reservations, the default: there are none to target or to keep out of. */
    static void requireOpenCapacityReservations(CapacityReservationSpecification specification) {
        if (specification.capacityReservationPreference() != null
                && !"open".equals(specification.capacityReservationPreferenceAsString())
                || specification.capacityReservationTarget() != null) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum has no Capacity Reservations: only the open"
                    + " preference is supported.");
        }
    }

    /**
     * The cores and threads an instance of the type runs with: the type's defaults; null for an unknown type. Made
     * once per type, since every instance a Describe shows carries them.
     */
    static CpuOptions cpuOptions(String instanceType) {
        return CPU_OPTIONS.computeIfAbsent(instanceType, name -> type(name).map(type -> CpuOptions.builder()
                .coreCount(type.virtualCpus().defaultCores()).threadsPerCore(type.virtualCpus().defaultThreadsPerCore())
                .build())).orElse(null);
    }

    private static void requireDefaultCpu(CpuOptionsRequest requested, String instanceTypeName) {
        if (requested == null || requested.coreCount() == null && requested.threadsPerCore() == null) {
            return;
        }
        Optional<InstanceType> type = type(instanceTypeName == null ? "m1.small" : instanceTypeName);
        if (type.isEmpty()) {
            return;
        }
        InstanceType.VirtualCpus cpus = type.get().virtualCpus();
        boolean defaultCores = requested.coreCount() == null || requested.coreCount() == cpus.defaultCores();
        boolean defaultThreads = requested.threadsPerCore() == null
                || requested.threadsPerCore() == cpus.defaultThreadsPerCore();
        if (!defaultCores || !defaultThreads) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum runs instances with their type's default CPU options"
                    + " (" + cpus.defaultCores() + " cores, " + cpus.defaultThreadsPerCore() + " threads per core for "
                    + type.get().name() + "); CoreCount=" + requested.coreCount() + ", ThreadsPerCore="
                    + requested.threadsPerCore() + " is not supported.");
        }
    }

    private static Optional<InstanceType> type(String name) {
        return InstanceTypeCatalog.load().find(name);
    }
}
