package dev.gureum.core.image;

import dev.gureum.core.RequestContext;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagService;
import dev.gureum.core.tag.TaggedKind;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Tags on images: an owner's tags live on its image; an account that can see an image it does not own (a public
 * catalog AMI, a shared one) may tag it too, and those tags are kept for that account alone
 * ({@link ImageViewerTags}), as EC2 does: the owner and other accounts never see them.
 */
final class ImageTags implements TaggedKind {
    private final ImageDirectory directory;

    ImageTags(ImageDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<IdKind> idKinds() {
        return List.of(IdKind.IMAGE);
    }

    @Override
    public void collect(Store store, RequestContext context, Consumer<TagService.ResourceTag> into) {
        for (Versioned<Image> image : store.list(ImageRecords.IMAGES, context.account(), context.region())) {
            image.value().tags().forEach(tag -> into.accept(resourceTag(image.key().id(), tag)));
        }
        for (Versioned<ImageViewerTags> viewed : store.list(ImageRecords.VIEWER_TAGS, context.account(),
                context.region())) {
            viewed.value().tags().forEach(tag -> into.accept(resourceTag(viewed.key().id(), tag)));
        }
    }

    @Override
    public void stage(Store store, RequestContext context, List<String> resourceIds, WriteBatch batch,
                      UnaryOperator<List<Tag>> change) {
        for (String imageId : resourceIds) {
            ImageDirectory.requireWellFormed(imageId);
            RecordKey key = new RecordKey(context.account(), context.region(), imageId);
            var owned = store.get(ImageRecords.IMAGES, key);
            if (owned.isPresent()) {
                Image image = owned.get().value();
                batch.put(ImageRecords.IMAGES, key, owned.get().version(), image.withTags(change.apply(image.tags())));
                continue;
            }
            if (directory.findVisible(context.account(), context.region(), imageId).isEmpty()) {
                throw ImageDirectory.notFound(List.of(imageId));
            }
            var viewed = store.get(ImageRecords.VIEWER_TAGS, key);
            List<Tag> tags = change.apply(viewed.map(found -> found.value().tags()).orElse(List.of()));
            if (tags.isEmpty()) {
                batch.delete(ImageRecords.VIEWER_TAGS, key, WriteBatch.ANY);
            } else {
                batch.put(ImageRecords.VIEWER_TAGS, key, viewed.map(Versioned::version).orElse(WriteBatch.ABSENT),
                        new ImageViewerTags(tags));
            }
        }
    }

    /** The tags {@code account} sees on an image: the owner's own, or those the account put on another's. */
    static List<Tag> seenBy(Store store, String account, Image image) {
        if (image.isOwnedBy(account)) {
            return image.tags();
        }
        return store.get(ImageRecords.VIEWER_TAGS, new RecordKey(account, image.region(), image.id()))
                .map(viewed -> viewed.value().tags()).orElse(List.of());
    }

    private static TagService.ResourceTag resourceTag(String imageId, Tag tag) {
        return new TagService.ResourceTag(imageId, "image", tag.key(), tag.value());
    }
}
