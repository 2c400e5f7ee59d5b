package dev.gureum.core.sns.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.core.sns.MessageAttribute;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON documents SNS sends to HTTP endpoints: members in SNS's order, the links on Gureum's endpoint, and
 * signatures a subscriber verifies as AWS's documentation says (rebuild the string to sign, check it with the
 * certificate's key).
 */
class EnvelopesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEYS = keys();
    private static final SigningKey SIGNER = (text, algorithm) -> {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(KEYS.getPrivate());
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    };
    private static final Envelopes ENVELOPES = new Envelopes(SIGNER, new SnsUrls("http://127.0.0.1:4747"));
    private static final Instant AT = Instant.parse("2026-11-29T10:15:30.123Z");

    @Test
    void aNotificationHasSnsMembersInOrderAndASignatureVersion1ThatVerifies() throws Exception {
        String body = ENVELOPES.notification("id-1", "arn:aws:sns:us-east-1:000000000000:ops", "Alarm",
                "line one\nline \"two\"", AT, "1", "arn:aws:sns:us-east-1:000000000000:ops:sub-1",
                Map.of("severity", MessageAttribute.string("high")), new java.util.HashMap<>());
        JsonNode document = JSON.readTree(body);
        assertEquals(List.of("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion",
                "Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes"), names(document));
        assertEquals("Notification", document.get("Type").asText());
        assertEquals("line one\nline \"two\"", document.get("Message").asText());
        assertEquals("2026-11-29T10:15:30.123Z", document.get("Timestamp").asText());
        assertEquals("http://127.0.0.1:4747/_gureum/sns/SimpleNotificationService.pem",
                document.get("SigningCertURL").asText());
        assertEquals("http://127.0.0.1:4747/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:000000000000:ops:sub-1",
                document.get("UnsubscribeURL").asText());
        assertEquals("{\"Type\":\"String\",\"Value\":\"high\"}", document.get("MessageAttributes").get("severity").toString());
        assertTrue(body.startsWith("{\n  \"Type\" : \"Notification\",\n"), body);
        assertTrue(verifies(document, KEYS.getPublic()));
        assertEquals("Message\nline one\nline \"two\"\nMessageId\nid-1\nSubject\nAlarm\nTimestamp\n"
                + "2026-11-29T10:15:30.123Z\nTopicArn\narn:aws:sns:us-east-1:000000000000:ops\nType\nNotification\n",
                Envelopes.stringToSign(strings(document)));
    }

    @Test
    void aConfirmationSignsItsTokenAndSubscribeUrlWithSignatureVersion2() throws Exception {
        JsonNode document = JSON.readTree(ENVELOPES.subscriptionConfirmation("id-2",
                "arn:aws:sns:us-east-1:000000000000:ops", "abc123", AT, "2"));
        assertEquals(List.of("Type", "MessageId", "Token", "TopicArn", "Message", "SubscribeURL", "Timestamp",
                "SignatureVersion", "Signature", "SigningCertURL"), names(document));
        assertEquals("2", document.get("SignatureVersion").asText());
        assertEquals("http://127.0.0.1:4747/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:000000000000:ops"
                + "&Token=abc123", document.get("SubscribeURL").asText());
        assertTrue(document.get("Message").asText().startsWith("You have chosen to subscribe to the topic "
                + "arn:aws:sns:us-east-1:000000000000:ops.\n"));
        assertTrue(verifies(document, KEYS.getPublic()));
    }

    @Test
    void aTamperedMessageNoLongerVerifies() throws Exception {
        JsonNode document = JSON.readTree(ENVELOPES.notification("id-3", "arn:aws:sns:us-east-1:000000000000:ops",
                null, "pay 10", AT, "1", "arn:aws:sns:us-east-1:000000000000:ops:s", Map.of(), new java.util.HashMap<>()));
        assertFalse(document.has("Subject"), "no Subject member when none was given");
        assertFalse(document.has("MessageAttributes"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) document).put("Message", "pay 1000");
        assertFalse(verifies(document, KEYS.getPublic()));
    }

    /** What a subscriber does: rebuild the string to sign from the document and check it with the key. */
    static boolean verifies(JsonNode document, PublicKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(Envelopes.algorithm(document.get("SignatureVersion").asText()));
        signature.initVerify(key);
        signature.update(Envelopes.stringToSign(strings(document)).getBytes(StandardCharsets.UTF_8));
        return signature.verify(Base64.getDecoder().decode(document.get("Signature").asText()));
    }

    private static Map<String, String> strings(JsonNode document) {
        Map<String, String> fields = new LinkedHashMap<>();
        document.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        return fields;
    }

    private static List<String> names(JsonNode document) {
        List<String> names = new java.util.ArrayList<>();
        document.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
