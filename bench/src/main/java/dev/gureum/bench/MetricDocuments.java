package dev.gureum.bench;

import dev.gureum.protocol.http.WireRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;

/**
 * CloudWatch requests for the metrics benchmark in the two document wires its clients use: RPC v2 CBOR (the
 * Java SDK) and awsJson 1.0 (botocore 1.43), written from plain maps and lists (a timestamp is an Instant),
 * and the two facts the benchmark reads back from an answer: how many values it holds and its NextToken.
 */
enum MetricDocuments {
    CBOR(new CBORFactory()),
    JSON(new JsonFactory());

    private final JsonFactory factory;

    MetricDocuments(JsonFactory factory) {
        this.factory = factory;
    }

    WireRequest request(String operation, Map<String, Object> document, String region) {
        String authorization = "AWS4-HMAC-SHA256 Credential=000000000000/20261129/" + region
                + "/monitoring/aws4_request, SignedHeaders=host, Signature=0";
        byte[] body = write(document);
        if (this == CBOR) {
            return new WireRequest("POST", "/service/GraniteServiceVersion20100801/operation/" + operation, "",
                    Map.of("authorization", List.of(authorization), "smithy-protocol", List.of("rpc-v2-cbor"),
                            "content-type", List.of("application/cbor")), body);
        }
        return new WireRequest("POST", "/", "", Map.of("authorization", List.of(authorization),
                "x-amz-target", List.of("GraniteServiceVersion20100801." + operation),
                "content-type", List.of("application/x-amz-json-1.0")), body);
    }

    private byte[] write(Object document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator generator = factory.createGenerator(bytes)) {
            write(document, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void write(Object value, JsonGenerator generator) throws IOException {
        switch (value) {
            case Map<?, ?> map -> {
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    generator.writeFieldName(entry.getKey().toString());
                    write(entry.getValue(), generator);
                }
                generator.writeEndObject();
            }
            case List<?> list -> {
                generator.writeStartArray();
                for (Object item : list) {
                    write(item, generator);
                }
                generator.writeEndArray();
            }
            case String text -> generator.writeString(text);
            case Integer number -> generator.writeNumber(number);
            case Double number -> generator.writeNumber(number);
            case Instant instant -> {
                if (this == CBOR) {
                    ((CBORGenerator) generator).writeTag(1);
                }
                generator.writeNumber(instant.getEpochSecond());
            }
            default -> throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    /** The number of values in an answer's {@code Values} arrays, and its {@code NextToken} (or null). */
    record Answer(int values, String nextToken) {
    }

    Answer read(byte[] body) {
        int values = 0;
        String token = null;
        try (JsonParser parser = factory.createParser(body)) {
            boolean inValues = false;
            for (JsonToken next = parser.nextToken(); next != null; next = parser.nextToken()) {
                if (next == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (name.equals("NextToken")) {
                        parser.nextToken();
                        token = parser.getText();
                    }
                    inValues = name.equals("Values");
                } else if (next == JsonToken.END_ARRAY) {
                    inValues = false;
                } else if (inValues && next.isNumeric()) {
                    values++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(values, token);
    }
}
