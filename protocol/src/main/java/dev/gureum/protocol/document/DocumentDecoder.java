package dev.gureum.protocol.document;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Decodes a JSON or CBOR request body into an SDK request object using only the model's metadata:
 * members by their exact names, structures as maps, lists as arrays, maps as maps. An empty body is an
 * empty input. Members the model does not know are skipped (clients newer than our model send them) and
 * {@code null} means absent; a value of the wrong type, a null inside a list or map (the models' lists and maps
 * are not sparse), or bytes that are not a document, is {@code SerializationException}.
 */
public final class DocumentDecoder {
    private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS_BY_NAME = new ConcurrentHashMap<>();

    private DocumentDecoder() {
    }

    public static SdkPojo decode(DocumentFormat format, SdkPojo builder, byte[] body) {
        if (body.length == 0) {
            return build(builder);
        }
        try (JsonParser parser = format.parser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("the body is not a " + format + " object");
            }
            SdkPojo input = structure(format, builder, parser);
            if (parser.nextToken() != null) {
                throw malformed("the body continues after its object");
            }
            return input;
        } catch (IOException e) {
            // the parser's own words name its internals (stream features, constraint getters): ours say what is wrong
            throw malformed("the body is not a well-formed " + format + " document");
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw malformed("a value is out of the range of its type");
        }
    }

    private static SdkPojo structure(DocumentFormat format, SdkPojo builder, JsonParser parser) throws IOException {
        Map<String, SdkField<?>> fields = FIELDS_BY_NAME.computeIfAbsent(builder.getClass(), type -> byName(builder));
        for (JsonToken token = next(parser); token != JsonToken.END_OBJECT; token = next(parser)) {
            SdkField<?> field = fields.get(parser.currentName());
            JsonToken valueToken = next(parser);
            if (field == null || valueToken == JsonToken.VALUE_NULL) {
                parser.skipChildren();
                continue;
            }
            field.set(builder, value(format, field, parser));
        }
        return build(builder);
    }

    private static Object value(DocumentFormat format, SdkField<?> field, JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        MarshallingKnownType type = field.marshallingType().getKnownType();
        return switch (type) {
            case SDK_POJO -> {
                expect(token, JsonToken.START_OBJECT, field);
                yield structure(format, field.constructor().get(), parser);
            }
            case LIST -> list(format, field, parser);
            case MAP -> map(format, field, parser);
            case STRING -> {
                expect(token, JsonToken.VALUE_STRING, field);
                yield parser.getText();
            }
            case BOOLEAN -> {
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    throw wrongType(field, token);
                }
                yield token == JsonToken.VALUE_TRUE;
            }
            case INTEGER -> whole(field, parser).intValueExact();
            case LONG -> whole(field, parser).longValueExact();
            case SHORT -> whole(field, parser).shortValueExact();
            case BYTE -> whole(field, parser).byteValueExact();
            case DOUBLE -> real(field, parser);
            case FLOAT -> (float) real(field, parser);
            case BIG_DECIMAL -> {
                if (!token.isNumeric()) {
                    throw wrongType(field, token);
                }
                yield DocumentFormat.exactDecimal(parser);
            }
            case INSTANT -> format.readTimestamp(parser);
            case SDK_BYTES -> {
                if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_EMBEDDED_OBJECT) {
                    throw wrongType(field, token);
                }
                yield SdkBytes.fromByteArray(parser.getBinaryValue());
            }
            default -> {
                parser.skipChildren();
                yield null;
            }
        };
    }

    private static List<Object> list(DocumentFormat format, SdkField<?> field, JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, field);
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> items = new ArrayList<>();
        for (JsonToken token = next(parser); token != JsonToken.END_ARRAY; token = next(parser)) {
            if (token == JsonToken.VALUE_NULL) {
                throw malformed("a member of the list " + field.memberName() + " is null");
            }
            items.add(value(format, member, parser));
        }
        return items;
    }

    private static Map<String, Object> map(DocumentFormat format, SdkField<?> field, JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, field);
        SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> entries = new LinkedHashMap<>();
        for (JsonToken token = next(parser); token != JsonToken.END_OBJECT; token = next(parser)) {
            String key = parser.currentName();
            JsonToken valueToken = next(parser);
            if (valueToken == JsonToken.VALUE_NULL) {
                throw malformed("the value of " + key + " in the map " + field.memberName() + " is null");
            }
            entries.put(key, value(format, valueField, parser));
        }
        return entries;
    }

    private static BigDecimal whole(SdkField<?> field, JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(field, parser.currentToken());
        }
        return new BigDecimal(parser.getBigIntegerValue());
    }

    /** A number, or one of the strings awsJson uses for the values JSON cannot write. */
    private static double real(SdkField<?> field, JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token.isNumeric()) {
            return DocumentFormat.exactDouble(parser);
        }
        if (token == JsonToken.VALUE_STRING) {
            switch (parser.getText()) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                }
            }
        }
        throw wrongType(field, token);
    }

    /** The next token; the end of the input inside a structure is a truncated body, never a loop. */
    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw malformed("the body ends inside a structure");
        }
        return token;
    }

    private static void expect(JsonToken token, JsonToken expected, SdkField<?> field) {
        if (token != expected) {
            throw wrongType(field, token);
        }
    }

    private static ProtocolException wrongType(SdkField<?> field, JsonToken token) {
        return malformed("member " + field.locationName() + " cannot be " + describe(token));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_EMBEDDED_OBJECT -> "a byte string";
            default -> String.valueOf(token);
        };
    }

    private static ProtocolException malformed(String detail) {
        return new ProtocolException(CommonError.SERIALIZATION_EXCEPTION,
                "The request body could not be read" + (detail == null ? "." : ": " + detail));
    }

    private static Map<String, SdkField<?>> byName(SdkPojo builder) {
        Map<String, SdkField<?>> fields = new HashMap<>();
        for (SdkField<?> field : builder.sdkFields()) {
            fields.put(field.locationName(), field);
        }
        return Map.copyOf(fields);
    }

    private static SdkPojo build(SdkPojo builder) {
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }
}
