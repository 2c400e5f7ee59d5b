package dev.gureum.protocol.service;

import dev.gureum.protocol.ec2.CapturingHttpClient;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.Operation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/** A real SDK client (SnsClient, CloudWatchClient) over a capturing HTTP client: the whole SDK stack. */
final class SdkClientWire implements WireClient, AutoCloseable {
    private final CapturingHttpClient http = new CapturingHttpClient();
    private final SdkClient client;
    private final Class<?> clientInterface;

    <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> SdkClientWire(B builder, Class<?> clientInterface) {
        builder.httpClient(http);
        builder.region(Region.US_EAST_1).endpointOverride(URI.create("http://localhost:4747"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()));
        this.client = (SdkClient) ((SdkBuilder<?, ?>) builder).build();
        this.clientInterface = clientInterface;
    }

    @Override
    public WireRequest send(Operation operation, SdkPojo input) {
        http.respondWith(500, new byte[0], Map.of());
        try {
            invoke(operation, input);
        } catch (RuntimeException expected) {
            // the canned 500 fails the call; the request it sent is what counts
        }
        return wireRequest(http.lastRequest(), http.lastBody());
    }

    @Override
    public SdkPojo read(Operation operation, WireResponse response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put("Content-Type", response.contentType());
        http.respondWith(response.status(), response.body(), headers);
        return (SdkPojo) invoke(operation, (SdkPojo) ((SdkBuilder<?, ?>) operation.requestBuilders().get()).build());
    }

    /** Invokes the client's method for the operation; an exception the SDK throws is rethrown as it is. */
    Object invoke(Operation operation, SdkPojo request) {
        for (Method method : clientInterface.getMethods()) {
            if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == operation.requestType()
                    && AwsResponse.class.isAssignableFrom(method.getReturnType())) {
                try {
                    return method.invoke(client, request);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("no client method takes " + operation.requestType());
    }

    static WireRequest wireRequest(SdkHttpRequest request, byte[] body) {
        Map<String, List<String>> headers = request.headers().entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
        String query = request.encodedQueryParameters().orElse("");
        return new WireRequest(request.method().name(), request.encodedPath(), query, headers, body);
    }

    @Override
    public void close() {
        client.close();
    }
}
