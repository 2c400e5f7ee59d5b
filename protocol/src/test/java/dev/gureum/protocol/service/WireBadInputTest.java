package dev.gureum.protocol.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.protocol.Call;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.WireFormat;
import dev.gureum.protocol.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** What the decoders make of input no SDK sends: always an AWS error code a client can read, never a crash. */
class WireBadInputTest {
    private static final ServiceProtocol CBOR = ServiceWires.cloudWatch(WireFormat.CBOR);
    private static final ServiceProtocol JSON = ServiceWires.cloudWatch(WireFormat.JSON);
    private static final ServiceProtocol QUERY = ServiceWires.cloudWatch(WireFormat.QUERY);
    private static final String CBOR_PATH = "/service/GraniteServiceVersion20100801/operation/";

    @ParameterizedTest
    @ValueSource(strings = {"00", "ff", "a1", "a16161", "9f01", "a1694e616d6573706163650a", "5b0000000000000001"})
    void garbageCborIsSerializationException(String hex) {
        assertCode("SerializationException", () -> CBOR.decode(cbor("ListMetrics", HexFormat.of().parseHex(hex))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "\"x\"", "{\"Namespace\": 1}", "{\"MetricData\": {}}", "{} {}", "nul",
        "{\"MetricData\": [{\"Timestamp\": \"yesterday\"}]}", "{\"MetricData\": [{\"StorageResolution\": 1e99}]}",
        "{\"MetricData\": [null]}", "{\"MetricData\": [{\"Dimensions\": [null]}]}"})
    void malformedJsonIsSerializationException(String body) {
        ProtocolException refused = assertThrows(ProtocolException.class, () -> JSON.decode(json("PutMetricData", body)));
        assertEquals("SerializationException", refused.error().code());
        assertTrue(!refused.getMessage().contains("Stream") && !refused.getMessage().contains("Source:"),
                "the parser's internals stay out of the message: " + refused.getMessage());
    }

    @Test
    void unknownTargetsAndPathsAreInvalidActionForAQueryCompatibleService() {
        assertCode("InvalidAction", () -> JSON.decode(json("Frobnicate", "{}")));
        assertCode("InvalidAction", () -> JSON.decode(new WireRequest("POST", "/", "", Map.of(), new byte[0])));
        assertCode("InvalidAction", () -> JSON.decode(new WireRequest("POST", "/", "",
                Map.of("x-amz-target", List.of("AmazonSNS.ListTopics")), new byte[0])));
        assertCode("InvalidAction", () -> CBOR.decode(cbor("Frobnicate", new byte[0])));
        assertCode("InvalidAction", () -> CBOR.decode(new WireRequest("POST", "/service/Other/operation/ListMetrics", "",
                Map.of(), new byte[0])));
        assertCode("InvalidAction", () -> QUERY.decode(form("Action=Frobnicate&Version=2010-08-01")));
        assertCode("MissingAction", () -> QUERY.decode(form("Version=2010-08-01")));
        assertCode("NoSuchVersion", () -> QUERY.decode(form("Action=ListMetrics&Version=2016-11-15")));
    }

    @Test
    void emptyBodiesAreEmptyInputsAndUnknownMembersAreSkipped() {
        assertEquals(ListMetricsRequest.builder().build(), CBOR.decode(cbor("ListMetrics", new byte[0])).input());
        assertEquals(ListMetricsRequest.builder().namespace("AWS/EC2").build(),
                JSON.decode(json("ListMetrics", "{\"Namespace\":\"AWS/EC2\",\"FromTheFuture\":{\"a\":[1]},\"MetricName\":null}")).input());
    }

    @Test
    void queryListsTakeMemberIndicesAndAnEmptyValueAsAnEmptyList() {
        Call call = QUERY.decode(form("Action=PutMetricData&Version=2010-08-01&Namespace=N"
                + "&MetricData.member.2.MetricName=b&MetricData.member.10.MetricName=c&MetricData.member.1.MetricName=a"
                + "&MetricData.member.1.Values="));
        PutMetricDataRequest input = (PutMetricDataRequest) call.input();
        assertEquals(List.of("a", "b", "c"), input.metricData().stream().map(datum -> datum.metricName()).toList());
        assertTrue(input.metricData().get(0).hasValues() && input.metricData().get(0).values().isEmpty());
        assertCode("UnknownParameter", () -> QUERY.decode(form("Action=PutMetricData&Version=2010-08-01&MetricData.member.x.MetricName=a")));
        assertCode("UnknownParameter", () -> QUERY.decode(form("Action=PutMetricData&Version=2010-08-01&MetricData.item.1.MetricName=a")));
        assertCode("InvalidParameterValue", () -> QUERY.decode(form("Action=PutMetricData&Version=2010-08-01"
                + "&MetricData.member.1.StorageResolution=often")));
    }

    @Test
    void snsMessageAttributesAreEntriesWithNameAndValue() {
        Call call = ServiceWires.SNS.decode(form("Action=Publish&Version=2010-03-31&Message=m"
                + "&MessageAttributes.entry.1.Name=color&MessageAttributes.entry.1.Value.DataType=String"
                + "&MessageAttributes.entry.1.Value.StringValue=blue"));
        PublishRequest input = (PublishRequest) call.input();
        assertEquals("blue", input.messageAttributes().get("color").stringValue());
        assertCode("MissingParameter", () -> ServiceWires.SNS.decode(form("Action=Publish&Version=2010-03-31"
                + "&MessageAttributes.entry.1.Value.DataType=String")));
        assertCode("MissingParameter", () -> ServiceWires.SNS.decode(form("Action=Publish&Version=2010-03-31"
                + "&Message=m&MessageAttributes.entry.1.Name=color")));
    }

    private static void assertCode(String code, org.junit.jupiter.api.function.Executable decode) {
        assertEquals(code, assertThrows(ProtocolException.class, decode).error().code());
    }

    private static WireRequest cbor(String operation, byte[] body) {
        return new WireRequest("POST", CBOR_PATH + operation, "", Map.of("smithy-protocol", List.of("rpc-v2-cbor"),
                "content-type", List.of("application/cbor")), body);
    }

    private static WireRequest json(String operation, String body) {
        return new WireRequest("POST", "/", "", Map.of("x-amz-target", List.of("GraniteServiceVersion20100801." + operation),
                "content-type", List.of("application/x-amz-json-1.0")), body.getBytes(StandardCharsets.UTF_8));
    }

    private static WireRequest form(String body) {
        return new WireRequest("POST", "/", "", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
