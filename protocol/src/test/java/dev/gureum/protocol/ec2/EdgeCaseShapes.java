package dev.gureum.protocol.ec2;

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

/**
 * Fills an SDK response shape with the values where XML clients disagree most: empty and
 * whitespace-only strings, carriage returns, markup characters, extreme numbers, timestamps at the
 * edges of what EC2 writes, empty blobs and empty lists. It nests deeper than {@link RandomShapes}
 * (deep enough for an instance's network interface groups) and stops adding optional members once a
 * value budget is spent, so a response stays small. Seeded, so failures reproduce.
 */
final class EdgeCaseShapes {
    private static final String[] STRINGS = {"", " ", "  padded  ", "\r\n", "a\rb", "]]>", "&amp;", "<tag/>",
        "\"quoted\" 'single'", "é한🙂", "line\nbreak", "\t", "sg-0123456789abcdef0", "x"};
    private static final int[] INTEGERS = {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final long[] LONGS = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53};
    private static final float[] FLOATS = {0f, -0.5f, 1.0e-3f, 3.4028235e38f, 123456.78f};
    private static final double[] DOUBLES = {0d, -0.5d, 1.0e-7d, 1.7976931348623157e308d, 0.1d, 12345678.9d};
    private static final long[] EPOCH_MILLIS = {0, -1, 1, 253_402_300_799_999L, -62_135_596_800_000L,
        1_700_000_000_123L};
    private static final int MAX_DEPTH = 10;
    private static final int VALUE_BUDGET = 4000;

    private final Random random;
    private int valuesLeft = VALUE_BUDGET;

    EdgeCaseShapes(long seed) {
        this.random = new Random(seed);
    }

    SdkPojo fill(SdkPojo builder) {
        SdkPojo filled = fill(builder, 0);
        return filled != null ? filled : (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    /** Like {@link RandomShapes}: a random subset of the fields, at least one, or null when too deep. */
    private SdkPojo fill(SdkPojo builder, int depth) {
        boolean anySet = false;
        for (SdkField<?> field : builder.sdkFields()) {
            if (valuesLeft > 0 && (depth == 0 || random.nextInt(4) > 0)) {
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
        valuesLeft--;
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> STRINGS[random.nextInt(STRINGS.length)];
            case INTEGER -> INTEGERS[random.nextInt(INTEGERS.length)];
            case LONG -> LONGS[random.nextInt(LONGS.length)];
            case FLOAT -> FLOATS[random.nextInt(FLOATS.length)];
            case DOUBLE -> DOUBLES[random.nextInt(DOUBLES.length)];
            case BOOLEAN -> random.nextBoolean();
            case INSTANT -> Instant.ofEpochMilli(EPOCH_MILLIS[random.nextInt(EPOCH_MILLIS.length)]);
            case SDK_BYTES -> random.nextBoolean() ? SdkBytes.fromByteArray(new byte[0]) : randomBytes();
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
        int size = valuesLeft > 0 ? random.nextInt(4) : 0;
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
        entries.put(STRINGS[random.nextInt(STRINGS.length)], value(valueField, depth + 1));
        return entries;
    }

    private SdkBytes randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(40)];
        random.nextBytes(bytes);
        return SdkBytes.fromByteArray(bytes);
    }
}
