package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.keypair.WindowsPasswords;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.runtime.LaunchSpec;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.network.NetworkInterfaceService;
import dev.gureum.core.network.Subnet;
import dev.gureum.core.storage.Volume;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * RunInstances: validates a launch against the image, type, zone, key pair and quotas, records the new
 * pending instances with their reservation durably, then asks the runtime to bring each up. A repeated
 * ClientToken returns the reservation it made; the same token with a different request is refused.
 */
public final class InstanceLaunches {
    static final int MAX_USER_DATA_BYTES = 16 * 1024;
    private static final int ATTEMPTS = 5;

    private final Store store;
    private final RegionCatalog regions;
    private final LaunchCatalog catalog;
    private final Quotas quotas;
    private final InstanceRuntime runtime;
    private volatile InstanceDisks disks;
    private final InstanceUsage usage;
    private final NetworkInterfaceService network;
    private final LaunchVolumes volumes;
    private final CapacityHolds holds;
    private volatile CapacityReclaim reclaim = CapacityReclaim.NONE;

    public InstanceLaunches(Store store, RegionCatalog regions, LaunchCatalog catalog, Quotas quotas,
                            InstanceRuntime runtime, InstanceUsage usage, NetworkInterfaceService network,
                            LaunchVolumes volumes) {
        this(store, regions, catalog, quotas, runtime, usage, network, volumes, CapacityHolds.NONE);
    }

    /** As above, with capacity that zonal reservations hold for their owners ({@code holds}). */
    public InstanceLaunches(Store store, RegionCatalog regions, LaunchCatalog catalog, Quotas quotas,
                            InstanceRuntime runtime, InstanceUsage usage, NetworkInterfaceService network,
                            LaunchVolumes volumes, CapacityHolds holds) {
        this.holds = holds;
        this.store = store;
        this.regions = regions;
        this.catalog = catalog;
        this.quotas = quotas;
        this.runtime = runtime;
        this.usage = usage;
        this.network = network;
        this.volumes = volumes;
    }

    /** Spot Instances are made after launches exist, so their reclaim is attached afterwards. */
    public void reclaimWith(CapacityReclaim attached) {
        this.reclaim = attached;
    }

    /** Where a launched instance's disks besides the root come from (none until told). */
    public void describeDisksWith(InstanceDisks instanceDisks) {
        this.disks = instanceDisks;
    }

    /** The launched (or, for a repeated token, previously launched) instances of one reservation. */
    public List<Instance> launch(RequestContext context, LaunchRequest request) {
        return launch(context, request, null);
    }

    /** As above; {@code spot} non-null launches Spot Instances (see {@link SpotLaunch}). */
    public List<Instance> launch(RequestContext context, LaunchRequest request, SpotLaunch spot) {
        Optional<List<Instance>> repeated = repeatedToken(context, request);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        validateCounts(request);
        if (request.shutdownBehavior() != null) {
            ShutdownBehaviors.require(request.shutdownBehavior());
        }
        if (request.imageId() == null || request.imageId().isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter ImageId");
        }
        LaunchCatalog.ImageFacts image = catalog.image(context, request.imageId());
        String typeName = request.instanceType() == null ? "m1.small" : request.instanceType();
        LaunchCatalog.TypeFacts type = catalog.type(typeName);
        if (!type.architectures().contains(image.architecture())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The architecture '" + String.join(", ", type.architectures())
                    + "' of the specified instance type does not match the architecture '" + image.architecture()
                    + "' of the specified AMI. Specify an instance type and an AMI that have matching architectures,"
                    + " and try again.");
        }
        if (request.cpuCredits() != null) {
            InstanceModifications.requireCreditOption(request.cpuCredits());
            if (!type.burstable()) {
                throw Ec2Error.CREDIT_SPECIFICATION_NOT_SUPPORTED.exception("The " + typeName + " instance type"
                        + " does not support CPU credits; CreditSpecification is for burstable (T) types.");
            }
        }
        List<LaunchVolumes.Planned> volumePlan = volumes.plan(context, image, request.blockDevices());
        String publicKey = request.keyName() == null ? null : catalog.publicKey(context, request.keyName());
        byte[] userData = decodeUserData(request.userData());
        for (List<Tag> tags : List.of(request.instanceTags(), request.volumeTags(), request.interfaceTags())) {
            TagRules.validate(tags);
            TagRules.merge(List.of(), tags);
        }
        Optional<Subnet> requestedSubnet = network.requestedSubnet(context, request.network());
        Zone zone = requestedSubnet.isPresent() ? subnetZone(context, requestedSubnet.get(), type)
                : placement(context, request, type);
        Subnet subnet = requestedSubnet.orElseGet(() -> network.defaultSubnet(context, zone.name()));
        List<String> groups = network.launchGroups(context, subnet, request.network());
        boolean mapPublic = request.network().associatePublicIpAddress() != null
                ? request.network().associatePublicIpAddress() : subnet.mapPublicIpOnLaunch();
        int count = launchableCount(context, request, type, zone, spot != null);
        for (int attempt = 1; ; attempt++) {
            try {
                List<Instance> launched = record(context, request, image, type, zone, count,
                        new Placement(subnet, groups, mapPublic), volumePlan, publicKey, userData, spot);
                if (spot == null && !context.dryRun()) {
                    reclaimSpotCapacity(context, zone);
                }
                return launched;
            } catch (VersionConflictException subnetChangedMeanwhile) {
                Optional<List<Instance>> sameTokenMeanwhile = repeatedToken(context, request);
                if (sameTokenMeanwhile.isPresent()) {
                    return sameTokenMeanwhile.get();
                }
                if (attempt == ATTEMPTS) {
                    throw Ec2Error.INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET.exception("The subnet " + subnet.id()
                            + " is too busy to hand out addresses; retry the request.");
                }
            }
        }
    }

    /** Where in the network a launch's instances go: the subnet, their groups, whether they get public addresses. */
    private record Placement(Subnet subnet, List<String> groups, boolean mapPublic) {
    }

    /**
     * Takes the addresses and writes the instances, their interfaces, their volumes and the client token in
     * one batch; the volumes' bytes are made just before it and freed again if it loses a race.
     */
    private List<Instance> record(RequestContext context, LaunchRequest request, LaunchCatalog.ImageFacts image,
                                  LaunchCatalog.TypeFacts type, Zone zone, int count, Placement placement,
                                  List<LaunchVolumes.Planned> volumePlan, String publicKey, byte[] userData,
                                  SpotLaunch spot) {
        List<String> ids = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            ids.add(ResourceIds.next(IdKind.INSTANCE));
        }
        WriteBatch batch = new WriteBatch();
        List<NetworkInterface> interfaces = network.launchInterfaces(context, batch, placement.subnet(),
                placement.groups(), request.network(), placement.mapPublic(), ids, request.interfaceTags());
        List<Instance> launched = create(context, request, image, type, zone, ids, interfaces, spot);
        List<Volume> instanceVolumes = new ArrayList<>(count * volumePlan.size());
        for (Instance instance : launched) {
            batch.put(InstanceRecords.INSTANCES, key(context, instance.id()), WriteBatch.ABSENT, instance);
            if ("windows".equals(instance.platform())) {
                WindowsPasswords.encryptedFor(publicKey).ifPresent(data -> batch.put(InstanceRecords.PASSWORDS,
                        key(context, instance.id()), WriteBatch.ABSENT, new InstancePassword(data)));
            }
            for (Volume volume : volumes.volumes(context, zone.name(), instance.id(), volumePlan)) {
                volume = request.volumeTags().isEmpty() ? volume : volume.withTags(request.volumeTags());
                volumes.record(batch, context, volume);
                instanceVolumes.add(volume);
            }
        }
        if (request.clientToken() != null && !request.clientToken().isEmpty()) {
            batch.put(InstanceRecords.CLIENT_TOKENS, key(context, request.clientToken()), WriteBatch.ABSENT,
                    new ClientTokenRecord(request.clientToken(), launched.get(0).reservationId(), request.fingerprint(),
                            launched.stream().map(Instance::id).toList()));
        }
        if (spot != null) {
            spot.alsoWrite().accept(batch, launched);
        }
        if (!context.dryRun()) {
            volumes.makeBytes(instanceVolumes);
        }
        try {
            Writes.commit(store, context, batch, () -> afterLaunch(launched, type, image, publicKey, userData,
                    placement.subnet().cidrBlock()));
        } catch (RuntimeException notRecorded) {
            volumes.discard(instanceVolumes);
            throw notRecorded;
        }
        return launched;
    }

    private void afterLaunch(List<Instance> launched, LaunchCatalog.TypeFacts type, LaunchCatalog.ImageFacts image,
                             String publicKey, byte[] userData, String subnetBlock) {
        launched.forEach(instance -> usage.changed(null, instance));
        volumes.prepareInstanceStore(launched, type);
        InstanceDisks known = disks;
        runtime.launch(launched.stream().map(instance -> {
            LaunchSpec spec = InstanceSpecs.of(store, instance, type, image, publicKey, userData, subnetBlock);
            return known == null ? spec : spec.withDisks(known.of(instance));
        }).toList());
    }

    private Optional<List<Instance>> repeatedToken(RequestContext context, LaunchRequest request) {
        if (request.clientToken() == null || request.clientToken().isEmpty()) {
            return Optional.empty();
        }
        return store.get(InstanceRecords.CLIENT_TOKENS, key(context, request.clientToken())).map(token -> {
            if (!token.value().requestFingerprint().equals(request.fingerprint())) {
                throw Ec2Error.IDEMPOTENT_PARAMETER_MISMATCH.exception("The client token you have provided is"
                        + " associated with a resource that is already deleted or a request with different parameters."
                        + " Please use a different client token.");
            }
            return token.value().instanceIds().stream()
                    .map(id -> store.get(InstanceRecords.INSTANCES, key(context, id)))
                    .flatMap(Optional::stream).map(Versioned::value).toList();
        });
    }

    private static void validateCounts(LaunchRequest request) {
        if (request.minCount() < 1) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + request.minCount()
                    + ") for parameter minCount is invalid. Expected a value greater than or equal to 1.");
        }
        if (request.maxCount() < request.minCount()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + request.maxCount()
                    + ") for parameter maxCount is invalid. Expected a value greater than or equal to minCount ("
                    + request.minCount() + ").");
        }
    }

    /** User data as sent (base64), decoded and held to EC2's 16 KB limit. */
    static byte[] decodeUserData(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return new byte[0];
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid BASE64 encoding of user data.");
        }
        if (bytes.length > MAX_USER_DATA_BYTES) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("User data is limited to " + MAX_USER_DATA_BYTES + " bytes");
        }
        return bytes;
    }

    /** The requested zone, or the offering zone where the account has the fewest instances. */
    private Zone placement(RequestContext context, LaunchRequest request, LaunchCatalog.TypeFacts type) {
        Region region = regions.find(context.region()).orElseThrow();
        if (request.availabilityZone() != null && !request.availabilityZone().isEmpty()) {
            Zone zone = region.availabilityZones().stream()
                    .filter(candidate -> candidate.name().equals(request.availabilityZone())).findFirst()
                    .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.exception(
                            "Invalid availability zone: [" + request.availabilityZone() + "]"));
            if (!catalog.offered(type.name(), zone.name())) {
                throw TypeOfferings.notInZone(catalog, region, type.name(), zone.name());
            }
            return zone;
        }
        return region.availabilityZones().stream()
                .filter(zone -> catalog.offered(type.name(), zone.name()))
                .min(Comparator.comparingLong((Zone zone) -> usage.instances(context.account(), region.name(), zone.name()))
                        .thenComparing(Zone::name))
                .orElseThrow(() -> TypeOfferings.notInRegion(type.name(), region.name()));
    }

    /**
     * An on-demand launch that took capacity Spot Instances held has them interrupted until the zone is within
     * its capacity again.
     */
    private void reclaimSpotCapacity(RequestContext context, Zone zone) {
        long excess = usage.vcpus(zone.regionName(), zone.name())
                + holds.vcpusHeldForOthers(context.account(), zone.regionName(), zone.name()) - quotas.zoneCapacityVcpus();
        if (excess > 0) {
            reclaim.reclaim(zone.regionName(), zone.name(), excess);
        }
    }

    /**
     * As many as MaxCount allows within the quotas, the zone's capacity and the runtime's host ({@link HostRoom}),
     * and at least MinCount or a refusal. An on-demand launch may take the zone capacity Spot Instances hold; a
     * Spot launch only what is spare. The host's room is what is spare for both.
     */
    private int launchableCount(RequestContext context, LaunchRequest request, LaunchCatalog.TypeFacts type,
                                Zone zone, boolean spot) {
        long allowedByQuota = quotas.maxInstances() - usage.instances(context.account(), context.region());
        if (allowedByQuota < request.minCount()) {
            throw Ec2Error.INSTANCE_LIMIT_EXCEEDED.exception("Your quota allows for " + Math.max(0, allowedByQuota)
                    + " more running instance(s). You requested at least " + request.minCount());
        }
        long usedVcpus = usage.vcpus(zone.regionName(), zone.name())
                + holds.vcpusHeldForOthers(context.account(), zone.regionName(), zone.name())
                - (spot ? 0 : reclaim.spotVcpus(zone.regionName(), zone.name()));
        long allowedByCapacity = Math.min((quotas.zoneCapacityVcpus() - usedVcpus) / type.vcpus(),
                HostRoom.fitting(runtime.hostCapacity(), usage, type));
        if (allowedByCapacity < request.minCount()) {
            throw HostRoom.insufficient(type.name(), zone.name());
        }
        return (int) Math.min(request.maxCount(), Math.min(allowedByQuota, allowedByCapacity));
    }

    /** The zone of the subnet a launch names, which must offer the type. */
    private Zone subnetZone(RequestContext context, Subnet subnet, LaunchCatalog.TypeFacts type) {
        Zone zone = regions.findZone(subnet.availabilityZone()).orElseThrow();
        if (!catalog.offered(type.name(), zone.name())) {
            throw TypeOfferings.notInZone(catalog, regions.find(context.region()).orElseThrow(), type.name(),
                    zone.name());
        }
        return zone;
    }

    /** Whether an instance in this state takes its zone's capacity (pending, running, stopping, shutting down). */
    public static boolean occupiesHost(InstanceState state) {
        return switch (state) {
            case PENDING, RUNNING, STOPPING, SHUTTING_DOWN -> true;
            case STOPPED, TERMINATED -> false;
        };
    }

    private static List<Instance> create(RequestContext context, LaunchRequest request, LaunchCatalog.ImageFacts image,
                                         LaunchCatalog.TypeFacts type, Zone zone, List<String> ids,
                                         List<NetworkInterface> interfaces, SpotLaunch spot) {
        String reservationId = ResourceIds.next(IdKind.RESERVATION);
        List<Instance> instances = new ArrayList<>(ids.size());
        for (int index = 0; index < ids.size(); index++) {
            NetworkInterface primary = interfaces.get(index);
            instances.add(new Instance(ids.get(index), reservationId, context.account(),
                    context.region(), zone.name(), image.imageId(), type.name(), request.keyName(),
                    context.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), index, image.architecture(),
                    image.platform(), image.platformDetails(), image.usageOperation(), image.rootDeviceName(), image.rootDeviceType(),
                    request.userData() == null || request.userData().isEmpty() ? null : request.userData(),
                    Boolean.TRUE.equals(request.monitoring()), Boolean.TRUE.equals(request.ebsOptimized()),
                    Boolean.TRUE.equals(request.disableApiTermination()), Boolean.TRUE.equals(request.disableApiStop()),
                    request.shutdownBehavior() == null ? "stop" : request.shutdownBehavior(),
                    type.burstable() ? (request.cpuCredits() == null ? type.defaultCpuCredits() : request.cpuCredits()) : null,
                    (request.metadataOptions() == null ? MetadataOptions.UNSET : request.metadataOptions())
                            .withDefaults(MetadataOptions.defaultsFor(image.imdsSupport())),
                    request.clientToken(), InstanceState.PENDING, "", StateReason.PENDING, null,
                    new Instance.NetworkFacts(primary.vpcId(), primary.subnetId(), primary.id(),
                            primary.primaryPrivateAddress()),
                    request.instanceTags(), spot == null ? null : spot.factsOf(index), null));
        }
        return instances;
    }

    static RecordKey key(RequestContext context, String id) {
        return new RecordKey(context.account(), context.region(), id);
    }
}
