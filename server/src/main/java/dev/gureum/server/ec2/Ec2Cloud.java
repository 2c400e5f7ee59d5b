package dev.gureum.server.ec2;

import dev.gureum.core.ids.IdKind;
import dev.gureum.core.image.Image;
import dev.gureum.core.image.ImageCatalog;
import dev.gureum.core.image.ImageRecords;
import dev.gureum.core.image.ImageService;
import dev.gureum.core.image.ImageSource;
import dev.gureum.core.image.ImageSourceLookup;
import dev.gureum.core.instance.CloudLaunchCatalog;
import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceCommands;
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
import dev.gureum.core.network.DefaultVpcs;
import dev.gureum.core.network.SecurityGroupService;
import dev.gureum.core.network.SecurityGroupUsers;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.RegionService;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.tag.TagService;
import dev.gureum.core.tag.Taggable;
import dev.gureum.core.time.ClockScheduler;
import dev.gureum.core.time.CloudClock;
import dev.gureum.runtime.simulated.SimulatedRuntime;
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
    final SecurityGroupService securityGroups;
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);
    private final Store store;
    private final ClockScheduler scheduler;
    private final InstanceRuntime runtime;
    private final InstanceUsage usage;

    private Ec2Cloud(RegionCatalog regionCatalog, Store store, CloudClock clock, Quotas quotas, Duration simulatedDelay) {
        this.store = store;
        this.quotas = quotas;
        this.regions = new RegionService(regionCatalog);
        this.keyPairs = new KeyPairService(store);
        this.images = new ImageService(store, clock, ImageCatalog.load(regionCatalog));
        this.instanceTypes = new InstanceTypeService(InstanceTypeCatalog::load, regionCatalog);
        LaunchCatalog catalog = new CloudLaunchCatalog(images, instanceTypes, keyPairs);
        this.scheduler = new ClockScheduler(clock);
        this.usage = new InstanceUsage(store, catalog);
        this.commands = new InstanceCommands(store, clock, catalog, usage);
        this.runtime = new SimulatedRuntime(scheduler, commands::observed, simulatedDelay);
        commands.attach(runtime);
        this.launches = new InstanceLaunches(store, regionCatalog, catalog, quotas, runtime, usage);
        this.queries = new InstanceQueries(store, runtime);
        this.modifications = new InstanceModifications(store, catalog);
        this.securityGroups = new SecurityGroupService(store, new DefaultVpcs(store, regionCatalog),
                SecurityGroupUsers.NONE);
        this.tags = new TagService(store);
        tags.register(new Taggable<>(IdKind.INSTANCE, "instance", InstanceRecords.INSTANCES, Instance::tags,
                Instance::withTags));
        tags.register(KeyPairService.TAGGABLE);
        tags.register(new Taggable<>(IdKind.IMAGE, "image", ImageRecords.IMAGES, Image::tags, Image::withTags));
        tags.register(SecurityGroupService.TAGGABLE);
    }

    public static Ec2Cloud start(RegionCatalog regions, Store store, CloudClock clock, Quotas quotas,
                                 Duration simulatedDelay) {
        Ec2Cloud cloud = new Ec2Cloud(regions, store, clock, quotas, simulatedDelay);
        cloud.commands.reconcile();
        cloud.sweepTerminatedEvery(SWEEP_INTERVAL);
        return cloud;
    }

    /** Terminated instances vanish an hour after termination; the sweep removes them from the store. */
    private void sweepTerminatedEvery(Duration interval) {
        scheduler.schedule(interval, () -> {
            commands.sweepExpired();
            sweepTerminatedEvery(interval);
        });
    }

    /** The admin reset: every instance ends at once and every record of every account is gone. */
    public void reset() {
        runtime.discardAll();
        store.wipe();
        usage.wiped();
    }

    public String runtimeName() {
        return runtime.name();
    }

    /** CreateImage's view of an instance. */
    ImageSourceLookup imageSources() {
        return (account, region, instanceId) -> store.get(InstanceRecords.INSTANCES,
                        new RecordKey(account, region, instanceId))
                .map(versioned -> versioned.value())
                .filter(instance -> InstanceVisibility.visible(instance, scheduler.clock().now()))
                .map(instance -> new ImageSource(instance.id(), instance.imageId(), instance.state().wireName(),
                        instance.architecture(), instance.platform(), instance.platformDetails(),
                        instance.usageOperation(), instance.rootDeviceName(), List.of()));
    }

    @Override
    public void close() {
        scheduler.close();
        runtime.close();
    }

}
