package dev.gureum.core.instance;

import dev.gureum.core.tag.Tag;
import dev.gureum.core.usage.OpenUsage;
import java.time.Instant;
import java.util.List;

/**
 * An EC2 instance as the control plane records it. Launch facts never change; state, reasons and the
 * attributes EC2 lets a caller modify change through the {@code with…} copies. {@code terminatedAt}
 * starts the one hour a terminated instance stays visible. {@code spot} is null for an on-demand instance.
 * {@code usage} is the running time being metered since the instance last became running (null while it is not
 * running, or nothing is metered): billing keeps it here so a transition writes no record of its own for it.
 * Leaving running drops it ({@link #withState}); what was metered is closed from the instance as it was.
 */
public record Instance(
        String id,
        String reservationId,
        String ownerId,
        String region,
        String availabilityZone,
        String imageId,
        String instanceType,
        String keyName,
        Instant launchTime,
        int amiLaunchIndex,
        String architecture,
        String platform,
        String platformDetails,
        String usageOperation,
        String rootDeviceName,
        String rootDeviceType,
        String userData,
        boolean monitoring,
        boolean ebsOptimized,
        boolean disableApiTermination,
        boolean disableApiStop,
        String shutdownBehavior,
        String cpuCredits,
        MetadataOptions metadataOptions,
        String clientToken,
        InstanceState state,
        String stateTransitionReason,
        StateReason stateReason,
        Instant terminatedAt,
        NetworkFacts network,
        List<Tag> tags,
        SpotFacts spot,
        OpenUsage usage) {

    /**
     * Where the instance sits in its VPC, fixed at launch: its subnet, its primary interface (which cannot
     * be detached) and that interface's primary private address. Public addresses and groups live on the
     * interface, since they change.
     */
    public record NetworkFacts(String vpcId, String subnetId, String primaryInterfaceId, String privateIpAddress) {
    }

    public Instance {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Whether the root device is an EBS volume (it can be stopped) rather than instance store. */
    public boolean ebsBacked() {
        return !"instance-store".equals(rootDeviceType);
    }

    public Instance withState(InstanceState newState, String transitionReason, StateReason reason, Instant now) {
        return new Instance(id, reservationId, ownerId, region, availabilityZone, imageId, instanceType, keyName,
                newState == InstanceState.PENDING && state == InstanceState.STOPPED ? now : launchTime,
                amiLaunchIndex, architecture, platform, platformDetails, usageOperation, rootDeviceName, rootDeviceType,
                userData, monitoring, ebsOptimized, disableApiTermination, disableApiStop, shutdownBehavior, cpuCredits,
                metadataOptions, clientToken, newState, transitionReason, reason,
                newState == InstanceState.TERMINATED ? now : terminatedAt, network, tags, spot,
                newState == InstanceState.RUNNING ? usage : null);
    }

    /** A copy whose open usage is {@code newUsage} (null: nothing is being metered). */
    public Instance withUsage(OpenUsage newUsage) {
        return new Instance(id, reservationId, ownerId, region, availabilityZone, imageId, instanceType, keyName,
                launchTime, amiLaunchIndex, architecture, platform, platformDetails, usageOperation, rootDeviceName,
                rootDeviceType, userData, monitoring, ebsOptimized, disableApiTermination, disableApiStop,
                shutdownBehavior, cpuCredits, metadataOptions, clientToken, state, stateTransitionReason, stateReason,
                terminatedAt, network, tags, spot, newUsage);
    }

    public Instance withTags(List<Tag> newTags) {
        return new Instance(id, reservationId, ownerId, region, availabilityZone, imageId, instanceType, keyName,
                launchTime, amiLaunchIndex, architecture, platform, platformDetails, usageOperation, rootDeviceName, rootDeviceType,
                userData, monitoring, ebsOptimized, disableApiTermination, disableApiStop, shutdownBehavior, cpuCredits,
                metadataOptions, clientToken, state, stateTransitionReason, stateReason, terminatedAt, network, newTags, spot, usage);
    }

    /** A copy with the modifiable attributes replaced (ModifyInstanceAttribute and friends). */
    public Instance withAttributes(InstanceAttributes attributes) {
        return new Instance(id, reservationId, ownerId, region, availabilityZone, imageId, attributes.instanceType(),
                keyName, launchTime, amiLaunchIndex, architecture, platform, platformDetails, usageOperation,
                rootDeviceName, rootDeviceType, attributes.userData(), attributes.monitoring(), attributes.ebsOptimized(),
                attributes.disableApiTermination(), attributes.disableApiStop(), attributes.shutdownBehavior(),
                attributes.cpuCredits(), metadataOptions, clientToken, state, stateTransitionReason, stateReason,
                terminatedAt, network, tags, spot, usage);
    }

    /** A copy with its Spot facts replaced (an interruption notice given or withdrawn). */
    public Instance withSpot(SpotFacts newSpot) {
        return new Instance(id, reservationId, ownerId, region, availabilityZone, imageId, instanceType, keyName,
                launchTime, amiLaunchIndex, architecture, platform, platformDetails, usageOperation, rootDeviceName,
                rootDeviceType, userData, monitoring, ebsOptimized, disableApiTermination, disableApiStop,
                shutdownBehavior, cpuCredits, metadataOptions, clientToken, state, stateTransitionReason, stateReason,
                terminatedAt, network, tags, newSpot, usage);
    }

    /** EC2's InstanceLifecycle: {@code spot} for a Spot Instance, null for on-demand. */
    public String lifecycle() {
        return spot == null ? null : "spot";
    }

    /** A copy with other instance metadata service options (ModifyInstanceMetadataOptions). */
    public Instance withMetadataOptions(MetadataOptions options) {
        return new Instance(id, reservationId, ownerId, region, availabilityZone, imageId, instanceType, keyName,
                launchTime, amiLaunchIndex, architecture, platform, platformDetails, usageOperation, rootDeviceName,
                rootDeviceType, userData, monitoring, ebsOptimized, disableApiTermination, disableApiStop,
                shutdownBehavior, cpuCredits, options, clientToken, state, stateTransitionReason, stateReason,
                terminatedAt, network, tags, spot, usage);
    }

    public InstanceAttributes attributes() {
        return new InstanceAttributes(instanceType, userData, monitoring, ebsOptimized, disableApiTermination,
                disableApiStop, shutdownBehavior, cpuCredits);
    }
}
