package dev.gureum.server.sns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.protocol.http.WireRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which requests are SNS's unsigned links: only unsigned GETs of its two link actions, and its own paths. */
class SnsLinksTest {
    private final SnsLinks links = new SnsLinks(null, null, null, null, null);

    private static WireRequest get(String query, Map<String, List<String>> headers) {
        return new WireRequest("GET", "/", query, headers, new byte[0]);
    }

    @Test
    void unsignedLinkActionsAndSnsPathsAreLinks() {
        assertTrue(links.owns(get("Action=ConfirmSubscription&TopicArn=a&Token=b", Map.of())));
        assertTrue(links.owns(get("Action=Unsubscribe&SubscriptionArn=a", Map.of())));
        assertTrue(links.owns(new WireRequest("GET", "/_gureum/sns/SimpleNotificationService.pem", "", Map.of(), null)));
    }

    @Test
    void signedRequestsAndOtherActionsAreNot() {
        assertFalse(links.owns(get("Action=ConfirmSubscription&TopicArn=a&Token=b",
                Map.of("authorization", List.of("AWS4-HMAC-SHA256 Credential=…")))));
        assertFalse(links.owns(get("Action=ConfirmSubscription&X-Amz-Signature=abc", Map.of())));
        assertFalse(links.owns(get("Action=DescribeRegions", Map.of())));
        assertFalse(links.owns(new WireRequest("POST", "/", "Action=Unsubscribe", Map.of(), null)));
    }

    /** Regression: a GET without an Action (or with a query that cannot be decoded) threw, and the request hung. */
    @Test
    void aGetWithoutAnActionOrWithABadEscapeIsNotALinkAndDoesNotThrow() {
        assertFalse(links.owns(get("", Map.of())));
        assertFalse(links.owns(get("Version=2016-11-15&%zz", Map.of())));
    }
}
