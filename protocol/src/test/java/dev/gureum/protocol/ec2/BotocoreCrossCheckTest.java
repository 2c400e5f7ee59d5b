package dev.gureum.protocol.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.Operation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Our EC2 XML read by botocore's own parser (the AWS CLI's) must say what the Java SDK reads from the
 * same bytes, and the SDK must read what we encoded, an empty list as empty and an absent one as absent
 * (which {@link Ec2RoundTripTest}'s equality cannot tell apart). botocore reads through its own model,
 * element names and scalar parsers, so the two clients disagree exactly where our XML is ambiguous.
 * Runs under every interpreter in {@code gureum.botocorePythons} (Debian's botocore 1.29 and a pyenv
 * botocore 1.43 by default) and skips one without botocore. Operations: a hand-picked set plus every
 * {@value #CATALOG_STRIDE}th of the sorted catalog; errors: the envelope's Code, Message and RequestID.
 */
class BotocoreCrossCheckTest {
    private static final String DEFAULT_PYTHONS = "/usr/bin/python3,/root/.pyenv/versions/3.11.7/bin/python3";
    private static final List<String> REPRESENTATIVE = List.of("DescribeRegions", "DescribeAvailabilityZones",
            "DescribeAccountAttributes", "DescribeInstances", "RunInstances", "DescribeImages", "DescribeVolumes",
            "DescribeSecurityGroups", "CreateKeyPair", "DescribeTags", "StartInstances");
    private static final int CATALOG_STRIDE = 16;
    private static final int REPRESENTATIVE_SAMPLES = 8;
    private static final int CATALOG_SAMPLES = 2;
    /** Operations the SDK rewrites on the client side (see {@link Ec2RoundTripTest}). */
    private static final Set<String> SKIPS = Set.of("CopySnapshot");

    private static final Ec2Protocol PROTOCOL = new Ec2Protocol();
    private static final List<Sample> SAMPLES = new ArrayList<>();
    private static CapturingHttpClient http;
    private static Ec2Client client;

    /** One response: what we encoded, its bytes and what the Java SDK read from them. */
    private record Sample(String operation, long seed, String requestId, Map<String, Object> encoded, byte[] xml,
                          Map<String, Object> javaRead) {
    }

    static Stream<Path> pythons() {
        return Arrays.stream(System.getProperty("gureum.botocorePythons", DEFAULT_PYTHONS).split(",")).map(Path::of);
    }

    @BeforeAll
    static void encodeSamples() throws Exception {
        http = new CapturingHttpClient();
        client = Ec2Client.builder().httpClient(http).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://localhost:4747"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
        for (String name : operations()) {
            Operation operation = PROTOCOL.catalog().find(name).orElseThrow();
            int samples = REPRESENTATIVE.contains(name) ? REPRESENTATIVE_SAMPLES : CATALOG_SAMPLES;
            for (int sample = 0; sample < samples; sample++) {
                long seed = name.hashCode() * 31L + sample;
                SdkPojo builder = (SdkPojo) operation.responseType().getMethod("builder").invoke(null);
                SdkPojo response = sample % 2 == 0 ? RandomShapes.forResponses(seed).fill(builder)
                        : new EdgeCaseShapes(seed).fill(builder);
                String requestId = "req-" + seed;
                byte[] xml = Ec2XmlEncoder.encode(name, response, requestId);
                http.respondWith(200, xml);
                SdkPojo javaRead = (SdkPojo) invoke(operation);
                SAMPLES.add(new Sample(name, seed, requestId, PlainValues.of(response), xml, PlainValues.of(javaRead)));
            }
        }
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void describeInstancesSamplesReachTheNestedShapes() {
        String xml = String.join("", SAMPLES.stream().filter(sample -> sample.operation().equals("DescribeInstances"))
                .map(sample -> new String(sample.xml(), StandardCharsets.UTF_8)).toList());
        for (String element : List.of("<reservationSet>", "<instancesSet>", "<groupSet>", "<tagSet",
                "<blockDeviceMapping>", "<ebs>", "<networkInterfaceSet>", "<privateIpAddressesSet>", "<association>")) {
            assertTrue(xml.contains(element), "no DescribeInstances sample holds " + element);
        }
    }

    /** Stricter than {@link Ec2RoundTripTest}: an empty list must not come back absent, nor the reverse. */
    @Test
    void theJavaSdkReadsEverySampleAsEncoded() {
        List<String> differences = SAMPLES.stream().filter(sample -> !sample.encoded().equals(sample.javaRead()))
                .map(sample -> sample.operation() + " seed " + sample.seed() + ": encoded " + sample.encoded()
                        + " read " + sample.javaRead())
                .toList();
        assertTrue(differences.isEmpty(), differences.size() + " samples differ, first: " + differences.stream().limit(3).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void botocoreReadsEveryResponseAsTheJavaSdkDoes(Path python) {
        BotocoreParser botocore = botocoreAt(python);
        BotocoreParser.Parsed parsed = botocore.parse(SAMPLES.stream()
                .map(sample -> new BotocoreParser.Response(sample.operation(), 200, sample.xml())).toList());
        BotocoreDifferences differences = new BotocoreDifferences();
        Set<String> unknownOperations = new TreeSet<>();
        Set<String> compared = new TreeSet<>();
        int responsesCompared = 0;
        for (int i = 0; i < SAMPLES.size(); i++) {
            Sample sample = SAMPLES.get(i);
            JsonNode skeleton = parsed.skeletons().get(sample.operation());
            JsonNode result = parsed.results().get(i);
            String where = sample.operation() + " seed " + sample.seed();
            if (skeleton.isNull()) {
                unknownOperations.add(sample.operation());
            } else if (result.field("failure").isPresent()) {
                differences.add(where + ": botocore failed: " + result.field("failure").get().asString());
            } else {
                Map<String, JsonNode> read = new LinkedHashMap<>(result.field("parsed").get().asObject());
                JsonNode metadata = read.remove("ResponseMetadata");
                if (metadata == null || !sample.requestId().equals(metadata.field("RequestId").map(JsonNode::asString).orElse(null))) {
                    differences.add(where + ": botocore read the request id as " + metadata);
                }
                differences.compareStructure(where, sample.javaRead(), read, skeleton);
                compared.add(sample.operation());
                responsesCompared++;
            }
        }
        System.out.printf("botocore %s (%s): %d responses of %d operations compared, %d members newer than its model"
                        + " left out, operations it does not know: %s%n", parsed.version(), python, responsesCompared,
                compared.size(), differences.membersUnknownToBotocore(), unknownOperations);
        assertTrue(compared.containsAll(REPRESENTATIVE), "botocore " + parsed.version() + " compared only " + compared);
        assertTrue(differences.differences().isEmpty(), differences.differences().size() + " differences with botocore "
                + parsed.version() + ", first: " + String.join("\n", differences.differences().stream().limit(20).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void botocoreAndTheJavaSdkReadOurErrorsCodeAndMessage(Path python) {
        BotocoreParser botocore = botocoreAt(python);
        List<ApiError> errors = List.of(
                ApiError.sender("InvalidInstanceID.NotFound", 400,
                        "The instance ID 'i-1' does not exist & <never> \"did\"\r\n é한🙂 ]]>"),
                ApiError.sender("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set."),
                ApiError.sender("AuthFailure", 401, "AWS was not able to validate the provided access credentials"),
                ApiError.sender("SignatureDoesNotMatch", 403, "The request signature we calculated does not match"),
                ApiError.sender("MalformedQueryString", 404, "The query string contains a syntax error."),
                ApiError.sender("RequestEntityTooLarge", 413, "The request body exceeds the maximum."),
                new ApiError("RequestLimitExceeded", 503, "Request limit exceeded.", false),
                new ApiError("InternalError", 500, "An internal error has occurred.", false),
                ApiError.sender("InvalidParameterValue", 400, " "));
        List<WireResponse> encoded = new ArrayList<>();
        errors.forEach(error -> encoded.add(PROTOCOL.encodeError(error, "req-" + error.code())));
        BotocoreParser.Parsed parsed = botocore.parse(encoded.stream()
                .map(response -> new BotocoreParser.Response("DescribeRegions", response.status(), response.body())).toList());
        for (int i = 0; i < errors.size(); i++) {
            ApiError error = errors.get(i);
            assertEquals(error.httpStatus(), encoded.get(i).status(), error.code());
            JsonNode result = parsed.results().get(i);
            JsonNode read = result.field("parsed").orElseThrow(
                    () -> new AssertionError(error.code() + ": botocore failed: " + result));
            assertEquals(error.code(), read.field("Error").flatMap(e -> e.field("Code")).map(JsonNode::asString).orElse(null),
                    "botocore's Code for " + error.code());
            assertEquals(error.message(), read.field("Error").flatMap(e -> e.field("Message")).map(JsonNode::asString).orElse(null),
                    "botocore's Message for " + error.code());
            assertEquals("req-" + error.code(), read.field("ResponseMetadata").flatMap(m -> m.field("RequestId"))
                    .map(JsonNode::asString).orElse(null), "botocore's RequestId for " + error.code());
            AwsServiceException javaRead = javaSdkError(encoded.get(i));
            assertEquals(error.code(), javaRead.awsErrorDetails().errorCode(), "the Java SDK's code for " + error.code());
            assertEquals(error.message(), javaRead.awsErrorDetails().errorMessage(), "the Java SDK's message for " + error.code());
            assertEquals(error.httpStatus(), javaRead.statusCode(), "the Java SDK's status for " + error.code());
        }
    }

    private static BotocoreParser botocoreAt(Path python) {
        BotocoreParser botocore = new BotocoreParser(python);
        Optional<String> version = botocore.version();
        assumeTrue(version.isPresent(), "skipped: no botocore importable with " + python
                + " (install python3-botocore, or list interpreters in -Dgureum.botocorePythons)");
        return botocore;
    }

    /** The hand-picked operations, then every {@value #CATALOG_STRIDE}th operation of the sorted catalog. */
    private static Set<String> operations() {
        Set<String> names = new LinkedHashSet<>(REPRESENTATIVE);
        List<String> catalog = new ArrayList<>(PROTOCOL.catalog().all().keySet());
        for (int i = 0; i < catalog.size(); i += CATALOG_STRIDE) {
            names.add(catalog.get(i));
        }
        names.removeAll(SKIPS);
        return names;
    }

    private static AwsServiceException javaSdkError(WireResponse response) {
        http.respondWith(response.status(), response.body());
        try {
            client.describeRegions(DescribeRegionsRequest.builder().build());
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError("the Java SDK accepted an error response with status " + response.status());
    }

    private static Object invoke(Operation operation) throws Exception {
        SdkPojo emptyRequest = (SdkPojo) ((SdkBuilder<?, ?>) operation.requestBuilders().get()).build();
        for (Method method : Ec2Client.class.getMethods()) {
            if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == operation.requestType()
                    && AwsResponse.class.isAssignableFrom(method.getReturnType())) {
                try {
                    return method.invoke(client, emptyRequest);
                } catch (InvocationTargetException e) {
                    throw new AssertionError(operation.name() + " failed in the Java SDK", e.getCause());
                }
            }
        }
        throw new IllegalStateException("no client method takes " + operation.requestType());
    }
}
