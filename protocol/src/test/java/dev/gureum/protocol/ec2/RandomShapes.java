package dev.gureum.protocol.ec2;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/** Fills any SDK shape with random values, walking its model metadata; seeded, so failures reproduce. */
final class RandomShapes {
    private static final String ALPHABET = "abcXYZ019 -_./:&<>\"'=+%é한🙂\t\n";
    private static final int MAX_DEPTH = 5;

    private final Random random;
    private final boolean allowEmptyLists;
    private final long instantUnitMillis;

    private RandomShapes(long seed, boolean allowEmptyLists, long instantUnitMillis) {
        this.random = new Random(seed);
        this.allowEmptyLists = allowEmptyLists;
        this.instantUnitMillis = instantUnitMillis;
    }

    /**
     * Values a query request can carry: lists are never empty (an empty list is sent as nothing) and
     * timestamps are whole seconds (the SDK drops milliseconds for some timestamp members).
     */
    static RandomShapes forRequests(long seed) {
        return new RandomShapes(seed, false, 1000);
    }

    /** Values a response can carry: empty lists and millisecond timestamps included. */
    static RandomShapes forResponses(long seed) {
        return new RandomShapes(seed, true, 1);
    }

    SdkPojo fill(SdkPojo builder) {
        SdkPojo filled = fill(builder, 0);
        return filled != null ? filled : (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    /**
     * Sets a random subset of the fields. A structure with nothing set would vanish on the query wire, so
     * at least one field is always set (the query side cannot express an empty structure); a structure
     * too deep to hold anything is left out (null).
     */
    private SdkPojo fill(SdkPojo builder, int depth) {
        boolean anySet = false;
        for (SdkField<?> field : builder.sdkFields()) {
            if (random.nextInt(4) > 0 || depth == 0) {
                anySet |= set(builder, field, depth);
            }
        }
        for (SdkField<?> field : builder.sdkFields()) {
            if (anySet) {
                break;
            }
            anySet = set(builder, field, depth);
        }
        return anySet ? (SdkPojo) ((SdkBuilder<?, ?>) builder).build() : null;
    }

    private boolean set(SdkPojo builder, SdkField<?> field, int depth) {
        Object value = value(field, depth);
        if (value != null) {
            field.set(builder, value);
        }
        return value != null;
    }

    private Object value(SdkField<?> field, int depth) {
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> string();
            case INTEGER -> random.nextInt(100_000) - 10;
            case LONG -> random.nextLong();
            case SHORT -> (short) random.nextInt(1000);
            case BYTE -> (byte) random.nextInt(100);
            case FLOAT -> random.nextInt(10_000) / 8f;
            case DOUBLE -> random.nextDouble() * 1e6;
            case BIG_DECIMAL -> BigDecimal.valueOf(random.nextInt(1_000_000), 3);
            case BOOLEAN -> random.nextBoolean();
            case INSTANT -> Instant.ofEpochMilli(
                    (1_600_000_000_000L + random.nextInt(Integer.MAX_VALUE)) / instantUnitMillis * instantUnitMillis);
            case SDK_BYTES -> SdkBytes.fromUtf8String(string());
            case SDK_POJO -> depth >= MAX_DEPTH ? null : fill(field.constructor().get(), depth + 1);
            case LIST -> list(field, depth);
            case MAP -> map(field, depth);
            default -> null;
        };
    }

    private List<Object> list(SdkField<?> field, int depth) {
        if (depth >= MAX_DEPTH) {
            return null;
        }
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        int size = allowEmptyLists ? random.nextInt(3) : 1 + random.nextInt(2);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Object item = value(member, depth + 1);
            if (item == null) {
                return null;
            }
            items.add(item);
        }
        return items;
    }

    private Map<String, Object> map(SdkField<?> field, int depth) {
        SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            entries.put(string(), value(valueField, depth + 1));
        }
        return entries;
    }

    private String string() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                    random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return text.toString();
    }
}
