package dev.gureum.core.image;

import dev.gureum.core.RequestContext;
import dev.gureum.core.storage.SnapshotDirectory;
import dev.gureum.core.storage.SnapshotService;
import dev.gureum.core.storage.SnapshotUsers;
import dev.gureum.core.share.UserIds;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TaggedKind;
import dev.gureum.core.time.CloudClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The AMI operations: describing what an account may see, registering, creating, copying and
 * deregistering images, their attributes, and the check RunInstances makes before it launches one.
 * An account sees the region's public catalog, its own images and images others made public or shared
 * with it; it may change only its own.
 */
public final class ImageService {
    /** How long an image made by CreateImage or CopyImage stays pending on the cloud clock. */
    public static final Duration BUILD_TIME = Duration.ofSeconds(30);
    private static final int MIN_RESULTS = 5;
    private static final int MAX_RESULTS = 1000;
    private static final List<String> OWNER_ALIASES = List.of("amazon", "aws-marketplace", "aws-backup-vault");

    private final Store store;
    private final CloudClock clock;
    private final ImageDirectory directory;
    private final ImageBuilds builds;
    private final ImageAttributes attributes;
    private final SnapshotService snapshots;

    public ImageService(Store store, CloudClock clock, ImageCatalog catalog, SnapshotService snapshots,
                        SnapshotDirectory snapshotDirectory) {
        this.store = store;
        this.snapshots = snapshots;
        this.clock = clock;
        this.directory = new ImageDirectory(store, catalog);
        this.builds = new ImageBuilds(store, directory, snapshots, snapshotDirectory);
        this.attributes = new ImageAttributes(store, directory);
    }

    public Page<Image> describe(RequestContext context, ImageQuery query) {
        query.imageIds().forEach(ImageDirectory::requireWellFormed);
        if (!query.imageIds().isEmpty() && query.maxResults() != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception(
                    "The parameter imageIdsSet cannot be used with the parameter maxResults");
        }
        String account = context.account();
        Predicate<Image> matches = owners(account, query.owners())
                .and(executableBy(account, query.executableUsers()))
                .and(ImageFilters.at(context.now()).compile(query.filters()));
        List<Image> candidates = query.imageIds().isEmpty()
                ? directory.visible(account, context.region()).stream()
                        .filter(image -> query.includeDeprecated() || image.isOwnedBy(account)
                                || !image.isDeprecated(context.now()))
                        .toList()
                : named(context, query.imageIds());
        List<Image> found = candidates.stream()
                .map(image -> asSeenBy(account, image))
                .filter(matches)
                .sorted(Comparator.comparing(Image::id))
                .toList();
        return Pages.page("DescribeImages",
                found, Image::id, query.maxResults(), query.nextToken(), MIN_RESULTS, MAX_RESULTS);
    }

    /**
     * The image RunInstances may launch for {@code account}: one it can see (EC2 answers NotFound for an
     * image it cannot) that is available (InvalidAMIID.Unavailable while pending). Deprecated images stay
     * launchable, as in EC2.
     */
    public Image findLaunchable(String account, String region, String imageId) {
        ImageDirectory.requireWellFormed(imageId);
        Image image = directory.findVisible(account, region, imageId)
                .orElseThrow(() -> ImageDirectory.notFound(List.of(imageId)));
        if (image.state(clock.now()) == ImageState.PENDING) {
            throw Ec2Error.INVALID_AMI_ID_UNAVAILABLE.exception("The image id '[" + imageId + "]' is not available "
                    + "yet: it is still pending");
        }
        return image;
    }

    /** RegisterImage: an image of the caller's snapshots, available at once. */
    public Image register(RequestContext context, ImageRegistration registration) {
        return builds.register(context, registration);
    }

    /** CreateImage: an image of one of the caller's instances, pending for {@link #BUILD_TIME}. */
    public Image create(RequestContext context, String instanceId, ImageSourceLookup instances, ImageCapture capture) {
        return builds.create(context, instanceId, instances, capture, context.now().plus(BUILD_TIME));
    }

    /** {@code gureum image import}: see {@link ImageBuilds#imported}. */
    public Image importImage(RequestContext context, String name, String description, String architecture,
                             java.util.function.Consumer<String> makeRootFilesystem) {
        return builds.imported(context, name, description, architecture, makeRootFilesystem);
    }

    /** From now on CreateImage captures the instance's root filesystem through {@code captures}. */
    public void captureRootFilesystemsWith(RootFilesystemCaptures captures) {
        builds.captureRootFilesystemsWith(captures);
    }

    /** CopyImage into the request's region, pending for {@link #BUILD_TIME}. */
    public Image copy(RequestContext context, ImageCopy copy) {
        return builds.copy(context, copy, context.now().plus(BUILD_TIME));
    }

    /**
     * DeregisterImage: only the owner may; its launch permissions and its name go with it. With
     * {@code deleteSnapshots} the image's snapshots are then deleted, each but those another image of the owner
     * still uses ({@code skipped}); answers each snapshot's {@code SnapshotReturnCodes} value, in mapping order
     * (none without {@code deleteSnapshots}).
     */
    public Map<String, String> deregister(RequestContext context, String imageId, boolean deleteSnapshots) {
        Versioned<Image> image = directory.requireOwned(context.account(), context.region(), imageId);
        WriteBatch batch = new WriteBatch().delete(ImageRecords.IMAGES, image.key(), image.version())
                .delete(ImageRecords.NAMES, ImageRecords.nameKey(image.value().ownerId(), image.value().region(),
                        image.value().name()), WriteBatch.ANY);
        ImageDirectory.regrant(batch, image.value(), null);
        Writes.commit(store, context, batch);
        Map<String, String> results = new LinkedHashMap<>();
        if (!deleteSnapshots || context.dryRun()) {
            return results;
        }
        for (BlockDevice device : image.value().blockDevices()) {
            if (device.snapshotId() != null && !results.containsKey(device.snapshotId())) {
                results.put(device.snapshotId(), deleteSnapshot(context, device.snapshotId()));
            }
        }
        return results;
    }

    /**
     * Deletes one of a deregistered image's snapshots through DeleteSnapshot's own rules, answering how that went as
     * DeregisterImage reports it: in use by another image is {@code skipped}, not the caller's (a public one the image
     * was registered from) {@code missing-permissions}.
     */
    private String deleteSnapshot(RequestContext context, String snapshotId) {
        try {
            snapshots.delete(context, snapshotId);
            return "success";
        } catch (CloudException e) {
            return e.code() == Ec2Error.SNAPSHOT_IN_USE ? "skipped"
                    : e.code() == Ec2Error.AUTH_FAILURE ? "missing-permissions" : "client-error";
        }
    }

    /**
     * EnableImageDeprecation ({@code at} given) and DisableImageDeprecation (null): only the owner may. A time is
     * rounded up to the minute, as EC2 rounds it, and must be in the future and at most ten years away (two from
     * the image's creation for a public image).
     */
    public void deprecate(RequestContext context, String imageId, Instant at) {
        Versioned<Image> image = directory.requireOwned(context.account(), context.region(), imageId);
        Instant deprecateAt = at == null ? null : roundedUpToTheMinute(at);
        if (deprecateAt != null) {
            Instant now = context.now();
            Instant latest = image.value().isPublic()
                    ? image.value().creationDate().atZone(ZoneOffset.UTC).plusYears(2).toInstant()
                    : now.atZone(ZoneOffset.UTC).plusYears(10).toInstant();
            if (!deprecateAt.isAfter(now) || deprecateAt.isAfter(latest)) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The deprecation time " + at + " must be in the"
                        + " future and not after " + latest + ".");
            }
        }
        Writes.commit(store, context, new WriteBatch().put(ImageRecords.IMAGES, image.key(), image.version(),
                image.value().withDeprecationTime(deprecateAt)));
    }

    private static Instant roundedUpToTheMinute(Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        return minute.equals(at) ? at : minute.plus(Duration.ofMinutes(1));
    }

    /** DescribeImageAttribute, ModifyImageAttribute and ResetImageAttribute (owner only). */
    /** What keeps a snapshot: an image of its owner, in its region, whose block device mappings name it. */
    public static SnapshotUsers snapshotUsers(Store store) {
        return (account, region, snapshotId) -> store.list(ImageRecords.IMAGES, account, region).stream()
                .map(Versioned::value)
                .filter(image -> image.blockDevices().stream().anyMatch(device -> snapshotId.equals(device.snapshotId())))
                .map(Image::id).findFirst();
    }

    public ImageAttributes attributes() {
        return attributes;
    }

    private List<Image> named(RequestContext context, List<String> imageIds) {
        List<Image> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String imageId : new LinkedHashSet<>(imageIds)) {
            directory.findVisible(context.account(), context.region(), imageId)
                    .ifPresentOrElse(found::add, () -> missing.add(imageId));
        }
        if (!missing.isEmpty()) {
            throw ImageDirectory.notFound(missing);
        }
        return found;
    }

    /** Tags belong to the owner: other accounts see a shared or public image without them, as in EC2. */
    /** The image with the tags {@code account} sees on it ({@link ImageTags#seenBy}). */
    private Image asSeenBy(String account, Image image) {
        if (image.isOwnedBy(account)) {
            return image;
        }
        List<Tag> seen = ImageTags.seenBy(store, account, image);
        return seen.equals(image.tags()) ? image : image.withTags(seen);
    }

    /** How CreateTags, DeleteTags and DescribeTags reach images ({@link ImageTags}). */
    public TaggedKind taggable() {
        return new ImageTags(directory);
    }

    private static Predicate<Image> owners(String account, List<String> owners) {
        Predicate<Image> any = owners.isEmpty() ? image -> true : image -> false;
        for (String owner : owners) {
            Predicate<Image> one;
            if ("self".equals(owner)) {
                one = image -> image.isOwnedBy(account);
            } else if (OWNER_ALIASES.contains(owner)) {
                one = image -> owner.equals(image.ownerAlias());
            } else {
                String ownerId = UserIds.requireAccountId(owner);
                one = image -> image.isOwnedBy(ownerId);
            }
            any = any.or(one);
        }
        return any;
    }

    /** "all": public images; "self" or an account id: images explicitly shared with that account. */
    private static Predicate<Image> executableBy(String account, List<String> users) {
        Predicate<Image> any = users.isEmpty() ? image -> true : image -> false;
        for (String user : users) {
            Predicate<Image> one;
            if ("all".equals(user)) {
                one = Image::isPublic;
            } else {
                String userId = "self".equals(user) ? account : UserIds.requireAccountId(user);
                one = image -> image.launchUserIds().contains(userId);
            }
            any = any.or(one);
        }
        return any;
    }
}
