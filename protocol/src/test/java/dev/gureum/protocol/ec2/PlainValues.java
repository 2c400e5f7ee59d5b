package dev.gureum.protocol.ec2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK object as the plain tree botocore would print: structures as maps keyed by XML element
 * name (the SDK renames some members, botocore does not), timestamps as epoch milliseconds, blobs as base64 text. A member the SDK never received (an
 * auto-constructed list or map, or null) is left out, while a received empty list stays an empty list
 * — the distinction the SDK's {@code equals} does not make.
 */
public final class PlainValues {

    private PlainValues() {
    }

    public static Map<String, Object> of(SdkPojo pojo) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = plain(field.getValueOrDefault(pojo));
            if (value != null) {
                members.put(field.unmarshallLocationName(), value);
            }
        }
        return members;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            return of(pojo);
        }
        if (value instanceof List<?> items) {
            List<Object> plainItems = new ArrayList<>(items.size());
            items.forEach(item -> plainItems.add(plain(item)));
            return plainItems;
        }
        if (value instanceof Map<?, ?> entries) {
            Map<String, Object> plainEntries = new LinkedHashMap<>();
            entries.forEach((key, entry) -> plainEntries.put(String.valueOf(key), plain(entry)));
            return plainEntries;
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof SdkBytes bytes) {
            return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
        }
        return value;
    }
}
