package dev.gureum.protocol.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * What the codecs need to know about one SDK shape, computed once per class from
 * {@link SdkPojo#sdkFields()}: its fields and a lookup of fields by their query (request-side) name.
 * Query names are matched case-insensitively, as EC2 does for parameter names.
 */
public final class ShapePlan {
    private static final Map<Class<?>, ShapePlan> PLANS = new ConcurrentHashMap<>();

    private final List<SdkField<?>> fields;
    private final Map<String, SdkField<?>> fieldsByQueryName;

    private ShapePlan(SdkPojo prototype) {
        this.fields = List.copyOf(prototype.sdkFields());
        Map<String, SdkField<?>> byName = new HashMap<>();
        for (SdkField<?> field : fields) {
            byName.put(field.locationName().toLowerCase(Locale.ROOT), field);
        }
        this.fieldsByQueryName = Map.copyOf(byName);
    }

    /** The plan of the shape that {@code builder} builds (builders and built objects share fields). */
    public static ShapePlan of(SdkPojo pojo) {
        return PLANS.computeIfAbsent(pojo.getClass(), type -> new ShapePlan(pojo));
    }

    public static ShapePlan of(Supplier<SdkPojo> builders) {
        return of(builders.get());
    }

    public List<SdkField<?>> fields() {
        return fields;
    }

    /** The field a query parameter segment names, or null. */
    public SdkField<?> queryField(String name) {
        return fieldsByQueryName.get(name.toLowerCase(Locale.ROOT));
    }
}
