package dev.gureum.protocol.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;

/**
 * Writes an SDK response object as a JSON or CBOR document using only the model's metadata: members
 * under their names, absent members and lists or maps the handler never set left out, a list set to
 * empty written as an empty array. Error documents ({@code __type} and {@code message}) are written here
 * too, so each protocol holds no serialization of its own.
 */
public final class DocumentEncoder {

    private DocumentEncoder() {
    }

    public static byte[] encode(DocumentFormat format, SdkPojo output) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = format.generator(bytes)) {
            structure(format, output, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code {"__type": type, "message": message}}: the error body every RPC protocol of AWS shares. */
    public static byte[] error(DocumentFormat format, String type, String message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = format.generator(bytes)) {
            generator.writeStartObject();
            generator.writeStringField("__type", type);
            generator.writeStringField("message", message);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void structure(DocumentFormat format, SdkPojo pojo, JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            generator.writeFieldName(field.locationName());
            value(format, field, value, generator);
        }
        generator.writeEndObject();
    }

    private static void value(DocumentFormat format, SdkField<?> field, Object value, JsonGenerator generator)
            throws IOException {
        switch (field.marshallingType().getKnownType()) {
            case SDK_POJO -> structure(format, (SdkPojo) value, generator);
            case LIST -> {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                generator.writeStartArray();
                for (Object item : (List<?>) value) {
                    nullable(format, member, item, generator);
                }
                generator.writeEndArray();
            }
            case MAP -> {
                SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    generator.writeFieldName(String.valueOf(entry.getKey()));
                    nullable(format, valueField, entry.getValue(), generator);
                }
                generator.writeEndObject();
            }
            default -> scalar(format, value, generator);
        }
    }

    private static void nullable(DocumentFormat format, SdkField<?> field, Object value, JsonGenerator generator)
            throws IOException {
        if (value == null) {
            generator.writeNull();
        } else {
            value(format, field, value, generator);
        }
    }

    private static void scalar(DocumentFormat format, Object value, JsonGenerator generator) throws IOException {
        switch (value) {
            case String text -> generator.writeString(text);
            case Boolean flag -> generator.writeBoolean(flag);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Short number -> generator.writeNumber(number);
            case Byte number -> generator.writeNumber(number);
            case Double number -> generator.writeNumber(number);
            case Float number -> generator.writeNumber(number);
            case BigDecimal number -> generator.writeNumber(number);
            case Instant instant -> format.writeTimestamp(generator, instant);
            case SdkBytes bytes -> generator.writeBinary(bytes.asByteArrayUnsafe());
            default -> generator.writeString(value.toString());
        }
    }
}
