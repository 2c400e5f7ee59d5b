package dev.gureum.core.image;

/** The states Gureum's images pass through, with EC2's names. Deregistered images are gone at once. */
public enum ImageState {
    PENDING("pending"),
    AVAILABLE("available");

    private final String wireName;

    ImageState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
