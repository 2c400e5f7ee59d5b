package dev.gureum.server.ec2;

import dev.gureum.core.billing.InstanceMeter;
import dev.gureum.core.billing.Bills;
import dev.gureum.core.billing.Meter;
import dev.gureum.core.billing.PublicAddressMeter;
import dev.gureum.core.billing.SnapshotMeter;
import dev.gureum.core.billing.MonthlyBill;
import dev.gureum.core.billing.OnDemandPrice;
import dev.gureum.core.billing.PriceCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.spot.SpotFollower;
import dev.gureum.core.spot.SpotInterruptions;
import dev.gureum.core.spot.SpotMarket;
import dev.gureum.core.spot.SpotNotifier;
import dev.gureum.core.spot.SpotPriceHistory;
import dev.gureum.core.spot.SpotPricing;
import dev.gureum.core.spot.SpotRequests;
import dev.gureum.core.reserved.NormalizationFactors;
import dev.gureum.core.reserved.OfferingCatalog;
import dev.gureum.core.reserved.ReservedBilling;
import dev.gureum.core.savings.SavingsOfferingCatalog;
import dev.gureum.core.savings.SavingsPlanBilling;
import dev.gureum.core.savings.SavingsPlanService;
import dev.gureum.core.reserved.ReservedCapacity;
import dev.gureum.core.reserved.ReservedExchanges;
import dev.gureum.core.reserved.ReservedInstanceService;
import dev.gureum.core.reserved.ReservedModifications;
import dev.gureum.core.billing.UsageMigration;
import dev.gureum.core.billing.VolumeMeter;
import dev.gureum.core.image.BlockDevice;
import dev.gureum.core.image.ImageCatalog;
import dev.gureum.core.image.ImageService;
import dev.gureum.core.image.ImageSource;
import dev.gureum.core.image.ImageSourceLookup;
import dev.gureum.core.instance.CloudLaunchCatalog;
import dev.gureum.core.instance.InstanceAlarmActions;
import dev.gureum.core.instance.InstanceCommands;
import dev.gureum.core.instance.InstanceDisks;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.instance.InstanceLaunches;
import dev.gureum.core.instance.InstanceModifications;
import dev.gureum.core.instance.InstanceQueries;
import dev.gureum.core.instance.InstanceRecords;
import dev.gureum.core.instance.InstanceVisibility;
import dev.gureum.core.instance.LaunchCatalog;
import dev.gureum.core.instance.Quotas;
import dev.gureum.core.instance.InstanceUsage;
import dev.gureum.core.instancetype.InstanceTypeCatalog;
import dev.gureum.core.instancetype.InstanceTypeService;
import dev.gureum.core.keypair.KeyPairService;
import dev.gureum.core.metadata.InstanceMetadataService;
import dev.gureum.core.metadata.MetadataTokens;
import dev.gureum.core.metadata.SpotAction;
import dev.gureum.core.metadata.SpotMetadata;
import dev.gureum.core.metrics.Ec2MetricPublisher;
import dev.gureum.core.metrics.MetricService;
import dev.gureum.core.runtime.SyntheticLoad;
import dev.gureum.core.RequestContext;
import dev.gureum.core.cost.CostAllocationTags;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.network.AttachableInstances;
import dev.gureum.core.network.DefaultVpcs;
import dev.gureum.core.network.DhcpOptionsService;
import dev.gureum.core.network.ElasticAddressService;
import dev.gureum.core.network.Firewalls;
import dev.gureum.core.network.InterfaceAddresses;
import dev.gureum.core.network.InterfaceLifecycle;
import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.network.NetworkInterfaceService;
import dev.gureum.core.network.PublicAddressPool;
import dev.gureum.core.storage.BlockStore;
import dev.gureum.core.storage.SnapshotAttributes;
import dev.gureum.core.storage.SnapshotDirectory;
import dev.gureum.core.storage.SnapshotService;
import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeAttachment;
import dev.gureum.core.storage.VolumeHosts;
import dev.gureum.core.storage.VolumeAttachments;
import dev.gureum.core.storage.VolumeBytes;
import dev.gureum.core.storage.VolumeAttributes;
import dev.gureum.core.storage.VolumeModifications;
import dev.gureum.core.storage.VolumeService;
import dev.gureum.core.instance.NetworkFollower;
import dev.gureum.core.instance.VolumeFollower;
import dev.gureum.core.instance.LaunchVolumes;
import dev.gureum.core.storage.InstanceStoreDisks;
import dev.gureum.core.store.Versioned;
import java.util.Optional;
import dev.gureum.core.network.InternetGatewayService;
import dev.gureum.core.network.NetworkAclService;
import dev.gureum.core.network.RouteTableService;
import dev.gureum.core.network.SubnetService;
import dev.gureum.core.network.VpcService;
import dev.gureum.core.network.SecurityGroupService;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.RegionService;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.Store;
import dev.gureum.core.tag.TagService;
import dev.gureum.core.time.ClockScheduler;
import dev.gureum.core.time.CloudClock;
import dev.gureum.server.RuntimeChoice;
import java.time.Duration;
import java.util.List;

/**
 * The EC2 side of one Gureum node, assembled: every core service, the clock scheduler and the runtime,
 * wired to each other once. Handlers receive the services they need from here.
 */
public final class Ec2Cloud implements AutoCloseable {
    final RegionService regions;
    final KeyPairService keyPairs;
    final ImageService images;
    final InstanceTypeService instanceTypes;
    final TagService tags;
    final InstanceLaunches launches;
    final InstanceCommands commands;
    final InstanceQueries queries;
    final InstanceModifications modifications;
    final Quotas quotas;
    final VpcService vpcs;
    final DhcpOptionsService dhcpOptions;
    final SubnetService subnets;
    final InternetGatewayService internetGateways;
    final RouteTableService routeTables;
    final NetworkAclService networkAcls;
    final NetworkInterfaceService networkInterfaces;
    final InterfaceAddresses interfaceAddresses;
    final ElasticAddressService elasticAddresses;
    final SecurityGroupService securityGroups;
    final VolumeService volumes;
    final VolumeAttachments volumeAttachments;
    final VolumeModifications volumeModifications;
    final VolumeAttributes volumeAttributes;
    final SnapshotService snapshots;
    final Bills bills;
    private final NormalizationFactors normalizationFactors;
    private final SavingsPlanService savingsPlans;
    final ReservedInstanceService reservedInstances;
    final ReservedModifications reservedModifications;
    final ReservedExchanges reservedExchanges;
    final SnapshotAttributes snapshotAttributes;
    final SpotMarket spotMarket;
    final SpotRequests spotRequests;
    final SpotInterruptions spotInterruptions;
    private static final Duration SPOT_ROUND_INTERVAL = Duration.ofSeconds(10);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);
    private static final Duration METRIC_RETENTION_INTERVAL = Duration.ofMinutes(10);
    private final MetricService metrics;
    private final Ec2MetricPublisher metricPublisher;
    private final Store store;
    private final ClockScheduler scheduler;
    private final InstanceRuntime runtime;
    private final InstanceUsage usage;
    private final VolumeFollower volumeFollower;
    private final VolumeBytes volumeBytes;
    private final Firewalls firewalls;
    private final CostAllocationTags costAllocationTags;

    private Ec2Cloud(RegionCatalog regionCatalog, FollowedStore store, Firewalls firewalls, CloudClock clock, Quotas quotas,
                     RuntimeChoice.Factory runtimeFactory, Ipv4Cidr publicAddressPool, BlockStore blocks,
                     MetricService metrics, boolean metering) {
        this.store = store;
        this.metrics = metrics;
        this.firewalls = firewalls;
        this.quotas = quotas;
        this.regions = new RegionService(regionCatalog);
        this.keyPairs = new KeyPairService(store);
        ImageCatalog imageCatalog = ImageCatalog.load(regionCatalog);
        SnapshotDirectory snapshotDirectory = new SnapshotDirectory(store, imageCatalog::snapshots);
        Meter meter = metering ? new Meter(store) : Meter.off(store);
        this.snapshots = new SnapshotService(store, blocks, snapshotDirectory, ImageService.snapshotUsers(store),
                new SnapshotMeter(meter));
        this.snapshotAttributes = new SnapshotAttributes(store, snapshotDirectory);
        this.images = new ImageService(store, clock, imageCatalog, snapshots, snapshotDirectory);
        this.instanceTypes = new InstanceTypeService(InstanceTypeCatalog::load, regionCatalog);
        LaunchCatalog catalog = new CloudLaunchCatalog(images, instanceTypes, keyPairs);
        this.scheduler = new ClockScheduler(clock);
        this.usage = new InstanceUsage(store, catalog);
        DefaultVpcs defaultVpcs = new DefaultVpcs(store, regionCatalog);
        PublicAddressPool pool = new PublicAddressPool(store, publicAddressPool, new PublicAddressMeter(meter));
        this.networkInterfaces = new NetworkInterfaceService(store, defaultVpcs, pool, this::attachable);
        this.interfaceAddresses = new InterfaceAddresses(store, defaultVpcs);
        PriceCatalog prices = PriceCatalog.load();
        NormalizationFactors factors = NormalizationFactors.of(prices.onDemandPrices().stream()
                .map(OnDemandPrice::instanceType).distinct().toList());
        this.normalizationFactors = factors;
        ReservedCapacity reservedCapacity = new ReservedCapacity(store, type -> catalog.type(type).vcpus(),
                clock::now);
        this.reservedInstances = new ReservedInstanceService(store, new OfferingCatalog(prices, regionCatalog,
                (type, region) -> instanceTypes.offeringZones(type, region).stream().map(Zone::name).toList()),
                (account, region, zone, type, count) -> reservedCapacity.requireRoom(account, region, zone, type,
                        count, quotas.zoneCapacityVcpus(), usage.vcpus(region, zone)));
        this.reservedModifications = new ReservedModifications(store, reservedInstances, factors);
        this.reservedExchanges = new ReservedExchanges(store, reservedInstances);
        SavingsOfferingCatalog savingsOfferings = new SavingsOfferingCatalog(prices.onDemandPrices(), prices);
        this.savingsPlans = new SavingsPlanService(store, savingsOfferings);
        this.bills = new Bills(store, prices, clock, new ReservedBilling(store, factors),
                new SavingsPlanBilling(store, savingsOfferings));
        VolumeMeter volumeMeter = new VolumeMeter(meter);
        this.volumeBytes = new VolumeBytes(store, blocks, snapshotDirectory);
        this.volumes = new VolumeService(store, regionCatalog, volumeBytes, snapshotDirectory, volumeMeter);
        this.volumeAttributes = new VolumeAttributes(store);
        InstanceStoreDisks instanceStore = new InstanceStoreDisks(blocks);
        this.volumeAttachments = new VolumeAttachments(store, this::volumeHost, volumeMeter);
        this.volumeFollower = new VolumeFollower(volumeAttachments, volumeBytes, instanceStore, catalog);
        this.volumeModifications = new VolumeModifications(store, blocks, volumeMeter);
        this.spotMarket = new SpotMarket(store, clock, regionCatalog, usage, quotas.zoneCapacityVcpus(),
                prices::onDemandHourly, meter, type -> catalog.type(type).vcpus());
        this.commands = new InstanceCommands(store, clock, catalog, usage,
                List.of(new NetworkFollower(new InterfaceLifecycle(store, pool), clock), volumeFollower,
                        new InstanceMeter(meter, clock, spotMarket), new SpotFollower(store, clock)));
        this.runtime = runtimeFactory.create(scheduler, commands::observed);
        commands.attach(runtime);
        volumeAttachments.useRuntime(runtime);
        if (runtime.capturesRootFilesystems()) {
            images.captureRootFilesystemsWith((account, region, instanceId, name, noReboot) ->
                    runtime.captureRootFilesystem(new InstanceRef(account, region, instanceId), name, noReboot));
        }
        InstanceDisks instanceDisks = new InstanceDisks(volumeAttachments, catalog);
        commands.describeDisksWith(instanceDisks);
        firewalls.attach(store, runtime);
        this.launches = new InstanceLaunches(store, regionCatalog, catalog, quotas, runtime, usage, networkInterfaces,
                new LaunchVolumes(snapshotDirectory, volumes, volumeBytes, instanceStore), reservedCapacity);
        launches.describeDisksWith(instanceDisks);
        this.spotInterruptions = new SpotInterruptions(store, scheduler, usage, commands, spotMarket,
                type -> catalog.type(type).vcpus());
        spotMarket.onPriceChange(spotInterruptions::priceChanged);
        launches.reclaimWith(spotInterruptions);
        runtime.serveMetadata(new InstanceMetadataService(store, clock, new MetadataTokens(), networkInterfaces, catalog,
                SpotMetadata.from(instance -> spotInterruptions.warning(instance.ownerId(), instance.region(),
                        instance.id()).map(warning -> new SpotAction(warning.instanceActionDocument(),
                        warning.terminationTime())).orElse(null)),
                volumeAttachments));
        this.spotRequests = new SpotRequests(store, clock, regionCatalog, catalog, launches, commands, usage,
                spotMarket, quotas.zoneCapacityVcpus());
        this.queries = new InstanceQueries(store, runtime, networkInterfaces, volumeAttachments);
        this.modifications = new InstanceModifications(store, catalog);
        this.metricPublisher = new Ec2MetricPublisher(store, runtime, name -> instanceTypes.catalog().find(name),
                this::volumeIdsRootFirst, metrics);
        this.vpcs = new VpcService(store, defaultVpcs);
        this.dhcpOptions = new DhcpOptionsService(store, defaultVpcs);
        this.subnets = new SubnetService(store, regionCatalog, defaultVpcs);
        this.internetGateways = new InternetGatewayService(store, defaultVpcs, networkInterfaces::vpcHasPublicAddresses);
        this.routeTables = new RouteTableService(store, defaultVpcs);
        this.networkAcls = new NetworkAclService(store, defaultVpcs);
        this.elasticAddresses = new ElasticAddressService(store, defaultVpcs, pool, networkInterfaces, internetGateways,
                (context, instanceId) -> store.get(InstanceRecords.INSTANCES, new RecordKey(context.account(),
                        context.region(), instanceId)).map(found -> found.value().state() == InstanceState.PENDING
                        || found.value().state() == InstanceState.RUNNING).orElse(false));
        this.securityGroups = new SecurityGroupService(store, defaultVpcs, networkInterfaces::groupInUse);
        this.tags = Ec2Tags.over(store, images.taggable());
        this.costAllocationTags = new CostAllocationTags(regionCatalog, tags, savingsPlans, clock);
    }

    /** An instance as a volume sees it, while it is visible and not terminated. */
    private Optional<VolumeHosts.Host> volumeHost(RequestContext context, String instanceId) {
        return store.get(InstanceRecords.INSTANCES, new RecordKey(context.account(), context.region(), instanceId))
                .map(Versioned::value)
                .filter(instance -> instance.state() != InstanceState.TERMINATED)
                .map(instance -> new VolumeHosts.Host(instance.id(), instance.availabilityZone(),
                        instance.state().wireName(), instance.rootDeviceName(), "windows".equals(instance.platform())));
    }

    /** An instance as the network sees it, while it is visible and not terminated. */
    private Optional<AttachableInstances.Attachable> attachable(RequestContext context, String instanceId) {
        return store.get(InstanceRecords.INSTANCES, new RecordKey(context.account(), context.region(), instanceId))
                .map(Versioned::value)
                .filter(instance -> instance.state() != InstanceState.TERMINATED && instance.network() != null)
                .map(instance -> new AttachableInstances.Attachable(instance.id(), instance.availabilityZone(),
                        instance.network().vpcId(), instance.network().primaryInterfaceId(),
                        instance.state().wireName()));
    }

    public static Ec2Cloud start(RegionCatalog regions, Store store, CloudClock clock, Quotas quotas,
                                 RuntimeChoice.Factory runtimeFactory, Ipv4Cidr publicAddressPool, BlockStore blocks,
                                 MetricService metrics, boolean metering) {
        // Every service writes through the followed store, so each commit that changes security groups or
        // interfaces reaches the runtime's firewalls (Firewalls), whichever service made it.
        Firewalls firewalls = new Firewalls();
        FollowedStore followed = new FollowedStore(store);
        followed.follow(firewalls);
        Ec2Cloud cloud = new Ec2Cloud(regions, followed, firewalls, clock, quotas,
                runtimeFactory, publicAddressPool, blocks, metrics, metering);
        UsageMigration.run(followed, clock.now());
        cloud.firewalls.reconcile();
        cloud.commands.reconcile();
        cloud.volumeBytes.reconcile();
        cloud.snapshots.reconcile();
        cloud.volumeFollower.reconcile(store.listAll(InstanceRecords.INSTANCES).stream().map(Versioned::value).toList());
        cloud.sweepTerminatedEvery(SWEEP_INTERVAL);
        cloud.metricPublisher.start(cloud.scheduler);
        cloud.pruneMetricsEvery(METRIC_RETENTION_INTERVAL);
        cloud.runSpotMarket();
        return cloud;
    }

    /** Terminated instances vanish an hour after termination; the sweep removes them from the store. */
    private void sweepTerminatedEvery(Duration interval) {
        scheduler.schedule(interval, () -> {
            commands.sweepExpired();
            sweepTerminatedEvery(interval);
        });
    }

    /**
     * The Spot market: an evaluation of every zone's price now and every five minutes of the cloud clock, and
     * a round every ten seconds that carries out due interruptions and fulfils open requests.
     */
    private void runSpotMarket() {
        guarded("evaluating the Spot market", spotMarket::evaluate);
        scheduleSpot(SpotPricing.INTERVAL, () -> spotMarket.evaluate());
        scheduleSpot(SPOT_ROUND_INTERVAL, () -> {
            spotInterruptions.interruptDue();
            spotRequests.fulfillOpen();
        });
    }

    private void scheduleSpot(Duration interval, Runnable round) {
        scheduler.schedule(interval, () -> {
            try {
                guarded("running the Spot market", round);
            } finally {
                scheduleSpot(interval, round);
            }
        });
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(Ec2Cloud.class.getName()).log(java.util.logging.Level.WARNING,
                    "failed " + what, e);
        }
    }

    /** DescribeSpotPriceHistory over every type with an on-demand price in the region. */
    SpotPriceHistory spotPriceHistory() {
        PriceCatalog prices = PriceCatalog.load();
        return new SpotPriceHistory(spotMarket, region -> prices.onDemandPrices().stream()
                .filter(price -> price.region().equals(region)).map(OnDemandPrice::instanceType).distinct().toList(),
                instanceTypes::isOffered);
    }

    /** Where Spot interruption warnings go (the server's SNS topic), attached once SNS exists. */
    public void notifySpotWith(SpotNotifier notifier) {
        spotInterruptions.notifyWith(notifier);
    }

    /** The Spot interruption notice of an instance, for the instance metadata's {@code spot/instance-action}. */
    public SpotInterruptions spotInterruptions() {
        return spotInterruptions;
    }

    /** The scheduler every timed behaviour of this node runs on (the one clock). */
    public ClockScheduler scheduler() {
        return scheduler;
    }

    /** EC2 alarm actions (stop, terminate, reboot, recover) as commands through the lifecycle table. */
    public InstanceAlarmActions alarmInstanceActions() {
        return new InstanceAlarmActions(commands, store, scheduler.clock());
    }

    /** Metric data older than its resolution's retention is dropped as the cloud clock moves on. */
    private void pruneMetricsEvery(Duration interval) {
        scheduler.schedule(interval, () -> {
            try {
                metrics.storage().prune();
            } finally {
                pruneMetricsEvery(interval);
            }
        });
    }

    /** An instance's EBS volumes for its metrics, the root device's first. */
    private List<String> volumeIdsRootFirst(String account, String region, String instanceId) {
        String root = store.get(InstanceRecords.INSTANCES, new RecordKey(account, region, instanceId))
                .map(found -> found.value().rootDeviceName()).orElse(null);
        return volumeAttachments.volumesOf(account, region, instanceId).stream()
                .sorted(java.util.Comparator.comparing(attached -> !attached.getValue().device().equals(root)))
                .map(attached -> attached.getKey().id()).toList();
    }

    /** The runtime's synthetic load controls (the simulated runtime), or null when it has none. */
    public SyntheticLoad syntheticLoad() {
        return runtime instanceof SyntheticLoad load ? load : null;
    }

    /** The admin reset: every instance ends at once, every volume's bytes are freed, every record is gone. */
    public void reset() {
        metricPublisher.reset();
        metrics.storage().wipe();
        runtime.discardAll();
        volumeBytes.discardAll();
        snapshots.discardAll();
        store.wipe();
        usage.wiped();
        spotMarket.wiped();
        // the price history went with every other record: every zone is priced again now, as at a fresh start
        guarded("evaluating the Spot market", spotMarket::evaluate);
    }

    /** Savings Plans, which the bill applies after reservations. */
    public SavingsPlanService savingsPlans() {
        return savingsPlans;
    }

    /** The bill's line items, which Cost Explorer answers from. */
    /** Each instance type's size normalization factor (reservations' size flexibility, coverage in units). */
    public NormalizationFactors normalizationFactors() {
        return normalizationFactors;
    }

    public Bills bills() {
        return bills;
    }

    /** Cost Explorer's cost allocation tags, per account. */
    public CostAllocationTags costAllocationTags() {
        return costAllocationTags;
    }

    /** A month of an account's metered usage at list prices. */
    public MonthlyBill bill(String account, java.time.YearMonth month) {
        return bills.month(account, month);
    }

    public String runtimeName() {
        return runtime.name();
    }

    /**
     * {@code gureum image import}: the tree at {@code source} on this host registered as an AMI of the account
     * in the region, named {@code name}; answers the image's id. Only a runtime with real root filesystems
     * can hold one.
     */
    public String importImage(String account, String region, String source, String name, String defaultUser,
                              String architecture) {
        if (!runtime.capturesRootFilesystems()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("The " + runtime.name() + " runtime keeps no root"
                    + " filesystems; import images into a server started with --runtime sandbox.");
        }
        RequestContext context = new RequestContext(account, region, "image-import", scheduler.clock().now(), false);
        return images.importImage(context, name, "Imported with gureum image import from " + source, architecture,
                imageId -> runtime.importRootFilesystem(imageId, source, defaultUser)).id();
    }

    /** CreateImage's view of an instance. */
    ImageSourceLookup imageSources() {
        return (account, region, instanceId) -> store.get(InstanceRecords.INSTANCES,
                        new RecordKey(account, region, instanceId))
                .map(versioned -> versioned.value())
                .filter(instance -> InstanceVisibility.visible(instance, scheduler.clock().now()))
                .map(instance -> new ImageSource(instance.id(), instance.imageId(), instance.state().wireName(),
                        instance.architecture(), instance.platform(), instance.platformDetails(),
                        instance.usageOperation(), instance.rootDeviceName(), instance.ebsBacked(),
                        volumeAttachments.volumesOf(account, region, instanceId).stream()
                                .map(attached -> sourceVolume(attached.getKey(), attached.getValue())).toList()));
    }

    /** A volume of an instance as the mapping it gets in an image made from the instance. */
    private static ImageSource.SourceVolume sourceVolume(Volume volume, VolumeAttachment attachment) {
        return new ImageSource.SourceVolume(BlockDevice.ebs(attachment.device(), null, volume.sizeGiB(),
                volume.type().wireName(), attachment.deleteOnTermination(), volume.encrypted(),
                volume.type().provisionsIops() ? volume.iops() : null, volume.throughput()), volume.id());
    }

    @Override
    public void close() {
        scheduler.close();
        runtime.close();
    }

}
