package dev.gureum.protocol.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Fills any SDK shape by walking its model metadata; subclasses choose the scalar values, list sizes
 * and limits. A random subset of each structure's members is set, always at least one: a structure
 * with nothing set would vanish on the query wire, which cannot express an empty structure; a
 * structure too deep to hold anything is left out (null). Seeded, so failures reproduce.
 */
public abstract class ShapeFiller {
    protected final Random random;
    private final int maxDepth;

    protected ShapeFiller(long seed, int maxDepth) {
        this.random = new Random(seed);
        this.maxDepth = maxDepth;
    }

    /** A scalar of the given type, or null for a type the filler leaves out. */
    protected abstract Object scalar(MarshallingKnownType type);

    /** How many items the next list gets. */
    protected abstract int listSize();

    /** Whether more optional members may be set (a value budget, for instance). */
    protected boolean moreValues() {
        return true;
    }

    /** Called for every value produced. */
    protected void counted() {
    }

    public final SdkPojo fill(SdkPojo builder) {
        SdkPojo filled = fill(builder, 0);
        return filled != null ? filled : (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private SdkPojo fill(SdkPojo builder, int depth) {
        boolean anySet = false;
        for (SdkField<?> field : builder.sdkFields()) {
            if (moreValues() && (depth == 0 || random.nextInt(4) > 0)) {
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
        counted();
        MarshallingKnownType type = field.marshallingType().getKnownType();
        return switch (type) {
            case SDK_POJO -> depth >= maxDepth ? null : fill(field.constructor().get(), depth + 1);
            case LIST -> list(field, depth);
            case MAP -> map(field, depth);
            default -> scalar(type);
        };
    }

    private List<Object> list(SdkField<?> field, int depth) {
        if (depth >= maxDepth) {
            return null;
        }
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        int size = listSize();
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
        entries.put((String) scalar(MarshallingKnownType.STRING), value(valueField, depth + 1));
        return entries;
    }
}
