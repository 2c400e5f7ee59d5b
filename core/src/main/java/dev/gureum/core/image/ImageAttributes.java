package dev.gureum.core.image;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.share.PermissionChange;
import dev.gureum.core.share.Permissions;
import java.util.List;

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

    public void modifyLaunchPermission(RequestContext context, String imageId, PermissionChange change) {
        change.validate("launch permission");
        Versioned<Image> image = directory.requireOwned(context.account(), context.region(), imageId);
        Permissions after = change.applyTo(image.value().launchPermissions());
        save(context, image, image.value().withLaunchPermissions(after.isPublic(), after.userIds()));
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
}
