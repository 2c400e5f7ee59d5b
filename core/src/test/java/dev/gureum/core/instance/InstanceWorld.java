package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.Observation;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.time.ManualClock;
import java.time.Instant;
import java.util.List;

/** Instances wired to hand-written fakes: store, runtime and catalog, on a manual clock. */
final class InstanceWorld {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";

    final FakeStore store = new FakeStore();
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
    final FakeRuntime runtime = new FakeRuntime();
    final FakeLaunchCatalog catalog = new FakeLaunchCatalog();
    final InstanceUsage usage = new InstanceUsage(store, catalog);
    final InstanceCommands commands = new InstanceCommands(store, clock, catalog, usage);
    final InstanceLaunches launches;
    final InstanceQueries queries = new InstanceQueries(store, runtime);

    InstanceWorld(Quotas quotas) {
        commands.attach(runtime);
        launches = new InstanceLaunches(store, RegionCatalog.load(), catalog, quotas, runtime, usage);
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
                null, null, null, null, null, null, List.of(new Tag("Name", "web")));
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
