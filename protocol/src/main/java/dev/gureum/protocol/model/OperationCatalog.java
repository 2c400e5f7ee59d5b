package dev.gureum.protocol.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * Every operation of one service, discovered from the SDK's synchronous client interface (e.g.
 * {@code Ec2Client}): each method taking one {@code XxxRequest} and returning {@code XxxResponse} is an
 * operation named {@code Xxx}. Paginators and convenience overloads are not operations and are skipped.
 */
public final class OperationCatalog {
    private final String serviceName;
    private final Map<String, Operation> operations;

    private OperationCatalog(String serviceName, Map<String, Operation> operations) {
        this.serviceName = serviceName;
        this.operations = operations;
    }

    public static OperationCatalog fromClientInterface(String serviceName, Class<?> clientInterface) {
        Map<String, Operation> found = new TreeMap<>();
        for (Method method : clientInterface.getMethods()) {
            if (method.getParameterCount() != 1) {
                continue;
            }
            Class<?> input = method.getParameterTypes()[0];
            Class<?> output = method.getReturnType();
            if (!AwsRequest.class.isAssignableFrom(input) || !AwsResponse.class.isAssignableFrom(output)) {
                continue;
            }
            String name = wireName(input);
            found.put(name, new Operation(name, input.asSubclass(SdkPojo.class), output.asSubclass(SdkPojo.class),
                    builderSupplier(input)));
        }
        return new OperationCatalog(serviceName, Collections.unmodifiableMap(found));
    }

    public String serviceName() {
        return serviceName;
    }

    public Optional<Operation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Map<String, Operation> all() {
        return operations;
    }

    /**
     * The action name as the wire spells it. Class names treat acronyms as words ({@code EnableVolumeIoRequest})
     * while the wire keeps the model's spelling ({@code EnableVolumeIO}); the generated marshaller holds the latter.
     */
    private static String wireName(Class<?> requestType) {
        String marshaller = requestType.getPackageName().replace(".model", ".transform") + "."
                + requestType.getSimpleName() + "Marshaller";
        try {
            Field binding = Class.forName(marshaller, false, requestType.getClassLoader())
                    .getDeclaredField("SDK_OPERATION_BINDING");
            binding.setAccessible(true);
            return ((OperationInfo) binding.get(null)).operationIdentifier();
        } catch (ReflectiveOperationException | RuntimeException e) {
            String simpleName = requestType.getSimpleName();
            return simpleName.substring(0, simpleName.length() - "Request".length());
        }
    }

    private static Supplier<SdkPojo> builderSupplier(Class<?> requestType) {
        try {
            MethodHandle builder = MethodHandles.publicLookup().findStatic(requestType, "builder",
                    MethodType.methodType(requestType.getMethod("builder").getReturnType()));
            return () -> {
                try {
                    return (SdkPojo) builder.invoke();
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot create a builder of " + requestType.getSimpleName(), e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(requestType.getName().toLowerCase(Locale.ROOT) + " has no builder()", e);
        }
    }
}
