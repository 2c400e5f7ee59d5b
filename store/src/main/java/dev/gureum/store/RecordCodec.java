package dev.gureum.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Turns record values into compact JSON and back. Only record components are written (never derived
 * methods such as {@code isRunning()}), null fields are left out and unknown fields are ignored on
 * reading, so adding or removing a field of a value type does not break stored records. Instants and
 * durations are written as ISO-8601 strings. Records are written by {@link RecordJson}, which makes the
 * same bytes faster; Jackson writes what it cannot and reads everything.
 */
final class RecordCodec {
    /**
     * Built on first use: a Jackson mapper takes hundreds of milliseconds to make in a cold JVM, and
     * opening a store (and answering reads of an empty one) needs none.
     */
    private static final class Mapper {
        private static final ObjectMapper INSTANCE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();
    }

    byte[] encode(Object value) {
        return encodeValue(value);
    }

    /** The one encoding of a value: the same bytes whenever it is asked, so a snapshot can make them again. */
    static byte[] encodeValue(Object value) {
        byte[] json = RecordJson.encode(value);
        return json != null ? json : jackson(value);
    }

    /** The Jackson mapper's JSON of a value, which {@link RecordJson} matches byte for byte. */
    static byte[] jackson(Object value) {
        try {
            return Mapper.INSTANCE.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot store a " + value.getClass().getName() + " as JSON", e);
        }
    }

    <T> T decode(byte[] json, Class<T> type) {
        try {
            return Mapper.INSTANCE.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("a stored record cannot be read as " + type.getName(), e);
        }
    }
}
