package dev.gureum.protocol.document;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;

/**
 * The two document encodings of AWS's RPC protocols, read and written through the SDK's shaded Jackson:
 * JSON (awsJson 1.0/1.1) and CBOR (Smithy RPC v2). They share the data model and differ where a value
 * has no native form: a timestamp is epoch seconds as a JSON number, and CBOR tag 1 around epoch seconds;
 * a blob is base64 text in JSON and a byte string in CBOR (Jackson's binary value covers both).
 */
public enum DocumentFormat {
    JSON(new JsonFactory()) {
        @Override
        void writeTimestamp(JsonGenerator generator, Instant instant) throws IOException {
            if (instant.getNano() == 0) {
                generator.writeNumber(instant.getEpochSecond());
            } else {
                generator.writeNumber(epochSeconds(instant).toPlainString());
            }
        }
    },
    CBOR(new CBORFactory()) {
        @Override
        void writeTimestamp(JsonGenerator generator, Instant instant) throws IOException {
            ((CBORGenerator) generator).writeTag(1);
            if (instant.getNano() == 0) {
                generator.writeNumber(instant.getEpochSecond());
            } else {
                generator.writeNumber(epochSeconds(instant).doubleValue());
            }
        }
    };

    private final JsonFactory factory;

    DocumentFormat(JsonFactory factory) {
        this.factory = factory;
    }

    JsonParser parser(byte[] body) throws IOException {
        return factory.createParser(body);
    }

    JsonGenerator generator(OutputStream out) throws IOException {
        return factory.createGenerator(out);
    }

    abstract void writeTimestamp(JsonGenerator generator, Instant instant) throws IOException;

    /**
     * Epoch seconds, whole or fractional (CBOR's tag 1, if any, is read past by the parser). Fractions are
     * rounded to milliseconds, AWS's timestamp precision: a double such as 1.6e9 + 0.123 is not exact.
     */
    Instant readTimestamp(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochSecond(parser.getLongValue());
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal millis = exactDecimal(parser).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_EVEN);
            return Instant.ofEpochMilli(millis.longValueExact());
        }
        throw new IllegalArgumentException("a timestamp is a number of epoch seconds, not " + token);
    }

    /**
     * The number at the parser as a double, exactly. A CBOR sender writes a double as a 32-bit float whenever that
     * loses nothing (the Java SDK does), and Jackson widens such a float through its shortest decimal text, which
     * is not the float's value: 1795998720f would come back as 1.7959987E9, twenty seconds early as a timestamp.
     * Widening the float itself is exact.
     */
    static double exactDouble(JsonParser parser) throws IOException {
        return parser.getNumberType() == JsonParser.NumberType.FLOAT ? parser.getFloatValue() : parser.getDoubleValue();
    }

    /** As {@link #exactDouble}, as a decimal: the one the sender's double would print as. */
    static BigDecimal exactDecimal(JsonParser parser) throws IOException {
        return parser.getNumberType() == JsonParser.NumberType.FLOAT
                ? BigDecimal.valueOf(exactDouble(parser)) : parser.getDecimalValue();
    }

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
    }
}
