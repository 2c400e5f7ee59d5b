package dev.gureum.protocol.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.ec2.BotocoreParser;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.json.JsonDocument;
import dev.gureum.protocol.json.RestJsonDocumentProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Savings Plans' REST-JSON read by botocore's own rest-json parser with the savingsplans model (the AWS CLI's):
 * a response document keeps its members and types, and each error of the model gives botocore the code,
 * message and request id we meant. Runs under every interpreter in {@code gureum.botocorePythons}.
 */
class RestJsonBotocoreCrossCheckTest {
    private static final String DEFAULT_PYTHONS = "/usr/bin/python3,/root/.pyenv/versions/3.11.7/bin/python3";
    private static final RestJsonDocumentProtocol PROTOCOL = new RestJsonDocumentProtocol(Set.of(
            "DescribeSavingsPlans", "CreateSavingsPlan"));

    static Stream<Path> pythons() {
        return Arrays.stream(System.getProperty("gureum.botocorePythons", DEFAULT_PYTHONS).split(",")).map(Path::of);
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void botocoreReadsAResponseAndEveryErrorOfTheModel(Path python) {
        BotocoreParser botocore = new BotocoreParser(python);
        assumeTrue(botocore.version().isPresent(), "skipped: no botocore importable with " + python);
        String plans = "{\"savingsPlans\":[{\"savingsPlanId\":\"8a2f\",\"termDurationInSeconds\":31536000,"
                + "\"commitment\":\"0.100\",\"productTypes\":[\"EC2\",\"Fargate\"],\"tags\":{\"team\":\"x\"}}],"
                + "\"nextToken\":\"Z3VyZXVt\"}";
        WireResponse ok = PROTOCOL.encode(new Call("DescribeSavingsPlans", null),
                new JsonDocument("DescribeSavingsPlans", plans.getBytes(StandardCharsets.UTF_8)), "req-ok");
        List<ApiError> errors = List.of(
                ApiError.sender("ValidationException", 400, "commitment must be a decimal amount, not 'x' & <é한🙂>"),
                ApiError.sender("ResourceNotFoundException", 404, "Savings Plan 1 was not found."),
                ApiError.sender("ServiceQuotaExceededException", 402, "A Savings Plan can have at most 50 tags."),
                new ApiError("InternalServerException", 500, "An internal error has occurred.", false));
        List<BotocoreParser.HeadedResponse> responses = new java.util.ArrayList<>();
        responses.add(headed("DescribeSavingsPlans", ok));
        errors.forEach(error -> responses.add(headed("CreateSavingsPlan",
                PROTOCOL.encodeError(error, "req-" + error.code()))));

        BotocoreParser.Parsed parsed = botocore.parse("savingsplans", "rest-json", responses);
        JsonNode read = parsed.results().get(0).field("parsed").orElseThrow();
        JsonNode plan = read.field("savingsPlans").get().asArray().get(0);
        assertEquals("8a2f", plan.field("savingsPlanId").get().asString());
        assertEquals("31536000", plan.field("termDurationInSeconds").get().asNumber());
        assertEquals("0.100", plan.field("commitment").get().asString());
        assertEquals("x", plan.field("tags").get().field("team").get().asString());
        assertEquals("Z3VyZXVt", read.field("nextToken").get().asString());
        assertEquals("req-ok", read.field("ResponseMetadata").get().field("RequestId").get().asString());
        for (int i = 0; i < errors.size(); i++) {
            ApiError error = errors.get(i);
            JsonNode failed = parsed.results().get(i + 1).field("parsed").orElseThrow(() -> new AssertionError(
                    error.code()));
            assertEquals(error.code(), failed.field("Error").flatMap(e -> e.field("Code")).map(JsonNode::asString)
                    .orElse(null));
            assertEquals(error.message(), failed.field("Error").flatMap(e -> e.field("Message"))
                    .map(JsonNode::asString).orElse(null), error.code());
            assertEquals("req-" + error.code(), failed.field("ResponseMetadata").flatMap(m -> m.field("RequestId"))
                    .map(JsonNode::asString).orElse(null), error.code());
        }
    }

    private static BotocoreParser.HeadedResponse headed(String operation, WireResponse response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put("content-type", response.contentType());
        return new BotocoreParser.HeadedResponse(operation, response.status(), headers, response.body());
    }
}
