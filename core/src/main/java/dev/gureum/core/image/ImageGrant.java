package dev.gureum.core.image;

/**
 * An index entry saying "image {@code imageId} of {@code ownerId} may be launched by the account this
 * record is filed under" (or by everyone, when filed under {@link dev.gureum.core.share.Grants#EVERYONE}). Written in the same batch
 * as the owner's launch permission change, so an account finds the images shared with it without
 * reading other accounts' records.
 */
public record ImageGrant(String imageId, String ownerId) {
}
