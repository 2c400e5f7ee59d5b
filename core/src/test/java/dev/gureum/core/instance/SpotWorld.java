package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.billing.Bills;
import dev.gureum.core.billing.InstanceMeter;
import dev.gureum.core.billing.Meter;
import dev.gureum.core.billing.PublicAddressMeter;
import dev.gureum.core.billing.RateCard;
import dev.gureum.core.billing.StorageCharge;
import dev.gureum.core.billing.VolumeMeter;
import dev.gureum.core.network.DefaultVpcs;
import dev.gureum.core.network.InterfaceLifecycle;
import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.network.NetworkInterfaceService;
import dev.gureum.core.network.PublicAddressPool;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.Observation;
import dev.gureum.core.spot.InterruptionWarning;
import dev.gureum.core.spot.SpotFollower;
import dev.gureum.core.spot.SpotInterruptions;
import dev.gureum.core.spot.SpotMarket;
import dev.gureum.core.spot.SpotPriceHistory;
import dev.gureum.core.spot.SpotRequests;
import dev.gureum.core.storage.InstanceStoreDisks;
import dev.gureum.core.storage.MemoryBlockStore;
import dev.gureum.core.storage.SnapshotDirectory;
import dev.gureum.core.storage.VolumeAttachments;
import dev.gureum.core.storage.VolumeBytes;
import dev.gureum.core.storage.VolumeService;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.time.ClockScheduler;
import dev.gureum.core.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instances and the Spot market wired to hand-written fakes on a manual clock: zones of 8 vCPUs (four t3.micro),
 * t3.micro at $0.0104 an hour on demand, interruption warnings collected in {@link #warnings}.
 */
final class SpotWorld implements AutoCloseable {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final String ZONE = "us-east-1a";
    static final long ZONE_VCPUS = 8;
    static final BigDecimal T3_MICRO_HOURLY = new BigDecimal("0.0104");
    static final Map<String, BigDecimal> ON_DEMAND = Map.of("t3.micro", T3_MICRO_HOURLY,
            "m7i.large", new BigDecimal("0.1008"));

    final FakeStore records = new FakeStore();
    final FollowedStore store = new FollowedStore(records);
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
    final ClockScheduler scheduler = new ClockScheduler(clock);
    final FakeRuntime runtime = new FakeRuntime();
    final FakeLaunchCatalog catalog = new FakeLaunchCatalog();
    final InstanceUsage usage = new InstanceUsage(store, catalog);
    final RegionCatalog regions = RegionCatalog.load();
    final DefaultVpcs defaultVpcs = new DefaultVpcs(store, regions);
    final Meter meter = new Meter(store);
    final PublicAddressPool pool = new PublicAddressPool(store, Ipv4Cidr.parseOrNull(PublicAddressPool.DEFAULT_POOL),
            new PublicAddressMeter(meter));
    final NetworkInterfaceService network = new NetworkInterfaceService(store, defaultVpcs, pool,
            (context, instanceId) -> Optional.empty());
    final MemoryBlockStore blocks = new MemoryBlockStore();
    final SnapshotDirectory snapshots = new SnapshotDirectory(store, region -> List.of());
    final VolumeBytes volumeBytes = new VolumeBytes(store, blocks, snapshots);
    final VolumeService volumes = new VolumeService(store, regions, volumeBytes, snapshots, new VolumeMeter(meter));
    final VolumeAttachments attachments = new VolumeAttachments(store, (context, instanceId) -> Optional.empty(),
            new VolumeMeter(meter));
    final InstanceStoreDisks instanceStore = new InstanceStoreDisks(blocks);
    final SpotMarket market = new SpotMarket(store, clock, regions, usage, ZONE_VCPUS,
            (region, type) -> REGION.equals(region) ? Optional.ofNullable(ON_DEMAND.get(type)) : Optional.empty(), meter,
            type -> catalog.type(type).vcpus());
    final InstanceCommands commands = new InstanceCommands(store, clock, catalog, usage,
            List.of(new NetworkFollower(new InterfaceLifecycle(store, pool), clock),
                    new VolumeFollower(attachments, volumeBytes, instanceStore, catalog),
                    new InstanceMeter(meter, clock, market), new SpotFollower(store, clock)));
    final InstanceLaunches launches;
    final SpotInterruptions interruptions;
    final SpotRequests requests;
    final SpotPriceHistory history = new SpotPriceHistory(market, region -> List.of("m7i.large", "t3.micro"),
            (type, zone) -> true);
    final List<InterruptionWarning> warnings = new ArrayList<>();
    final Bills bills = new Bills(store, new RateCard() {
        @Override
        public Optional<BigDecimal> instanceHourly(String region, String instanceType) {
            return Optional.ofNullable(ON_DEMAND.get(instanceType));
        }

        @Override
        public Optional<BigDecimal> volumeGbMonth(String region, String volumeType) {
            return Optional.empty();
        }

        @Override
        public Optional<BigDecimal> publicIpv4Hourly(String region) {
            return Optional.empty();
        }

        @Override
        public Optional<BigDecimal> storage(String region, StorageCharge charge) {
            return Optional.empty();
        }
    }, clock);

    SpotWorld() {
        defaultVpcs.ensure(context());
        commands.attach(runtime);
        launches = new InstanceLaunches(store, regions, catalog, new Quotas(20, ZONE_VCPUS), runtime, usage, network,
                new LaunchVolumes(snapshots, volumes, volumeBytes, instanceStore));
        interruptions = new SpotInterruptions(store, scheduler, usage, commands, market,
                type -> catalog.type(type).vcpus());
        interruptions.notifyWith(warnings::add);
        market.onPriceChange(interruptions::priceChanged);
        launches.reclaimWith(interruptions);
        requests = new SpotRequests(store, clock, regions, catalog, launches, commands, usage, market, ZONE_VCPUS);
    }

    RequestContext context() {
        return new RequestContext(ACCOUNT, REGION, "request", clock.now(), false);
    }

    /** On-demand t3.micro instances in the zone, running. */
    List<Instance> onDemand(int count) {
        List<Instance> launched = launches.launch(context(), new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "t3.micro",
                count, count, null, null, ZONE, null, null, null, null, null, null, null, null, List.of(), null,
                List.of()));
        launched.forEach(instance -> observe(instance.id(), InstanceEvent.OBSERVED_RUNNING));
        return launched;
    }

    static LaunchRequest spec(String zone) {
        return new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "t3.micro", 1, 1, null, null, zone, null, null, null,
                null, null, null, null, null, List.of(), null, List.of());
    }

    Instance current(String id) {
        return store.get(InstanceRecords.INSTANCES, new RecordKey(ACCOUNT, REGION, id)).orElseThrow().value();
    }

    void observe(String id, InstanceEvent observation) {
        commands.observed(List.of(new Observation(new InstanceRef(ACCOUNT, REGION, id), observation)));
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
