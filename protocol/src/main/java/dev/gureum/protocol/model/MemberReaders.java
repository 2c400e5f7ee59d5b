package dev.gureum.protocol.model;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.core.traits.TraitType;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads the members of a built SDK shape through the shape's own getters ({@code Instance::instanceId}),
 * each called through a function made for it, instead of through {@link SdkField#getValueOrDefault},
 * which costs two megamorphic calls and a trait lookup per member: on a DescribeInstances of 1,000 that
 * was more than half of the encoding time.
 *
 * <p>A getter is found by the SDK's naming (the member name with its leading capitals lowered, for enums
 * the {@code …AsString} or {@code …AsStrings} variant) and trusted only if, on a probe object in which
 * only this member is set, its function returns the very object {@code SdkField} returns. Anything else
 * (no such getter, another answer, a member with a default value such as an idempotency token, a type
 * the probe cannot make) is read through {@code SdkField}, so the value read is the same either way.
 */
public final class MemberReaders {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType FUNCTION = MethodType.methodType(Function.class);
    private static final MethodType APPLY = MethodType.methodType(Object.class, Object.class);

    private final Class<?> shape;
    private final Method builderMethod;
    private final Map<String, Method> getters = new HashMap<>();

    private MemberReaders(Class<?> shape) {
        this.shape = shape;
        try {
            this.builderMethod = shape.getMethod("builder");
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(shape.getName() + " is not an SDK model shape", e);
        }
        for (Method method : shape.getMethods()) {
            if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                    && !method.getReturnType().isPrimitive()) {
                getters.put(method.getName(), method);
            }
        }
    }

    /** The readers of a built shape's class, which must offer a static {@code builder()} as model classes do. */
    public static MemberReaders of(Class<?> shape) {
        return new MemberReaders(shape);
    }

    /** The shape's fields, in model order. */
    public List<SdkField<?>> fields() {
        return newBuilder().sdkFields();
    }

    /** A function that reads {@code field} from a built object of this shape. */
    public Function<Object, Object> reader(SdkField<?> field) {
        Function<Object, Object> getter = getter(field);
        return getter == null ? field::getValueOrDefault : getter;
    }

    /** The member's own getter as a function, once a probe confirmed it; null if none was confirmed. */
    Function<Object, Object> getter(SdkField<?> field) {
        if (field.containsTrait(DefaultValueTrait.class, TraitType.DEFAULT_VALUE_TRAIT)) {
            return null;
        }
        Object probe = probe(field);
        Object expected = probe == null ? null : field.getValueOrDefault(probe);
        if (expected == null) {
            return null;
        }
        for (String name : getterNames(field.memberName())) {
            Function<Object, Object> getter = function(getters.get(name));
            if (getter != null && getter.apply(probe) == expected) {
                return getter;
            }
        }
        return null;
    }

    /** A built object in which only {@code field} is set, or null if no value can be made for it. */
    private Object probe(SdkField<?> field) {
        Object value = probeValue(field);
        if (value == null) {
            return null;
        }
        SdkPojo builder = newBuilder();
        field.set(builder, value);
        return ((SdkBuilder<?, ?>) builder).build();
    }

    /** A value the member's setter takes; distinct objects, not boxing caches, wherever the type allows. */
    private static Object probeValue(SdkField<?> field) {
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> new String("probe");
            case INTEGER -> Integer.valueOf(1_000_003);
            case LONG -> Long.valueOf(1_000_003L);
            case SHORT -> Short.valueOf((short) 1_003);
            case FLOAT -> Float.valueOf(1.5f);
            case DOUBLE -> Double.valueOf(1.5);
            case BIG_DECIMAL -> new BigDecimal("1.5");
            case BOOLEAN -> Boolean.TRUE;
            case INSTANT -> Instant.ofEpochSecond(1_000_003);
            case SDK_BYTES -> SdkBytes.fromByteArray(new byte[] {1});
            case SDK_POJO -> ((SdkBuilder<?, ?>) field.constructor().get()).build();
            case LIST -> List.of();
            case MAP -> Map.of();
            case BYTE, NULL, DOCUMENT -> null;
        };
    }

    /**
     * {@code InstanceId} → instanceId, {@code FIPSEnabled} → fipsEnabled; enum members first with their
     * suffixes, and a Java keyword such as {@code Return} with {@code Value} (returnValue).
     */
    private static Set<String> getterNames(String memberName) {
        Set<String> names = new LinkedHashSet<>();
        for (String base : List.of(lowerFirst(memberName), lowerLeadingCapitals(memberName))) {
            for (String suffix : List.of("AsString", "AsStrings", "", "Value")) {
                names.add(base + suffix);
            }
        }
        return names;
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static String lowerLeadingCapitals(String name) {
        int capitals = 0;
        while (capitals < name.length() && Character.isUpperCase(name.charAt(capitals))) {
            capitals++;
        }
        int lowered = capitals > 1 && capitals < name.length() ? capitals - 1 : capitals;
        return name.substring(0, lowered).toLowerCase(Locale.ROOT) + name.substring(lowered);
    }

    private SdkPojo newBuilder() {
        try {
            return (SdkPojo) builderMethod.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a builder of " + shape.getName(), e);
        }
    }

    /** The getter as a function, or null if it cannot be called from here. */
    @SuppressWarnings("unchecked")
    private Function<Object, Object> function(Method getter) {
        if (getter == null) {
            return null;
        }
        try {
            return (Function<Object, Object>) LambdaMetafactory.metafactory(LOOKUP, "apply", FUNCTION, APPLY,
                    LOOKUP.unreflect(getter), MethodType.methodType(getter.getReturnType(), shape))
                    .getTarget().invoke();
        } catch (Throwable e) {
            return null;
        }
    }
}
