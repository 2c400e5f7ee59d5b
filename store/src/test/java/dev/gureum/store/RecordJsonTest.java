package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gureum.core.store.RecordKind;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * RecordJson writes the very bytes the Jackson mapper writes, for random values of every record kind the
 * domain stores, and leaves to Jackson what it cannot write.
 */
class RecordJsonTest {
    private static final String ALPHABET = "aZ09 -_./:&<>\"'\\=+%\t\n\r\b\f\u0001\u001f\u007fé한🙂";

    record Everything(String text, int number, long big, Boolean flag, Instant at, Duration grace, byte[] bytes,
            List<String> names, Map<String, List<Integer>> groups, Thread.State state, Nested nested) {
    }

    record Nested(String name, List<Nested> children) {
    }

    record Floating(String name, float value) {
    }

    record HoldsFloating(Floating inner) {
    }

    @Test
    void writesWhatJacksonWritesForEveryStoredKind() throws Exception {
        List<Class<?>> kinds = storedKinds();
        assertFalse(kinds.isEmpty());
        Random random = new Random(42);
        for (Class<?> kind : kinds) {
            for (int sample = 0; sample < 50; sample++) {
                Object value = randomRecord(kind, random, 0, false);
                byte[] json = RecordJson.encode(value);
                assertNotNull(json, kind + " is left to Jackson");
                assertEquals(text(RecordCodec.jackson(value)), text(json), kind.getName());
            }
        }
    }

    @Test
    void writesWhatJacksonWritesForEveryTypeItTakes() {
        Random random = new Random(7);
        for (int sample = 0; sample < 500; sample++) {
            Object value = randomRecord(Everything.class, random, 0, true);
            assertEquals(text(RecordCodec.jackson(value)), text(RecordJson.encode(value)));
        }
    }

    @Test
    void writesInstantsAsInstantToStringDoes() {
        for (String instant : List.of("1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2026-11-29T12:00:00.100Z",
                "2026-11-29T12:00:00.000100Z", "2026-11-29T12:00:00.000000001Z", "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z")) {
            Object value = new Everything(null, 0, 0, null, Instant.parse(instant), null, null, null, null, null, null);
            assertEquals(text(RecordCodec.jackson(value)), text(RecordJson.encode(value)), instant);
        }
    }

    @Test
    void escapesSurrogatesAsJacksonDoes() {
        for (String text : List.of("🙂", "unpaired \uD800 high", "unpaired \uDC00 low", "\uDC00\uD800", "end \uD83D")) {
            Nested value = new Nested(text, List.of());
            assertEquals(text(RecordCodec.jackson(value)), text(RecordJson.encode(value)), text);
        }
    }

    @Test
    void writesDoublesAsJacksonDoes() {
        for (double number : new double[] {0, -0.0, 80, 1.5, 1e-7, 1e21, 123456789.123, Double.MAX_VALUE, Double.NaN,
                Double.NEGATIVE_INFINITY}) {
            Measured value = new Measured(number, number);
            assertEquals(text(RecordCodec.jackson(value)), text(RecordJson.encode(value)), Double.toString(number));
        }
    }

    record Measured(double threshold, Double boxed) {
    }

    @Test
    void leavesToJacksonWhatItDoesNotWrite() {
        assertNull(RecordJson.encode(new Floating("x", 1.5f)));
        assertNull(RecordJson.encode(new HoldsFloating(new Floating("x", 1.5f))));
        assertNull(RecordJson.encode("not a record"));
    }

    /** The value types of every RecordKind constant in the domain's classes. */
    private static List<Class<?>> storedKinds() throws IOException, URISyntaxException, IllegalAccessException {
        Path location = Path.of(RecordKind.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> kinds = new ArrayList<>();
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location);
             Stream<Path> files = Files.walk(jar == null ? location : jar.getPath("/"))) {
            Path classes = jar == null ? location : jar.getPath("/");
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(name, false, RecordKind.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && field.getType() == RecordKind.class) {
                        field.setAccessible(true);
                        kinds.add(((RecordKind<?>) field.get(null)).type());
                    }
                }
            }
        }
        return kinds;
    }

    /** A random value of {@code type}, null at times unless primitive; collections hold nulls only if asked. */
    private static Object randomValue(Type type, Random random, int depth, boolean nullElements) {
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            int size = depth > 3 ? 0 : random.nextInt(4);
            if (parameterized.getRawType() == Map.class) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(randomText(random), element(arguments[1], random, depth, nullElements));
                }
                return map;
            }
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                list.add(element(arguments[0], random, depth, nullElements));
            }
            return list;
        }
        Class<?> plain = (Class<?>) type;
        if (!plain.isPrimitive() && random.nextInt(6) == 0) {
            return null;
        }
        if (plain == String.class) {
            return randomText(random);
        } else if (plain == int.class || plain == Integer.class) {
            return random.nextInt(3) == 0 ? random.nextInt(10) : random.nextInt();
        } else if (plain == long.class || plain == Long.class) {
            return random.nextLong();
        } else if (plain == boolean.class || plain == Boolean.class) {
            return random.nextBoolean();
        } else if (plain == double.class || plain == Double.class) {
            return switch (random.nextInt(4)) {
                case 0 -> (double) random.nextInt(100);
                case 1 -> random.nextDouble() * 1e6;
                case 2 -> -random.nextDouble();
                default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            };
        } else if (plain == Instant.class) {
            long nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000L;
                case 2 -> random.nextInt(1_000_000) * 1000L;
                default -> random.nextInt(1_000_000_000);
            };
            return Instant.ofEpochSecond(random.nextLong(253_402_300_799L), nanos);
        } else if (plain == Duration.class) {
            return Duration.ofMillis(random.nextLong(1_000_000_000L));
        } else if (plain == java.math.BigDecimal.class) {
            return java.math.BigDecimal.valueOf(random.nextLong(), random.nextInt(12));
        } else if (plain == byte[].class) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            return bytes;
        } else if (plain.isEnum()) {
            Object[] constants = plain.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        } else if (plain.isRecord()) {
            return randomRecord(plain, random, depth, nullElements);
        }
        throw new IllegalArgumentException("no random values of " + type);
    }

    private static Object element(Type type, Random random, int depth, boolean nullElements) {
        Object element;
        do {
            element = randomValue(type, random, depth + 1, nullElements);
        } while (element == null && !nullElements);
        return element;
    }

    /** A random record; values its constructor refuses are drawn again. */
    private static Object randomRecord(Class<?> type, Random random, int depth, boolean nullElements) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        IllegalStateException refused = new IllegalStateException("cannot make a " + type);
        for (int attempt = 0; attempt < 20; attempt++) {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = randomValue(components[i].getGenericType(), random, depth + 1, nullElements);
            }
            try {
                var constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                refused.addSuppressed(e);
            }
        }
        throw refused;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        int[] codePoints = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(3) == 0 ? codePoints[random.nextInt(codePoints.length)]
                    : 'a' + random.nextInt(26));
        }
        return text.toString();
    }

    private static String text(byte[] json) {
        return json == null ? null : new String(json, StandardCharsets.UTF_8);
    }
}
