package dev.gureum.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.protocol.ProtocolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMembersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static void assertSerializationException(org.junit.jupiter.api.function.Executable read) {
        assertEquals("SerializationException", assertThrows(ProtocolException.class, read).error().code());
    }

    @Test
    void membersOfTheirModelTypeAreRead() throws Exception {
        JsonNode body = body("{\"a\":\"x\",\"n\":3,\"list\":[\"p\",\"q\"],\"ids\":[1,2],\"tags\":{\"k\":\"v\"},"
                + "\"s\":{\"b\":\"y\"},\"gone\":null}");
        assertEquals("x", JsonMembers.string(body, "a"));
        assertEquals(3, JsonMembers.integer(body, "n"));
        assertEquals(List.of("p", "q"), JsonMembers.strings(body, "list"));
        assertEquals(List.of(1L, 2L), JsonMembers.longs(body, "ids"));
        assertEquals(Map.of("k", "v"), JsonMembers.stringMap(body, "tags"));
        assertEquals("y", JsonMembers.structure(body, "s").get("b").textValue());
        assertNull(JsonMembers.string(body, "gone"));
        assertNull(JsonMembers.string(body, "absent"));
        assertEquals(List.of(), JsonMembers.strings(body, "absent"));
    }

    @Test
    void aMemberOfAnotherJsonTypeIsASerializationException() throws Exception {
        JsonNode body = body("{\"a\":5,\"list\":\"p\",\"items\":[5],\"n\":\"3\",\"s\":[],\"tags\":{\"k\":1},"
                + "\"ids\":[1.5]}");
        assertSerializationException(() -> JsonMembers.string(body, "a"));
        assertSerializationException(() -> JsonMembers.strings(body, "list"));
        assertSerializationException(() -> JsonMembers.strings(body, "items"));
        assertSerializationException(() -> JsonMembers.integer(body, "n"));
        assertSerializationException(() -> JsonMembers.structure(body, "s"));
        assertSerializationException(() -> JsonMembers.structures(body, "items"));
        assertSerializationException(() -> JsonMembers.stringMap(body, "tags"));
        assertSerializationException(() -> JsonMembers.longs(body, "ids"));
    }
}
