package dev.gureum.core.tag;

/** A key and value attached to a resource; the value may be empty but is never null. */
public record Tag(String key, String value) {

    public Tag {
        value = value == null ? "" : value;
    }
}
