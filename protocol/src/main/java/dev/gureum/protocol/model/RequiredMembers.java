package dev.gureum.protocol.model;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;

/**
 * Which members of a service's request shapes must be present, and the check that answers
 * {@code MissingParameter} naming the first one absent (with its query path, e.g.
 * {@code TagSpecification.1.ResourceType}). The Java SDK's model omits {@code required} for EC2, so the
 * data comes from botocore's model ({@code tools/required-members.py}).
 */
public final class RequiredMembers {
    private final Map<String, Set<String>> requiredByShape;
    private final Map<Class<?>, List<SdkField<?>>> requiredFields = new ConcurrentHashMap<>();

    private RequiredMembers(Map<String, Set<String>> requiredByShape) {
        this.requiredByShape = requiredByShape;
    }

    /** No member is required by the model: for services whose handlers read their documents themselves. */
    public static RequiredMembers none() {
        return new RequiredMembers(Map.of());
    }

    /** Loads {@code <service>-required.txt} from beside this class. */
    public static RequiredMembers forService(String service) {
        String resource = service + "-required.txt";
        Map<String, Set<String>> required = new HashMap<>();
        try (InputStream in = RequiredMembers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] words = line.trim().split(" ");
                    required.put(words[0].toLowerCase(Locale.ROOT), Arrays.asList(words).subList(1, words.length)
                            .stream().map(word -> word.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RequiredMembers(Map.copyOf(required));
    }

    /** Lower-cased shape name → lower-cased member names (for the test that keeps it in step with the SDK). */
    public Map<String, Set<String>> shapes() {
        return requiredByShape;
    }

    /**
     * @throws ProtocolException {@code MissingParameter} for the first required member that is absent
     */
    public void check(SdkPojo input) {
        check(input, "");
    }

    private void check(SdkPojo pojo, String path) {
        for (SdkField<?> field : requiredFields.computeIfAbsent(pojo.getClass(), type -> required(pojo))) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList) {
                throw new ProtocolException(CommonError.MISSING_PARAMETER,
                        "The request must contain the parameter " + path + field.locationName());
            }
        }
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            MarshallingKnownType type = field.marshallingType().getKnownType();
            if (value instanceof SdkPojo nested && type == MarshallingKnownType.SDK_POJO) {
                check(nested, path + field.locationName() + ".");
            } else if (value instanceof List<?> items && type == MarshallingKnownType.LIST
                    && field.getRequiredTrait(ListTrait.class).memberFieldInfo().marshallingType().getKnownType()
                    == MarshallingKnownType.SDK_POJO) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof SdkPojo item) {
                        check(item, path + field.locationName() + "." + (i + 1) + ".");
                    }
                }
            }
        }
    }

    private List<SdkField<?>> required(SdkPojo pojo) {
        Set<String> names = requiredByShape.getOrDefault(shapeName(pojo.getClass()), Set.of());
        List<SdkField<?>> fields = new ArrayList<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            if (names.contains(field.memberName().toLowerCase(Locale.ROOT))) {
                fields.add(field);
            }
        }
        return List.copyOf(fields);
    }

    /**
     * A built SDK object's class is the shape; a builder is a nested {@code BuilderImpl}. Names compare
     * case-insensitively: the SDK writes acronyms as words ({@code EnableVolumeIoRequest}), botocore does not.
     */
    private static String shapeName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return (outer != null ? outer.getSimpleName() : type.getSimpleName()).toLowerCase(Locale.ROOT);
    }
}
