package dev.gureum.server.ce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gureum.core.error.CloudException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GetDimensionValues' and GetTags' pages: a NextPageToken while more remain, which reads back as the rest. */
class CostValueListsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VALUES = List.of("a", "b", "c", "d", "e");

    @Test
    void pagesFollowTheirTokensToTheEnd() {
        ObjectNode first = JSON.createObjectNode();
        assertEquals(List.of("a", "b"), CostValueLists.page(JSON.createObjectNode(), "GetTags", VALUES, 2, first));
        assertEquals(2, first.get("ReturnSize").intValue());
        assertEquals(5, first.get("TotalSize").intValue());
        ObjectNode second = JSON.createObjectNode();
        assertEquals(List.of("c", "d"), CostValueLists.page(JSON.createObjectNode().put("NextPageToken",
                first.get("NextPageToken").textValue()), "GetTags", VALUES, 2, second));
        ObjectNode last = JSON.createObjectNode();
        assertEquals(List.of("e"), CostValueLists.page(JSON.createObjectNode().put("NextPageToken",
                second.get("NextPageToken").textValue()), "GetTags", VALUES, 2, last));
        assertFalse(last.has("NextPageToken"), "no more to come");
    }

    @Test
    void aTokenNotHandedOutIsRefused() {
        // garbage, an offset past the end, a negative one, another operation's
        for (String token : List.of("garbage", encoded("GetTags:99"), encoded("GetTags:-1"),
                encoded("GetDimensionValues:2"))) {
            CloudException refused = assertThrows(CloudException.class, () -> CostValueLists.page(
                    JSON.createObjectNode().put("NextPageToken", token), "GetTags", VALUES, 2,
                    JSON.createObjectNode()));
            assertEquals("InvalidNextTokenException", refused.code().code());
        }
    }

    private static String encoded(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
