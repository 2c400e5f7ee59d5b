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
import java.util.concurrent.ConcurrentHashMap;
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
    private final Class<?> clientInterface;
    private final Map<String, Optional<Operation>> found = new ConcurrentHashMap<>();
    private volatile Map<String, Operation> all;

    private OperationCatalog(String serviceName, Class<?> clientInterface) {
        this.serviceName = serviceName;
        this.clientInterface = clientInterface;
    }

    /**
     * A catalog that finds operations lazily: an action is looked up by its request class's name first,
     * and only an unknown spelling (an acronym such as {@code EnableVolumeIO}, or no operation at all)
     * makes it reflect over the whole client interface, once — which keeps start-up from loading
     * thousands of model classes.
     */
    public static OperationCatalog fromClientInterface(String serviceName, Class<?> clientInterface) {
        return new OperationCatalog(serviceName, clientInterface);
    }

    public String serviceName() {
        return serviceName;
    }

    public Optional<Operation> find(String name) {
        return found.computeIfAbsent(name, unused -> byClassName(name).or(() -> Optional.ofNullable(all().get(name))));
    }

    /** Every operation; the first call reflects over the whole client (one caller scans, others wait). */
    public Map<String, Operation> all() {
        Map<String, Operation> operations = all;
        if (operations != null) {
            return operations;
        }
        synchronized (this) {
            if (all == null) {
                all = scan();
            }
            return all;
        }
    }

    private Optional<Operation> byClassName(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return Optional.empty();
        }
        String model = clientInterface.getPackageName() + ".model.";
        try {
            Class<?> input = Class.forName(model + name + "Request", false, clientInterface.getClassLoader());
            Class<?> output = Class.forName(model + name + "Response", false, clientInterface.getClassLoader());
            if (AwsRequest.class.isAssignableFrom(input) && AwsResponse.class.isAssignableFrom(output)
                    && wireName(input).equals(name)) {
                return Optional.of(new Operation(name, input.asSubclass(SdkPojo.class),
                        output.asSubclass(SdkPojo.class), builderSupplier(input)));
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // not spelled like its class: the full scan decides
        }
        return Optional.empty();
    }

    private Map<String, Operation> scan() {
        Map<String, Operation> operations = new TreeMap<>();
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
            operations.put(name, new Operation(name, input.asSubclass(SdkPojo.class), output.asSubclass(SdkPojo.class),
                    builderSupplier(input)));
        }
        return Collections.unmodifiableMap(operations);
    }

    /**
     * The action name as the wire spells it. Class names treat acronyms as words ({@code EnableVolumeIoRequest})
     * while the wire keeps the model's spelling ({@code EnableVolumeIO}); the generated marshaller holds the latter
     * (RPC v2 CBOR marshallers, such as CloudWatch's, leave it out: their class names are the operations').
     */
    private static String wireName(Class<?> requestType) {
        String marshaller = requestType.getPackageName().replace(".model", ".transform") + "."
                + requestType.getSimpleName() + "Marshaller";
        try {
            Field binding = Class.forName(marshaller, false, requestType.getClassLoader())
                    .getDeclaredField("SDK_OPERATION_BINDING");
            binding.setAccessible(true);
            String identifier = ((OperationInfo) binding.get(null)).operationIdentifier();
            if (identifier != null) {
                return identifier;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no binding to read: the class name it is
        }
        String simpleName = requestType.getSimpleName();
        return simpleName.substring(0, simpleName.length() - "Request".length());
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
