package dev.gureum.core.image;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.share.Grants;
import dev.gureum.core.share.Permissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the images an account can see in a region — the public catalog, its own images, and images
 * other accounts made public or shared with it (through {@link ImageGrant} index records) — and keeps
 * those index records in step with each image's launch permissions.
 */
final class ImageDirectory {
    private final Store store;
    private final ImageCatalog catalog;

    ImageDirectory(Store store, ImageCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    ImageCatalog catalog() {
        return catalog;
    }

    /** Every image {@code account} can see in {@code region}, each once. */
    List<Image> visible(String account, String region) {
        Map<String, Image> images = new LinkedHashMap<>();
        catalog.images(region).forEach(image -> images.put(image.id(), image));
        store.list(ImageRecords.IMAGES, account, region).forEach(own -> images.put(own.key().id(), own.value()));
        for (String grantee : List.of(account, Grants.EVERYONE)) {
            for (Versioned<ImageGrant> grant : store.list(ImageRecords.GRANTS, grantee, region)) {
                if (!images.containsKey(grant.value().imageId())) {
                    shared(grant.value(), region).ifPresent(image -> images.put(image.id(), image));
                }
            }
        }
        return new ArrayList<>(images.values());
    }

    Optional<Image> findVisible(String account, String region, String imageId) {
        Optional<Image> found = catalog.find(region, imageId)
                .or(() -> store.get(ImageRecords.IMAGES, new RecordKey(account, region, imageId)).map(Versioned::value));
        for (String grantee : List.of(account, Grants.EVERYONE)) {
            if (found.isEmpty()) {
                found = store.get(ImageRecords.GRANTS, new RecordKey(grantee, region, imageId))
                        .flatMap(grant -> shared(grant.value(), region));
            }
        }
        return found;
    }

    /**
     * The caller's own image, for changes: malformed id, an image the caller cannot see (NotFound) and one
     * it sees but does not own (AuthFailure, as EC2 answers for a public AMI) are refused.
     */
    Versioned<Image> requireOwned(String account, String region, String imageId) {
        requireWellFormed(imageId);
        Optional<Versioned<Image>> owned = store.get(ImageRecords.IMAGES, new RecordKey(account, region, imageId));
        if (owned.isPresent()) {
            return owned.get();
        }
        if (findVisible(account, region, imageId).isPresent()) {
            throw Ec2Error.AUTH_FAILURE.exception("Not authorized for image:" + imageId);
        }
        throw notFound(List.of(imageId));
    }

    /** The caller's images in a region, for client-token checks. */
    List<Image> owned(String account, String region) {
        return store.list(ImageRecords.IMAGES, account, region).stream().map(Versioned::value).toList();
    }

    /** Adds the puts and deletes that make the grant index match {@code after} (null: the image is gone). */
    static void regrant(WriteBatch batch, Image before, Image after) {
        Grants.regrant(batch, ImageRecords.GRANTS, before.region(), before.id(), before.launchPermissions(),
                after == null ? Permissions.PRIVATE : after.launchPermissions(),
                () -> new ImageGrant(before.id(), before.ownerId()));
    }

    static void requireWellFormed(String imageId) {
        ResourceIds.requireWellFormed(IdKind.IMAGE, List.of(imageId));
    }

    /** InvalidAMIID.NotFound in EC2's words: "The image id '[ami-…]' does not exist". */
    static CloudException notFound(List<String> imageIds) {
        String list = "[" + String.join(", ", imageIds) + "]";
        return Ec2Error.IMAGE_ID_NOT_FOUND.exception(imageIds.size() == 1
                ? "The image id '" + list + "' does not exist"
                : "The image ids '" + list + "' do not exist");
    }

    private Optional<Image> shared(ImageGrant grant, String region) {
        return store.get(ImageRecords.IMAGES, new RecordKey(grant.ownerId(), region, grant.imageId()))
                .map(Versioned::value);
    }
}
