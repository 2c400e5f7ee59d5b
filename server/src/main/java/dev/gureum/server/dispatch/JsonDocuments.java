package dev.gureum.server.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.json.JsonDocument;
import java.io.IOException;

/** Reading and writing the bodies of requests served as {@link JsonDocument}s (services without SDK model classes). */
public final class JsonDocuments {
    /** Text after the object ({@code {"a":1}garbage}) is refused, as every AWS JSON service refuses it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonDocuments() {
    }

    /** The request's body as a JSON object; an empty body is an empty object, anything else a SerializationException. */
    public static JsonNode input(JsonDocument request) {
        JsonNode input;
        try {
            input = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (IOException e) {
            throw new ProtocolException(CommonError.SERIALIZATION_EXCEPTION, "The request body is not JSON.");
        }
        if (input == null || !input.isObject()) {
            throw new ProtocolException(CommonError.SERIALIZATION_EXCEPTION, "The request body is not a JSON object.");
        }
        return input;
    }

    /** The answer to {@code request}: {@code output} as its body. */
    public static JsonDocument answer(JsonDocument request, JsonNode output) {
        try {
            return new JsonDocument(request.operation(), JSON.writeValueAsBytes(output));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
