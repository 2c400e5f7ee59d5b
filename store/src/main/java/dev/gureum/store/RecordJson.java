package dev.gureum.store;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes record values as the same JSON, byte for byte, that {@link RecordCodec}'s Jackson mapper writes
 * (components in declaration order, nulls left out, instants and durations as ISO-8601 text, enums by
 * name, byte arrays as base64, a record shaped as an array by {@link JsonFormat} as the array of its
 * components' values, nulls written), from a plan made once per record class: each component's name already
 * encoded, read through a function made from its accessor, written by a writer chosen for its declared type.
 * Jackson's general machinery cost about 40% of a launch's time on the request thread.
 *
 * <p>A record class with a component of a type outside that list (floating point numbers, maps with
 * keys other than strings, {@code Object}, a class that is not a record) has no plan, and its values
 * are left to Jackson, as are values holding such a record.
 */
final class RecordJson {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");
    private static final byte[] NULL = bytes("null");
    /**
     * A buffer per thread to write into, so a record costs one array of its exact size; one that grew
     * past {@value #KEPT_SCRATCH_BYTES} bytes for an unusually large record is not kept.
     */
    private static final ThreadLocal<JsonOutput> SCRATCH = ThreadLocal.withInitial(() -> new JsonOutput(1024));
    private static final int KEPT_SCRATCH_BYTES = 64 << 10;
    private static final ClassValue<RecordPlan> PLANS = new ClassValue<>() {
        @Override
        protected RecordPlan computeValue(Class<?> type) {
            return RecordPlan.of(type);
        }
    };

    private RecordJson() {
    }

    /** The JSON of {@code value}, or null if it is not a record this class can write. */
    static byte[] encode(Object value) {
        RecordPlan plan = PLANS.get(value.getClass());
        if (plan == null) {
            return null;
        }
        JsonOutput out = SCRATCH.get();
        out.clear();
        try {
            plan.write(value, out);
            return out.toByteArray();
        } catch (Unwritable e) {
            return null;
        } finally {
            if (out.capacity() > KEPT_SCRATCH_BYTES) {
                SCRATCH.remove();
            }
        }
    }

    /** A record met while writing that has no plan: the whole value is left to Jackson. */
    private static final class Unwritable extends RuntimeException {
        Unwritable() {
            super(null, null, false, false);
        }
    }

    /** Writes one value of a known declared type. */
    @FunctionalInterface
    private interface ValueWriter {
        void write(Object value, JsonOutput out);
    }

    /**
     * One component: its name as {@code "name":}, how to read it and how to write its value; a component of a
     * {@link Leaf} type is written by its leaf directly, a call the JIT can inline, where the writer of each
     * component is one more call through an interface with many implementations.
     */
    private record Component(byte[] name, Function<Object, Object> read, ValueWriter writer, Leaf leaf) {
        /** Writes the component's (non-null) value. */
        void write(Object member, JsonOutput out) {
            if (leaf != null) {
                leaf.write(member, out);
            } else {
                writer.write(member, out);
            }
        }
    }

    /** The declared types most components have, each written as Jackson writes it. */
    private enum Leaf {
        STRING, BOOLEAN, INTEGRAL, ENUM, INSTANT;

        /** The leaf of a declared type, or null for any other. */
        static Leaf of(Class<?> type) {
            if (type == String.class) {
                return STRING;
            }
            if (type == boolean.class || type == Boolean.class) {
                return BOOLEAN;
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == short.class || type == Short.class) {
                return INTEGRAL;
            }
            if (type.isEnum()) {
                return ENUM;
            }
            return type == Instant.class ? INSTANT : null;
        }

        void write(Object value, JsonOutput out) {
            switch (this) {
                case STRING -> out.string((String) value);
                case BOOLEAN -> out.raw((Boolean) value ? TRUE : FALSE);
                case INTEGRAL -> out.number(((Number) value).longValue());
                case ENUM -> out.string(((Enum<?>) value).name());
                case INSTANT -> out.instant((Instant) value);
            }
        }
    }

    private static final class RecordPlan {
        private final Component[] components;
        /** Written as {@code [value,…]}, nulls too, as Jackson writes a record shaped as an array. */
        private final boolean array;

        private RecordPlan(Component[] components, boolean array) {
            this.components = components;
            this.array = array;
        }

        /** The plan of a record class, or null if one of its components cannot be written here. */
        static RecordPlan of(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            RecordComponent[] declared = type.getRecordComponents();
            Component[] components = new Component[declared.length];
            for (int i = 0; i < declared.length; i++) {
                Function<Object, Object> read = accessor(type, declared[i].getAccessor());
                ValueWriter writer = writerOf(declared[i].getGenericType());
                if (read == null || writer == null) {
                    return null;
                }
                Leaf leaf = declared[i].getType() == declared[i].getGenericType() ? Leaf.of(declared[i].getType()) : null;
                components[i] = new Component(bytes("\"" + declared[i].getName() + "\":"), read, writer, leaf);
            }
            JsonFormat format = type.getAnnotation(JsonFormat.class);
            return new RecordPlan(components, format != null && format.shape() == JsonFormat.Shape.ARRAY);
        }

        void write(Object value, JsonOutput out) {
            if (array) {
                writeArray(value, out);
                return;
            }
            out.write('{');
            boolean first = true;
            for (Component component : components) {
                Object member = component.read.apply(value);
                if (member != null) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    out.raw(component.name);
                    component.write(member, out);
                }
            }
            out.write('}');
        }

        private void writeArray(Object value, JsonOutput out) {
            out.write('[');
            for (int i = 0; i < components.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object member = components[i].read.apply(value);
                if (member == null) {
                    out.raw(NULL);
                } else {
                    components[i].write(member, out);
                }
            }
            out.write(']');
        }
    }

    /** How values of a declared type are written, or null for a type left to Jackson. */
    private static ValueWriter writerOf(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return collectionWriter(writerOf(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
                return mapWriter(writerOf(arguments[1]));
            }
            return null;
        }
        if (!(type instanceof Class<?> plain)) {
            return null;
        }
        Leaf leaf = Leaf.of(plain);
        if (leaf != null) {
            return leaf::write;
        }
        if (plain == double.class || plain == Double.class) {
            return (value, out) -> out.number((double) (Double) value);
        }
        if (plain == Duration.class) {
            return (value, out) -> out.string(value.toString());
        }
        if (plain == java.math.BigDecimal.class) {
            // As Jackson writes it by default (WRITE_BIGDECIMAL_AS_PLAIN off): the number's toString().
            return (value, out) -> out.ascii(value.toString());
        }
        if (plain == byte[].class) {
            return (value, out) -> out.string(Base64.getEncoder().encodeToString((byte[]) value));
        }
        if (plain.isRecord()) {
            return (value, out) -> {
                RecordPlan plan = PLANS.get(plain);
                if (plan == null) {
                    throw new Unwritable();
                }
                plan.write(value, out);
            };
        }
        return null;
    }

    private static ValueWriter collectionWriter(ValueWriter element) {
        if (element == null) {
            return null;
        }
        return (value, out) -> {
            out.write('[');
            boolean first = true;
            for (Object item : (Collection<?>) value) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                if (item == null) {
                    out.raw(NULL);
                } else {
                    element.write(item, out);
                }
            }
            out.write(']');
        };
    }

    private static ValueWriter mapWriter(ValueWriter element) {
        if (element == null) {
            return null;
        }
        return (value, out) -> {
            out.write('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.string((String) entry.getKey());
                out.write(':');
                if (entry.getValue() == null) {
                    out.raw(NULL);
                } else {
                    element.write(entry.getValue(), out);
                }
            }
            out.write('}');
        };
    }

    /**
     * The accessor as a function, made in the record's own package (records the domain keeps to its package,
     * such as name claims, are stored too), or null if it cannot be called from here.
     */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessor(Class<?> type, Method accessor) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, LOOKUP);
            Class<?> boxed = MethodType.methodType(accessor.getReturnType()).wrap().returnType();
            return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                    lookup.unreflect(accessor), MethodType.methodType(boxed, type))
                    .getTarget().invoke();
        } catch (Throwable e) {
            return null;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
