package dev.gureum.protocol.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.protocol.Call;
import dev.gureum.protocol.WireFormat;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.ec2.RandomShapes;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/**
 * Every SNS and CloudWatch operation, both directions, in every protocol each is served in, through the
 * SDK's own marshallers: a random request the SDK sends must decode to an equal object, and a random
 * response we encode must unmarshal in the SDK to an equal object. Each request the SDK sends must also be
 * recognised as the wire format it is, as the gateway tells them apart.
 */
class WireRoundTripTest {
    private static final int SAMPLES_PER_OPERATION = 4;

    static List<ServiceWires.Case> cases() {
        return ServiceWires.all();
    }

    @Test
    void catalogsHoldEveryOperationOfTheSdk() {
        assertEquals(42, ServiceWires.SNS_CATALOG.all().size(), ServiceWires.SNS_CATALOG.all().keySet().toString());
        assertEquals(55, ServiceWires.CLOUDWATCH_CATALOG.all().size(), ServiceWires.CLOUDWATCH_CATALOG.all().keySet().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRequestDecodesToWhatTheSdkSent(ServiceWires.Case wire) {
        List<String> failures = new ArrayList<>();
        for (Operation operation : wire.catalog().all().values()) {
            for (int sample = 0; sample < SAMPLES_PER_OPERATION; sample++) {
                long seed = operation.name().hashCode() * 31L + sample;
                SdkPojo sent = RandomShapes.forRequests(seed).fill(operation.requestBuilders().get());
                try {
                    WireRequest request = wire.client().send(operation, sent);
                    if (WireFormat.of(request) != wire.protocol().format()) {
                        failures.add(operation.name() + ": routed as " + WireFormat.of(request) + ": " + request.headers());
                    }
                    Call decoded = wire.protocol().decode(request);
                    if (!operation.name().equals(decoded.operation()) || !decoded.input().equalsBySdkFields(sent)) {
                        failures.add(operation.name() + " seed " + seed + ": sent " + sent + " decoded " + decoded.input());
                    }
                } catch (RuntimeException e) {
                    failures.add(operation.name() + " seed " + seed + ": " + e + " for " + sent);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.stream().limit(3).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyResponseUnmarshalsInTheSdkToWhatWeEncoded(ServiceWires.Case wire) throws Exception {
        List<String> failures = new ArrayList<>();
        for (Operation operation : wire.catalog().all().values()) {
            for (int sample = 0; sample < SAMPLES_PER_OPERATION; sample++) {
                long seed = operation.name().hashCode() * 17L + sample;
                SdkPojo builder = (SdkPojo) operation.responseType().getMethod("builder").invoke(null);
                SdkPojo encoded = RandomShapes.forResponses(seed).fill(builder);
                try {
                    WireResponse response = wire.protocol().encode(new Call(operation.name(), null), encoded, "req-" + seed);
                    SdkPojo received = wire.client().read(operation, response);
                    if (!encoded.equalsBySdkFields(received)) {
                        failures.add(operation.name() + " seed " + seed + ": encoded " + encoded + " received " + received);
                    }
                } catch (RuntimeException e) {
                    failures.add(operation.name() + " seed " + seed + ": " + e + " for " + encoded);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.stream().limit(3).toList());
    }

    /**
     * Numbers a 32-bit float holds exactly travel as floats in CBOR; they must decode to the very double sent (a
     * timestamp on a 128-second boundary once came back twenty seconds early, in the previous minute).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void floatSizedNumbersAndTimestampsDecodeExactly(ServiceWires.Case wire) {
        if (wire.catalog() != ServiceWires.CLOUDWATCH_CATALOG) {
            return;
        }
        Instant boundary = Instant.parse("2026-11-30T00:32:00Z");
        assertEquals(0, boundary.getEpochSecond() % 128);
        SdkPojo sent = PutMetricDataRequest.builder().namespace("Gureum/Float").metricData(MetricDatum.builder()
                .metricName("Big").timestamp(boundary).value(1795998720.0).values(16777216.0, 0.1, 3.5e38).build()).build();
        Operation operation = wire.catalog().all().get("PutMetricData");
        Call decoded = wire.protocol().decode(wire.client().send(operation, sent));
        assertTrue(decoded.input().equalsBySdkFields(sent), "sent " + sent + " decoded " + decoded.input());
    }
}
