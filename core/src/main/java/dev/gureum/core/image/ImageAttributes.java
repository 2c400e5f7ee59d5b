package dev.gureum.core.image;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An image's attributes as only its owner may read and change them (others get AuthFailure, as in EC2):
 * the description, IMDS support (v2.0 only, never undone) and launch permissions — account ids and the
 * group "all", which makes the image public. Sharing also files {@link ImageGrant} index records.
 */
public final class ImageAttributes {
    private final Store store;
    private final ImageDirectory directory;

    ImageAttributes(Store store, ImageDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** The caller's image whose attributes DescribeImageAttribute reports. */
    public Image describe(RequestContext context, String imageId) {
        return directory.requireOwned(context.account(), context.region(), imageId).value();
    }

    public void modifyDescription(RequestContext context, String imageId, String description) {
        Versioned<Image> image = directory.requireOwned(context.account(), context.region(), imageId);
        save(context, image, image.value().withDescription(description));
    }

    public void modifyImdsSupport(RequestContext context, String imageId, String imdsSupport) {
        Versioned<Image> image = directory.requireOwned(context.account(), context.region(), imageId);
        if (!"v2.0".equals(imdsSupport)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + imdsSupport
                    + ") for parameter ImdsSupport is invalid. The only value is v2.0, and it cannot be undone.");
        }
        save(context, image, image.value().withImdsSupport(imdsSupport));
    }

    public void modifyLaunchPermission(RequestContext context, String imageId, LaunchPermissionChange change) {
        if (change.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must name a launch permission to add or remove.");
        }
        change.addUserIds().forEach(UserIds::requireAccountId);
        change.removeUserIds().forEach(UserIds::requireAccountId);
        change.addGroups().forEach(ImageAttributes::requireGroup);
        change.removeGroups().forEach(ImageAttributes::requireGroup);
        Versioned<Image> image = directory.requireOwned(context.account(), context.region(), imageId);
        Set<String> users = new LinkedHashSet<>(image.value().launchUserIds());
        users.addAll(change.addUserIds());
        change.removeUserIds().forEach(users::remove);
        boolean isPublic = (image.value().isPublic() || !change.addGroups().isEmpty()) && change.removeGroups().isEmpty();
        save(context, image, image.value().withLaunchPermissions(isPublic, new ArrayList<>(users)));
    }

    /** ResetImageAttribute: only launchPermission can be reset; the image becomes private and unshared. */
    public void reset(RequestContext context, String imageId, ImageAttributeName attribute) {
        if (attribute != ImageAttributeName.LAUNCH_PERMISSION) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + attribute.wireName()
                    + ") for parameter attribute is invalid. Only launchPermission can be reset.");
        }
        Versioned<Image> image = directory.requireOwned(context.account(), context.region(), imageId);
        save(context, image, image.value().withLaunchPermissions(false, List.of()));
    }

    private void save(RequestContext context, Versioned<Image> before, Image after) {
        WriteBatch batch = new WriteBatch().put(ImageRecords.IMAGES, before.key(), before.version(), after);
        ImageDirectory.regrant(batch, before.value(), after);
        Writes.commit(store, context, batch);
    }

    private static void requireGroup(String group) {
        if (!"all".equals(group)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + group
                    + ") for parameter Group is invalid. The only group is all.");
        }
    }
}
