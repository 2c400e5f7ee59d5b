package dev.gureum.protocol.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.ec2.BotocoreDifferences;
import dev.gureum.protocol.ec2.BotocoreParser;
import dev.gureum.protocol.ec2.PlainValues;
import dev.gureum.protocol.ec2.RandomShapes;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.Operation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Our aws-query XML (SNS, CloudWatch) and awsJson (CloudWatch) read by botocore's own parsers, the AWS
 * CLI's, must say what the Java SDK reads from the same bytes; our errors in both must give botocore the
 * code, message and request id we meant. Runs under every interpreter in {@code gureum.botocorePythons}
 * (Debian's botocore 1.29 and a pyenv botocore 1.43 by default) and skips one without botocore.
 */
class WireBotocoreCrossCheckTest {
    private static final String DEFAULT_PYTHONS = "/usr/bin/python3,/root/.pyenv/versions/3.11.7/bin/python3";
    private static final int SAMPLES_PER_OPERATION = 2;

    /** One wire botocore parses: its model's name, botocore's protocol name and ours. */
    private record Wire(String service, String botocoreProtocol, ServiceWires.Case codec) {
        @Override
        public String toString() {
            return codec.name();
        }
    }

    static Stream<Arguments> wiresUnderEachPython() {
        List<ServiceWires.Case> cases = ServiceWires.all();
        List<Wire> wires = List.of(new Wire("sns", "query", cases.get(0)), new Wire("cloudwatch", "json", cases.get(2)),
                new Wire("cloudwatch", "query", cases.get(3)));
        return Arrays.stream(System.getProperty("gureum.botocorePythons", DEFAULT_PYTHONS).split(","))
                .flatMap(python -> wires.stream().map(wire -> Arguments.of(Path.of(python), wire)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wiresUnderEachPython")
    void botocoreReadsEveryResponseAsTheJavaSdkDoes(Path python, Wire wire) throws Exception {
        BotocoreParser botocore = botocoreAt(python);
        List<String> names = new ArrayList<>();
        List<Map<String, Object>> javaRead = new ArrayList<>();
        List<BotocoreParser.HeadedResponse> responses = new ArrayList<>();
        for (Operation operation : wire.codec().catalog().all().values()) {
            for (int sample = 0; sample < SAMPLES_PER_OPERATION; sample++) {
                long seed = operation.name().hashCode() * 29L + sample;
                SdkPojo encoded = RandomShapes.forResponses(seed).fill((SdkPojo) operation.responseType()
                        .getMethod("builder").invoke(null));
                WireResponse response = wire.codec().protocol().encode(new Call(operation.name(), null), encoded, "req-" + seed);
                javaRead.add(PlainValues.of(wire.codec().client().read(operation, response)));
                names.add(operation.name() + " seed " + seed);
                responses.add(headed(operation.name(), response));
            }
        }
        BotocoreParser.Parsed parsed = botocore.parse(wire.service(), wire.botocoreProtocol(), responses);
        BotocoreDifferences differences = new BotocoreDifferences();
        int compared = 0;
        for (int i = 0; i < responses.size(); i++) {
            JsonNode skeleton = parsed.skeletons().get(responses.get(i).operation());
            JsonNode result = parsed.results().get(i);
            if (skeleton.isNull()) {
                continue;
            }
            if (result.field("failure").isPresent()) {
                differences.add(names.get(i) + ": botocore failed: " + result.field("failure").get().asString());
                continue;
            }
            Map<String, JsonNode> read = new LinkedHashMap<>(result.field("parsed").get().asObject());
            JsonNode metadata = read.remove("ResponseMetadata");
            String requestId = "req-" + names.get(i).substring(names.get(i).lastIndexOf(' ') + 1);
            if (metadata == null || !requestId.equals(metadata.field("RequestId").map(JsonNode::asString).orElse(null))) {
                differences.add(names.get(i) + ": botocore read the request id as " + metadata);
            }
            differences.compareStructure(names.get(i), javaRead.get(i), read, skeleton);
            compared++;
        }
        System.out.printf("botocore %s (%s) %s: %d responses compared, %d members newer than its model left out%n",
                parsed.version(), python, wire, compared, differences.membersUnknownToBotocore());
        assertTrue(compared >= 25 * SAMPLES_PER_OPERATION, "botocore " + parsed.version() + " compared only " + compared);
        assertTrue(differences.differences().isEmpty(), differences.differences().size() + " differences with botocore "
                + parsed.version() + ", first: " + String.join("\n", differences.differences().stream().limit(10).toList()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wiresUnderEachPython")
    void botocoreReadsOurErrorsCodeMessageAndRequestId(Path python, Wire wire) {
        BotocoreParser botocore = botocoreAt(python);
        String version = botocore.version().orElseThrow();
        assumeTrue(!wire.botocoreProtocol().equals("json") || !version.startsWith("1.29."),
                "skipped: botocore " + version + " reads CloudWatch in aws-query only and knows no x-amzn-query-error");
        List<ApiError> errors = List.of(
                ApiError.sender("InvalidAction", 400, "The action Frobnicate is not valid & <never> \"was\"\r\n é한🙂"),
                ApiError.sender("InvalidParameterValue", 400, "The value for parameter Period is invalid."),
                ApiError.sender("MissingParameter", 400, "The request must contain the parameter Namespace"),
                ApiError.sender("NotFound", 404, "Topic does not exist"),
                ApiError.sender("SignatureDoesNotMatch", 403, "The request signature we calculated does not match"),
                new ApiError("InternalError", 500, "An internal error has occurred.", false));
        ServiceProtocol protocol = wire.codec().protocol();
        List<BotocoreParser.HeadedResponse> responses = errors.stream()
                .map(error -> headed(wire.service().equals("sns") ? "ListTopics" : "ListMetrics",
                        protocol.encodeError(error, "req-" + error.code()))).toList();
        BotocoreParser.Parsed parsed = botocore.parse(wire.service(), wire.botocoreProtocol(), responses);
        for (int i = 0; i < errors.size(); i++) {
            ApiError error = errors.get(i);
            JsonNode read = parsed.results().get(i).field("parsed").orElseThrow(() -> new AssertionError(error.code()));
            assertEquals(error.code(), read.field("Error").flatMap(e -> e.field("Code")).map(JsonNode::asString).orElse(null));
            assertEquals(error.message(), read.field("Error").flatMap(e -> e.field("Message")).map(JsonNode::asString)
                    .orElse(null), error.code());
            assertEquals("req-" + error.code(), read.field("ResponseMetadata").flatMap(m -> m.field("RequestId"))
                    .map(JsonNode::asString).orElse(null), error.code());
            assertEquals(error.senderFault() ? "Sender" : "Receiver", read.field("Error").flatMap(e -> e.field("Type"))
                    .map(JsonNode::asString).orElse(null), error.code());
        }
    }

    private static BotocoreParser.HeadedResponse headed(String operation, WireResponse response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put("content-type", response.contentType());
        return new BotocoreParser.HeadedResponse(operation, response.status(), headers, response.body());
    }

    private static BotocoreParser botocoreAt(Path python) {
        BotocoreParser botocore = new BotocoreParser(python);
        assumeTrue(botocore.version().isPresent(), "skipped: no botocore importable with " + python);
        return botocore;
    }
}
