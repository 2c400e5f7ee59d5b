package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.billing.InstanceMeter;
import dev.gureum.core.billing.Meter;
import dev.gureum.core.billing.PublicAddressMeter;
import dev.gureum.core.billing.VolumeMeter;
import dev.gureum.core.network.DefaultVpcs;
import dev.gureum.core.network.InterfaceLifecycle;
import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.network.NetworkInterfaceService;
import dev.gureum.core.network.PublicAddressPool;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.Observation;
import dev.gureum.core.storage.InstanceStoreDisks;
import dev.gureum.core.storage.MemoryBlockStore;
import dev.gureum.core.storage.SnapshotDirectory;
import dev.gureum.core.storage.VolumeAttachments;
import dev.gureum.core.storage.VolumeBytes;
import dev.gureum.core.storage.VolumeHosts;
import dev.gureum.core.storage.VolumeService;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.time.ManualClock;
import java.time.Instant;
import java.util.List;

/** Instances wired to hand-written fakes: store, runtime and catalog, on a manual clock. */
final class InstanceWorld {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";

    final FakeStore records = new FakeStore();
    final FollowedStore store = new FollowedStore(records);
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
    final FakeRuntime runtime = new FakeRuntime();
    final FakeLaunchCatalog catalog = new FakeLaunchCatalog();
    final InstanceUsage usage = new InstanceUsage(store, catalog);
    final RegionCatalog regions = RegionCatalog.load();
    final DefaultVpcs defaultVpcs = new DefaultVpcs(store, regions);
    final Meter meter = new Meter(store);
    final PublicAddressPool pool = new PublicAddressPool(store, Ipv4Cidr.parseOrNull(PublicAddressPool.DEFAULT_POOL),
            new PublicAddressMeter(meter));
    final NetworkInterfaceService network = new NetworkInterfaceService(store, defaultVpcs, pool,
            (context, instanceId) -> java.util.Optional.empty());
    final MemoryBlockStore blocks = new MemoryBlockStore();
    final SnapshotDirectory snapshots = new SnapshotDirectory(store, region -> List.of());
    final VolumeBytes volumeBytes = new VolumeBytes(store, blocks, snapshots);
    final VolumeService volumes = new VolumeService(store, regions, volumeBytes, snapshots, new VolumeMeter(meter));
    final VolumeAttachments attachments = new VolumeAttachments(store, (context, instanceId) ->
            store.get(InstanceRecords.INSTANCES, new RecordKey(context.account(), context.region(), instanceId))
                    .map(found -> new VolumeHosts.Host(instanceId, found.value().availabilityZone(),
                            found.value().state().wireName(), found.value().rootDeviceName(),
                            "windows".equals(found.value().platform()))), new VolumeMeter(meter));
    final InstanceStoreDisks instanceStore = new InstanceStoreDisks(blocks);
    final InstanceCommands commands = new InstanceCommands(store, clock, catalog, usage,
            List.of(new NetworkFollower(new InterfaceLifecycle(store, pool), clock),
                    new VolumeFollower(attachments, volumeBytes, instanceStore, catalog),
                    new InstanceMeter(meter, clock)));
    final InstanceLaunches launches;
    final InstanceQueries queries = new InstanceQueries(store, runtime, network, attachments);
    /** How many records the account's default network takes, which every world starts with. */
    final int networkRecords;

    InstanceWorld(Quotas quotas) {
        defaultVpcs.ensure(context());
        networkRecords = records.size();
        commands.attach(runtime);
        launches = new InstanceLaunches(store, regions, catalog, quotas, runtime, usage, network,
                new LaunchVolumes(snapshots, volumes, volumeBytes, instanceStore));
    }

    InstanceWorld() {
        this(new Quotas(20, 64));
    }

    RequestContext context() {
        return new RequestContext(ACCOUNT, REGION, "request", clock.now(), false);
    }

    RequestContext dryRun() {
        return new RequestContext(ACCOUNT, REGION, "request", clock.now(), true);
    }

    static LaunchRequest request(String type, int min, int max) {
        return new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, type, min, max, null, null, null, null, null,
                null, null, null, null, null, null, List.of(new Tag("Name", "web")), null, List.of());
    }

    List<Instance> launch(int count) {
        return launches.launch(context(), request("t3.micro", count, count));
    }

    Instance current(String id) {
        return store.get(InstanceRecords.INSTANCES, new RecordKey(ACCOUNT, REGION, id)).orElseThrow().value();
    }

    void observe(String id, InstanceEvent observation) {
        commands.observed(List.of(new Observation(new InstanceRef(ACCOUNT, REGION, id), observation)));
    }
}
