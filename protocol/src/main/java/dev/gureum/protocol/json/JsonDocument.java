package dev.gureum.protocol.json;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A JSON request or response body carried as it is, for a service whose SDK model classes are not available
 * (Cost Explorer): the handler reads and writes the document itself. It has no model fields, so the
 * gateway's generic steps (required members, dry run) pass it through untouched.
 */
public record JsonDocument(String operation, byte[] body) implements SdkPojo {

    @Override
    public List<SdkField<?>> sdkFields() {
        return List.of();
    }
}
