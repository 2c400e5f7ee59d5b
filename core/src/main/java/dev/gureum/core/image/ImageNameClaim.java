package dev.gureum.core.image;

/**
 * Holds an AMI name for one owner in one region (the record's key is the name): written with the image
 * in one batch that expects it absent, so two racing requests cannot both take a name.
 */
public record ImageNameClaim(String imageId) {
}
