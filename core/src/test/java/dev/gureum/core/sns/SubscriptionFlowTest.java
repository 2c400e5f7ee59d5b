package dev.gureum.core.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.sns.delivery.Deliveries;
import dev.gureum.core.sns.delivery.Delivery;
import dev.gureum.core.sns.delivery.NotificationTransport.Outcome;
import dev.gureum.core.sns.delivery.Undeliverable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subscribe, confirm, publish, filter, retry and give up, on the manual clock. */
class SubscriptionFlowTest {
    private final SnsFixture sns = new SnsFixture();
    private final String topic = sns.topics.create(sns.context(), "ops", Map.of(), List.of());

    @AfterEach
    void close() {
        sns.close();
    }

    private String confirmedHttpSubscription(Map<String, String> attributes) {
        int before = sns.transport.sent().size();
        assertEquals(SubscriptionService.PENDING_CONFIRMATION, sns.subscriptions.subscribe(sns.context(), topic, "http",
                "http://127.0.0.1:9000/hook", attributes, false));
        Delivery confirmation = sns.awaitSent(before + 1).getLast();
        assertEquals("SubscriptionConfirmation", confirmation.type());
        String token = confirmation.body().replaceAll("(?s).*\"Token\" : \"([0-9a-f]+)\".*", "$1");
        return sns.subscriptions.confirm(sns.context(), topic, token, false, false);
    }

    @Test
    void aConfirmedHttpSubscriptionReceivesPublishedMessagesWithSnsHeaders() {
        String arn = confirmedHttpSubscription(Map.of());
        assertTrue(arn.startsWith(topic + ":"), arn);
        assertEquals("false", sns.subscriptions.attributes(sns.context(), arn).get("PendingConfirmation"));
        assertEquals("1", sns.topics.attributes(sns.context(), topic).get("SubscriptionsConfirmed"));

        String messageId = sns.publisher.publish(SnsFixture.ACCOUNT, SnsFixture.REGION, topic, "Hello", "world", Map.of());
        Delivery notification = sns.awaitSent(2).getLast();
        assertEquals("Notification", notification.type());
        assertEquals(messageId, notification.messageId());
        assertEquals(Map.of("x-amz-sns-message-type", "Notification", "x-amz-sns-message-id", messageId,
                "x-amz-sns-topic-arn", topic, "x-amz-sns-subscription-arn", arn,
                "Content-Type", "text/plain; charset=UTF-8", "User-Agent", "Amazon Simple Notification Service Agent"),
                notification.headers());
        assertTrue(notification.body().contains("\"Message\" : \"world\""), notification.body());
        SnsFixture.await(() -> sns.store.listAll(SnsRecords.DELIVERIES).isEmpty());
    }

    @Test
    void pendingSubscriptionsGetNothingAndAWrongTokenIsRefused() {
        sns.subscriptions.subscribe(sns.context(), topic, "http", "http://127.0.0.1:9000/hook", Map.of(), false);
        sns.awaitSent(1);
        sns.publisher.publish(SnsFixture.ACCOUNT, SnsFixture.REGION, topic, null, "nobody hears this", Map.of());
        SnsFixture.settle();
        assertEquals(1, sns.transport.sent().size());
        assertFalse(sns.subscriptions.list(sns.context(), null).items().getFirst().confirmed());
        CloudException error = assertThrows(CloudException.class,
                () -> sns.subscriptions.confirm(sns.context(), topic, "not-the-token", false, true));
        assertEquals("InvalidParameter", error.code().code());
    }

    @Test
    void rawDeliverySendsTheBareMessageAndFilterPoliciesDropWhatDoesNotMatch() {
        String arn = confirmedHttpSubscription(Map.of("RawMessageDelivery", "true",
                "FilterPolicy", "{\"severity\":[\"high\"]}"));
        sns.publisher.publish(SnsFixture.ACCOUNT, SnsFixture.REGION, topic, null, "low one",
                Map.of("severity", MessageAttribute.string("low")));
        sns.publisher.publish(SnsFixture.ACCOUNT, SnsFixture.REGION, topic, null, "high one",
                Map.of("severity", MessageAttribute.string("high")));
        Delivery delivered = sns.awaitSent(2).getLast();
        assertEquals("high one", delivered.body());
        assertEquals("true", delivered.headers().get("x-amz-sns-rawdelivery"));
        SnsFixture.settle();
        assertEquals(2, sns.transport.sent().size(), "the low-severity message was filtered out");
        assertEquals("MessageAttributes", sns.subscriptions.attributes(sns.context(), arn).get("FilterPolicyScope"));
    }

    @Test
    void failuresAreRetriedTwentySecondsApartThenKeptAsUndeliverable() {
        confirmedHttpSubscription(Map.of());
        for (int i = 0; i < 4; i++) {
            sns.transport.outcomes.add(Outcome.retry("HTTP 503"));
        }
        sns.publisher.publish(SnsFixture.ACCOUNT, SnsFixture.REGION, topic, null, "retry me", Map.of());
        sns.awaitSent(2);
        for (int retry = 1; retry <= 3; retry++) {
            int attempts = retry;
            SnsFixture.await(() -> sns.deliveries.pending(SnsFixture.ACCOUNT).stream()
                    .anyMatch(delivery -> delivery.attempts() == attempts));
            sns.advance(19);
            SnsFixture.settle();
            assertEquals(retry + 1, sns.transport.sent().size(), "no retry before twenty seconds");
            sns.advance(1);
            sns.awaitSent(retry + 2);
        }
        SnsFixture.await(() -> !sns.deliveries.undeliverable(SnsFixture.ACCOUNT).isEmpty());
        Undeliverable lost = sns.deliveries.undeliverable(SnsFixture.ACCOUNT).getFirst();
        assertEquals(4, lost.attempts());
        assertTrue(lost.reason().contains("HTTP 503"), lost.reason());
        assertTrue(sns.store.listAll(SnsRecords.DELIVERIES).isEmpty());
    }

    @Test
    void anEndpointThatRefusesIsGivenUpAtOnce() {
        confirmedHttpSubscription(Map.of());
        sns.transport.outcomes.add(Outcome.refused("HTTP 404"));
        sns.publisher.publish(SnsFixture.ACCOUNT, SnsFixture.REGION, topic, null, "to nowhere", Map.of());
        SnsFixture.await(() -> !sns.deliveries.undeliverable(SnsFixture.ACCOUNT).isEmpty());
        assertEquals(1, sns.deliveries.undeliverable(SnsFixture.ACCOUNT).getFirst().attempts());
    }

    @Test
    void aPendingDeliveryIsResumedByANewRunnerOverTheSameStore() {
        confirmedHttpSubscription(Map.of());
        sns.transport.outcomes.add(Outcome.retry("connection refused"));
        sns.publisher.publish(SnsFixture.ACCOUNT, SnsFixture.REGION, topic, null, "survive", Map.of());
        sns.awaitSent(2);
        SnsFixture.await(() -> sns.deliveries.pending(SnsFixture.ACCOUNT).stream().anyMatch(d -> d.attempts() == 1));
        sns.deliveries.close();
        SnsFixture.RecordingTransport after = new SnsFixture.RecordingTransport();
        try (Deliveries restarted = new Deliveries(sns.store, new dev.gureum.core.time.ClockScheduler(sns.clock), after)) {
            restarted.resume();
            SnsFixture.settle();
            assertTrue(after.sent().isEmpty(), "the retry is not due yet");
            sns.advance(20);
            SnsFixture.await(() -> after.sent().size() == 1);
            assertEquals("survive", after.sent().getFirst().body().replaceAll("(?s).*\"Message\" : \"([a-z]+)\".*", "$1"));
        }
    }

    @Test
    void unsubscribingSendsAnUnsubscribeConfirmationAndDeletingATopicRemovesItsSubscriptions() {
        String arn = confirmedHttpSubscription(Map.of());
        sns.subscriptions.unsubscribe(sns.context(), arn, false);
        assertEquals("UnsubscribeConfirmation", sns.awaitSent(2).getLast().type());
        assertEquals("NotFound", assertThrows(CloudException.class,
                () -> sns.subscriptions.attributes(sns.context(), arn)).code().code());

        confirmedHttpSubscription(Map.of());
        sns.subscriptions.subscribe(sns.context(), topic, "email", "ops@example.com", Map.of(), false);
        assertEquals(2, sns.subscriptions.list(sns.context(), null).items().size());
        sns.topics.delete(sns.context(), topic);
        assertTrue(sns.subscriptions.list(sns.context(), null).items().isEmpty());
    }

    @Test
    void subscribeChecksProtocolsEndpointsAndAttributes() {
        assertInvalid("Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon",
                () -> sns.subscriptions.subscribe(sns.context(), topic, "carrier-pigeon", "x", Map.of(), false));
        assertInvalid("Invalid parameter: Endpoint must match the specified protocol",
                () -> sns.subscriptions.subscribe(sns.context(), topic, "https", "http://a.example", Map.of(), false));
        assertInvalid("Invalid parameter: Email address",
                () -> sns.subscriptions.subscribe(sns.context(), topic, "email", "nobody", Map.of(), false));
        assertInvalid("Invalid parameter: Attributes Reason: Delivery protocol [email] does not support raw message"
                + " delivery.", () -> sns.subscriptions.subscribe(sns.context(), topic, "email", "a@example.com",
                Map.of("RawMessageDelivery", "true"), false));
        assertInvalid("Invalid parameter: Attributes Reason: FilterPolicy: Filter policy can not have more than 5 keys",
                () -> sns.subscriptions.subscribe(sns.context(), topic, "http", "http://a.example",
                        Map.of("FilterPolicy", "{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}"), false));
        assertTrue(assertThrows(CloudException.class, () -> sns.subscriptions.subscribe(sns.context(), topic, "sqs",
                "arn:aws:sqs:us-east-1:000000000000:q", Map.of(), false)).getMessage().contains("sqs"));
        String arn = sns.subscriptions.subscribe(sns.context(), topic, "http", "http://a.example", Map.of(), true);
        assertEquals(arn, sns.subscriptions.subscribe(sns.context(), topic, "http", "http://a.example", Map.of(), true),
                "subscribing the same endpoint again answers the same subscription");
        assertFalse(arn.contains("pending"));
    }

    @Test
    void emailGetsTextWithAnUnsubscribeLinkAndEmailJsonGetsTheEnvelope() {
        sns.subscriptions.subscribe(sns.context(), topic, "email", "ops@example.com", Map.of(), false);
        Delivery mail = sns.awaitSent(1).getLast();
        assertTrue(mail.body().contains("Confirm subscription: http://127.0.0.1:4747/?Action=ConfirmSubscription&TopicArn="
                + topic + "&Token="), mail.body());
        assertEquals("AWS Notification - Subscription Confirmation", mail.subject());
        String token = mail.body().replaceAll("(?s).*&Token=([0-9a-f]+).*", "$1");
        String mailArn = sns.subscriptions.confirm(sns.context(), topic, token, false, false);

        sns.subscriptions.subscribe(sns.context(), topic, "email-json", "bot@example.com", Map.of(), false);
        Delivery json = sns.awaitSent(2).getLast();
        assertTrue(json.body().startsWith("{\n  \"Type\" : \"SubscriptionConfirmation\""), json.body());
        String jsonToken = json.body().replaceAll("(?s).*\"Token\" : \"([0-9a-f]+)\".*", "$1");
        sns.subscriptions.confirm(sns.context(), topic, jsonToken, false, false);

        sns.publisher.publish(SnsFixture.ACCOUNT, SnsFixture.REGION, topic, null, "backup done", Map.of());
        List<Delivery> sent = sns.awaitSent(4);
        Delivery text = sent.stream().filter(d -> d.endpoint().equals("ops@example.com") && d.type().equals("Notification"))
                .findFirst().orElseThrow();
        assertEquals("AWS Notification Message", text.subject());
        assertTrue(text.body().startsWith("backup done\n\n--\n"), text.body());
        assertTrue(text.body().contains("?Action=Unsubscribe&SubscriptionArn=" + mailArn), text.body());
        Delivery envelope = sent.stream().filter(d -> d.endpoint().equals("bot@example.com")
                && d.type().equals("Notification")).findFirst().orElseThrow();
        assertTrue(envelope.body().contains("\"Message\" : \"backup done\""), envelope.body());
    }

    @Test
    void onePublicationIsSignedOnceForAllItsSubscribers() {
        for (int i = 0; i < 3; i++) {
            int before = sns.transport.sent().size();
            sns.subscriptions.subscribe(sns.context(), topic, "http", "http://127.0.0.1:900" + i + "/", Map.of(), false);
            String body = sns.awaitSent(before + 1).getLast().body();
            sns.subscriptions.confirm(sns.context(), topic, body.replaceAll("(?s).*\"Token\" : \"([0-9a-f]+)\".*", "$1"),
                    false, false);
        }
        int before = sns.signatures.get();
        sns.publisher.publish(SnsFixture.ACCOUNT, SnsFixture.REGION, topic, null, "to three", Map.of());
        assertEquals(before + 1, sns.signatures.get());
        assertEquals(3, sns.awaitSent(6).stream().filter(d -> d.type().equals("Notification")).count());
    }

    @Test
    void subscriptionsAreListedAHundredAPage() {
        for (int i = 0; i < 101; i++) {
            sns.subscriptions.subscribe(sns.context(), topic, "email", "user" + i + "@example.com", Map.of(), false);
        }
        var first = sns.subscriptions.listByTopic(sns.context(), topic, null);
        assertEquals(100, first.items().size());
        var second = sns.subscriptions.listByTopic(sns.context(), topic, first.nextToken());
        assertEquals(1, second.items().size());
        assertEquals(null, second.nextToken());
        assertEquals(100, sns.subscriptions.list(sns.context(), null).items().size());
        assertInvalid("Invalid parameter: NextToken", () -> sns.subscriptions.list(sns.context(), "bogus"));
        assertEquals("101", sns.topics.attributes(sns.context(), topic).get("SubscriptionsPending"));
    }

    private static void assertInvalid(String message, Runnable call) {
        CloudException error = assertThrows(CloudException.class, call::run);
        assertEquals("InvalidParameter", error.code().code());
        assertEquals(message, error.getMessage());
    }
}
