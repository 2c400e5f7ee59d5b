package dev.gureum.protocol.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.protocol.Call;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.model.Operation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Every EC2 operation, both directions, through the real SDK: a random request marshalled by the SDK
 * must decode to an equal object, and a random response encoded by us must unmarshal in the SDK to an
 * equal object. Operations the SDK rewrites on the client side are listed, with the reason, below.
 */
class Ec2RoundTripTest {
    private static final int SAMPLES_PER_OPERATION = 3;
    /** Operations the SDK rewrites or refuses on the client side, so a byte-level comparison says nothing. */
    private static final Map<String, String> SKIPS = Map.of(
            "CopySnapshot", "the SDK's presigning interceptor rewrites PresignedUrl and DestinationRegion,"
                    + " and needs a real AWS endpoint to do it");

    private static final Ec2Protocol PROTOCOL = new Ec2Protocol();
    private static CapturingHttpClient http;
    private static Ec2Client client;

    @BeforeAll
    static void client() {
        http = new CapturingHttpClient();
        client = Ec2Client.builder().httpClient(http).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://localhost:4747"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void catalogHoldsEveryEc2Operation() {
        assertEquals(811, PROTOCOL.catalog().all().size());
    }

    @Test
    void everyRequestDecodesToWhatTheSdkSent() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Operation operation : PROTOCOL.catalog().all().values()) {
            if (SKIPS.containsKey(operation.name())) {
                continue;
            }
            for (int sample = 0; sample < SAMPLES_PER_OPERATION; sample++) {
                long seed = operation.name().hashCode() * 31L + sample;
                SdkPojo sent = RandomShapes.forRequests(seed).fill(operation.requestBuilders().get());
                http.respondWith(200, emptyResponse(operation.name()));
                invoke(operation, sent);
                Call decoded = PROTOCOL.decode(new WireRequest("POST", "/", "", Map.of(), http.lastBody()));
                if (!decoded.input().equalsBySdkFields(sent)) {
                    failures.add(operation.name() + " seed " + seed + ": sent " + sent + " decoded " + decoded.input());
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.stream().limit(3).toList());
    }

    @Test
    void everyResponseUnmarshalsInTheSdkToWhatWeEncoded() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Operation operation : PROTOCOL.catalog().all().values()) {
            if (SKIPS.containsKey(operation.name())) {
                continue;
            }
            for (int sample = 0; sample < SAMPLES_PER_OPERATION; sample++) {
                long seed = operation.name().hashCode() * 17L + sample;
                SdkPojo builder = (SdkPojo) operation.responseType().getMethod("builder").invoke(null);
                SdkPojo encoded = RandomShapes.forResponses(seed).fill(builder);
                http.respondWith(200, Ec2XmlEncoder.encode(operation.name(), encoded, "req-" + seed));
                SdkPojo emptyRequest = (SdkPojo) ((SdkBuilder<?, ?>) operation.requestBuilders().get()).build();
                Object received = invoke(operation, emptyRequest);
                if (!encoded.equalsBySdkFields(received)) {
                    failures.add(operation.name() + " seed " + seed + ": encoded " + encoded + " received " + received);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.stream().limit(3).toList());
    }

    private static byte[] emptyResponse(String operation) {
        return ("<" + operation + "Response xmlns=\"" + Ec2XmlEncoder.NAMESPACE + "\"><requestId>r</requestId></"
                + operation + "Response>").getBytes(StandardCharsets.UTF_8);
    }

    private static Object invoke(Operation operation, SdkPojo request) throws Exception {
        Method method = clientMethod(operation.requestType());
        try {
            return method.invoke(client, request);
        } catch (InvocationTargetException e) {
            throw new AssertionError(operation.name() + " failed in the SDK", e.getCause());
        }
    }

    private static Method clientMethod(Class<?> requestType) {
        for (Method method : Ec2Client.class.getMethods()) {
            if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == requestType
                    && AwsResponse.class.isAssignableFrom(method.getReturnType())
                    && AwsRequest.class.isAssignableFrom(requestType)) {
                return method;
            }
        }
        throw new IllegalStateException("no client method takes " + requestType);
    }
}
