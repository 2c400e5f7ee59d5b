package dev.gureum.core.image;

import dev.gureum.core.storage.MemoryBlockStore;
import dev.gureum.core.storage.SnapshotDirectory;
import dev.gureum.core.storage.SnapshotLedger;
import dev.gureum.core.storage.SnapshotService;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.RequestContext;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A store, a manual clock at 2026-11-29 and an image service over them, with request helpers for tests. */
final class ImageWorld {
    static final String OWNER = "000000000000";
    static final String OTHER = "111111111111";
    static final String THIRD = "222222222222";
    static final ImageCatalog CATALOG = ImageCatalog.load(RegionCatalog.load());
    /** An 8 GiB public snapshot of us-east-1's catalog, visible to every account. */
    static final String PUBLIC_SNAPSHOT = publicSnapshot("us-east-1");

    /** An 8 GiB public snapshot of a region's catalog. */
    static String publicSnapshot(String region) {
        return CATALOG.snapshots(region).stream().filter(snapshot -> snapshot.volumeSizeGiB() == 8).findFirst()
                .orElseThrow().id();
    }

    final FakeStore store = new FakeStore();
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T12:00:00Z"));
    final MemoryBlockStore blocks = new MemoryBlockStore();
    final SnapshotDirectory snapshotDirectory = new SnapshotDirectory(store, CATALOG::snapshots);
    final SnapshotService snapshots = new SnapshotService(store, blocks, snapshotDirectory,
            ImageService.snapshotUsers(store), SnapshotLedger.NONE);
    final ImageService images = new ImageService(store, clock, CATALOG, snapshots, snapshotDirectory);

    RequestContext as(String account) {
        return as(account, "us-east-1");
    }

    RequestContext as(String account, String region) {
        return new RequestContext(account, region, "request", clock.now(), false);
    }

    RequestContext dryRun(String account) {
        return new RequestContext(account, "us-east-1", "request", clock.now(), true);
    }

    /** DescribeImages with only filters (name=value pairs). */
    List<Image> describe(RequestContext context, String... filters) {
        return images.describe(context, query(List.of(), List.of(), List.of(), filters)).items();
    }

    static ImageQuery query(List<String> ids, List<String> owners, List<String> executableUsers, String... filters) {
        List<Filter> parsed = new ArrayList<>();
        for (int i = 0; i < filters.length; i += 2) {
            parsed.add(new Filter(filters[i], List.of(filters[i + 1])));
        }
        return new ImageQuery(ids, owners, executableUsers, parsed, false, null, null);
    }

    /** RegisterImage of one gp3 root snapshot on /dev/xvda, x86_64 hvm. */
    Image register(RequestContext context, String name, Tag... tags) {
        return images.register(context, new ImageRegistration(name, "built by a test", null, "x86_64", "/dev/xvda",
                List.of(new BlockDevice("/dev/xvda", publicSnapshot(context.region()), 8, "gp3", null, null, null, null, null,
                        false)), "hvm", true, null, "uefi", null, null, null, null, List.of(tags)));
    }

    static Image catalogImage(String region, String name) {
        return CATALOG.images(region).stream().filter(image -> image.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> names(List<Image> images) {
        return images.stream().map(Image::name).toList();
    }
}
