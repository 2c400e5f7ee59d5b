package dev.gureum.core.image;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;

/** The record kinds images are stored as. Names are persisted: never rename them. */
public final class ImageRecords {
    /** Accounts' own images, keyed by owner, region and image id. The public catalog is not stored. */
    public static final RecordKind<Image> IMAGES = RecordKind.of("image", Image.class);
    /** Launch permissions indexed by grantee (see {@link ImageGrant}). */
    public static final RecordKind<ImageGrant> GRANTS = RecordKind.of("image-grant", ImageGrant.class);
    /** Names in use, keyed by owner, region and name (see {@link ImageNameClaim}). */
    public static final RecordKind<ImageNameClaim> NAMES = RecordKind.of("image-name", ImageNameClaim.class);

    /** Tags accounts put on images they see but do not own, keyed by that account, region and image id. */
    public static final RecordKind<ImageViewerTags> VIEWER_TAGS = RecordKind.of("image-viewer-tags",
            ImageViewerTags.class);

    private ImageRecords() {
    }

    static RecordKey nameKey(String ownerId, String region, String name) {
        return new RecordKey(ownerId, region, name);
    }
}
