package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * SNS delivery end to end, on a manual clock: an HTTP endpoint run by the test subscribes, gets the signed
 * SubscriptionConfirmation, confirms by GETting its SubscribeURL, receives signed notifications (verified with the
 * certificate from SigningCertURL), is retried when it fails, filtered by its policy; email lands in the mailbox.
 */
class SnsDeliveryIT {
    private static GureumProcess server;
    private static SnsClient sns;

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--clock", "manual");
        sns = client(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            sns.close();
            server.close();
        }
    }

    static SnsClient client(GureumProcess server) {
        return SnsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    /** Subscribes the endpoint, checks the confirmation it receives and confirms through its SubscribeURL. */
    static String confirmedSubscription(SnsClient sns, String topic, SnsEndpoint endpoint, Map<String, String> attributes)
            throws Exception {
        assertEquals("pending confirmation", sns.subscribe(r -> r.topicArn(topic).protocol("http")
                .endpoint(endpoint.url()).attributes(attributes)).subscriptionArn());
        SnsEndpoint.Received confirmation = endpoint.next();
        assertEquals("SubscriptionConfirmation", confirmation.header("x-amz-sns-message-type"));
        JsonNode message = SnsMessages.parse(confirmation.body());
        assertTrue(SnsMessages.signatureVerifies(message), confirmation.body());
        String answer = SnsMessages.get(SnsMessages.field(message, "SubscribeURL"));
        String arn = answer.replaceAll("(?s).*<SubscriptionArn>([^<]+)</SubscriptionArn>.*", "$1");
        assertTrue(arn.startsWith(topic + ":"), answer);
        return arn;
    }

    @Test
    void theConfirmationHandshakeAndSignedNotifications() throws Exception {
        String topic = sns.createTopic(r -> r.name("handshake")).topicArn();
        try (SnsEndpoint endpoint = new SnsEndpoint()) {
            assertEquals("pending confirmation", sns.subscribe(r -> r.topicArn(topic).protocol("http")
                    .endpoint(endpoint.url())).subscriptionArn());
            SnsEndpoint.Received confirmation = endpoint.next();
            assertEquals(List.of("SubscriptionConfirmation", topic, "text/plain; charset=UTF-8",
                    "Amazon Simple Notification Service Agent"), List.of(confirmation.header("x-amz-sns-message-type"),
                    confirmation.header("x-amz-sns-topic-arn"), confirmation.header("content-type"),
                    confirmation.header("user-agent")));
            JsonNode message = SnsMessages.parse(confirmation.body());
            assertEquals(confirmation.header("x-amz-sns-message-id"), SnsMessages.field(message, "MessageId"));
            assertTrue(SnsMessages.signatureVerifies(message));
            assertEquals("PendingConfirmation", sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions()
                    .get(0).subscriptionArn());

            String answer = SnsMessages.get(SnsMessages.field(message, "SubscribeURL"));
            String arn = answer.replaceAll("(?s).*<SubscriptionArn>([^<]+)</SubscriptionArn>.*", "$1");
            assertEquals(arn, sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions().get(0).subscriptionArn());
            assertEquals("false", sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes()
                    .get("PendingConfirmation"));

            String messageId = sns.publish(r -> r.topicArn(topic).subject("Disk").message("disk is 91% full")
                    .messageAttributes(Map.of("severity", MessageAttributeValue.builder().dataType("String")
                            .stringValue("high").build()))).messageId();
            SnsEndpoint.Received notification = endpoint.next();
            assertEquals(List.of("Notification", messageId, arn), List.of(notification.header("x-amz-sns-message-type"),
                    notification.header("x-amz-sns-message-id"), notification.header("x-amz-sns-subscription-arn")));
            JsonNode body = SnsMessages.parse(notification.body());
            assertEquals(List.of("Disk", "disk is 91% full", "1"), List.of(SnsMessages.field(body, "Subject"),
                    SnsMessages.field(body, "Message"), SnsMessages.field(body, "SignatureVersion")));
            assertEquals("high", body.asObject().get("MessageAttributes").asObject().get("severity").asObject()
                    .get("Value").asString());
            assertTrue(SnsMessages.signatureVerifies(body));

            sns.setTopicAttributes(r -> r.topicArn(topic).attributeName("SignatureVersion").attributeValue("2"));
            sns.publish(r -> r.topicArn(topic).message("signed with SHA-256"));
            JsonNode second = SnsMessages.parse(endpoint.next().body());
            assertEquals("2", SnsMessages.field(second, "SignatureVersion"));
            assertTrue(SnsMessages.signatureVerifies(second));

            SnsMessages.get(SnsMessages.field(second, "UnsubscribeURL"));
            assertEquals("UnsubscribeConfirmation", endpoint.next().header("x-amz-sns-message-type"));
            assertTrue(sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions().isEmpty());
        }
    }

    @Test
    void aFailingEndpointIsRetriedTwentySecondsApartThenTheMessageIsKept() throws Exception {
        String topic = sns.createTopic(r -> r.name("retries")).topicArn();
        try (SnsEndpoint endpoint = new SnsEndpoint()) {
            confirmedSubscription(sns, topic, endpoint, Map.of());
            endpoint.answer(503);
            String messageId = sns.publish(r -> r.topicArn(topic).message("keep trying")).messageId();
            assertEquals(messageId, endpoint.next().header("x-amz-sns-message-id"));
            for (int retry = 1; retry <= 3; retry++) {
                awaitAttempts(messageId, retry);
                server.advanceClock(19);
                assertNull(endpoint.poll(Duration.ofMillis(300)), "no retry before twenty seconds");
                server.advanceClock(1);
                assertEquals(messageId, endpoint.next().header("x-amz-sns-message-id"), "retry " + retry);
            }
            server.advanceClock(3600);
            assertNull(endpoint.poll(Duration.ofMillis(300)), "the default policy retries three times");
            String undeliverable = awaitAdmin("/_gureum/sns/undeliverable", messageId);
            assertTrue(undeliverable.contains("\"attempts\":4"), undeliverable);
            assertTrue(undeliverable.contains("HTTP 503"), undeliverable);

            String second = sns.publish(r -> r.topicArn(topic).message("recovers")).messageId();
            assertEquals(second, endpoint.next().header("x-amz-sns-message-id"));
            awaitAttempts(second, 1);
            endpoint.answer(200);
            server.advanceClock(20);
            assertEquals(second, endpoint.next().header("x-amz-sns-message-id"));
            awaitAdminWithout("/_gureum/sns/deliveries", second);
            assertTrue(!server.admin("GET", "/_gureum/sns/undeliverable").contains(second));
        }
    }

    @Test
    void aPendingRetrySurvivesKillDashNine() throws Exception {
        try (GureumProcess own = GureumProcess.start("--clock", "manual"); SnsEndpoint endpoint = new SnsEndpoint()) {
            String messageId;
            try (SnsClient client = client(own)) {
                String topic = client.createTopic(r -> r.name("durable")).topicArn();
                confirmedSubscription(client, topic, endpoint, Map.of());
                endpoint.answer(500);
                messageId = client.publish(r -> r.topicArn(topic).message("after the crash")).messageId();
                assertEquals(messageId, endpoint.next().header("x-amz-sns-message-id"));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!own.admin("GET", "/_gureum/sns/deliveries").contains("\"attempts\":1")
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            own.kill();
            endpoint.answer(200);
            own.restart();
            // the manual clock restarts at the wall clock's now: the retry is due at most twenty seconds on
            own.advanceClock(20);
            SnsEndpoint.Received retried = endpoint.next();
            assertEquals(messageId, retried.header("x-amz-sns-message-id"));
            assertTrue(SnsMessages.signatureVerifies(SnsMessages.parse(retried.body())),
                    "the certificate survives the restart too");
        }
    }

    @Test
    void aDeliveryPolicyChangesTheRetries() throws Exception {
        String topic = sns.createTopic(r -> r.name("policy")).topicArn();
        try (SnsEndpoint endpoint = new SnsEndpoint()) {
            String subscription = confirmedSubscription(sns, topic, endpoint, Map.of("DeliveryPolicy",
                    "{\"healthyRetryPolicy\":{\"numRetries\":1,\"minDelayTarget\":5,\"maxDelayTarget\":5}}"));
            String effective = sns.getSubscriptionAttributes(r -> r.subscriptionArn(subscription)).attributes()
                    .get("EffectiveDeliveryPolicy");
            assertTrue(effective.startsWith("{\"healthyRetryPolicy\":{\"minDelayTarget\":5,\"maxDelayTarget\":5,"
                    + "\"numRetries\":1,"), "the subscription's own policy over the defaults, as a subscription's: "
                    + effective);
            endpoint.answer(500);
            String messageId = sns.publish(r -> r.topicArn(topic).message("once more")).messageId();
            endpoint.next();
            awaitAttempts(messageId, 1);
            server.advanceClock(5);
            endpoint.next();
            server.advanceClock(60);
            assertNull(endpoint.poll(Duration.ofMillis(300)));
            awaitAdmin("/_gureum/sns/undeliverable", messageId);
        }
    }

    @Test
    void filterPoliciesDropAndPassMessages() throws Exception {
        String topic = sns.createTopic(r -> r.name("filtered")).topicArn();
        try (SnsEndpoint endpoint = new SnsEndpoint()) {
            String arn = confirmedSubscription(sns, topic, endpoint, Map.of("FilterPolicy",
                    "{\"severity\":[\"high\",{\"prefix\":\"crit\"}],\"load\":[{\"numeric\":[\">=\",80]}]}"));
            publish(topic, "dropped: low", "low", "95");
            publish(topic, "dropped: light load", "critical", "10");
            publish(topic, "passed", "critical", "95");
            assertEquals("passed", SnsMessages.field(SnsMessages.parse(endpoint.next().body()), "Message"));
            assertNull(endpoint.poll(Duration.ofMillis(500)), "only the matching message arrives");

            sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("FilterPolicyScope")
                    .attributeValue("MessageBody"));
            sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("FilterPolicy")
                    .attributeValue("{\"detail\":{\"state\":[\"ALARM\"]}}"));
            sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("RawMessageDelivery")
                    .attributeValue("true"));
            sns.publish(r -> r.topicArn(topic).message("{\"detail\":{\"state\":\"OK\"}}"));
            sns.publish(r -> r.topicArn(topic).message("{\"detail\":{\"state\":\"ALARM\"}}"));
            SnsEndpoint.Received raw = endpoint.next();
            assertEquals("{\"detail\":{\"state\":\"ALARM\"}}", raw.body());
            assertEquals("true", raw.header("x-amz-sns-rawdelivery"));
            assertNull(endpoint.poll(Duration.ofMillis(500)));

            SnsException error = assertThrows(SnsException.class, () -> sns.setSubscriptionAttributes(r -> r
                    .subscriptionArn(arn).attributeName("FilterPolicy")
                    .attributeValue("{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}")));
            assertEquals(List.of(400, "InvalidParameter", "Invalid parameter: FilterPolicy: Filter policy can not have"
                    + " more than 5 keys"), List.of(error.statusCode(), error.awsErrorDetails().errorCode(),
                    error.awsErrorDetails().errorMessage()));
        }
    }

    private static void publish(String topic, String message, String severity, String load) {
        sns.publish(r -> r.topicArn(topic).message(message).messageAttributes(Map.of(
                "severity", MessageAttributeValue.builder().dataType("String").stringValue(severity).build(),
                "load", MessageAttributeValue.builder().dataType("Number").stringValue(load).build())));
    }

    @Test
    void emailGoesToTheMailboxAndItsLinkConfirms() throws Exception {
        String topic = sns.createTopic(r -> r.name("mail").attributes(Map.of("DisplayName", "Ops"))).topicArn();
        assertEquals("pending confirmation", sns.subscribe(r -> r.topicArn(topic).protocol("email")
                .endpoint("Ops@Example.com")).subscriptionArn());
        Path mailbox = server.dataDirectory().resolve("sns/mailbox/ops@example.com");
        String confirmation = awaitMail(mailbox, 1).get(0);
        assertTrue(confirmation.contains("Subject: AWS Notification - Subscription Confirmation\r\n"), confirmation);
        assertTrue(confirmation.contains("From: Ops <no-reply@sns.amazonaws.com>\r\n"), confirmation);
        String link = confirmation.replaceAll("(?s).*Confirm subscription: (\\S+).*", "$1");
        SnsMessages.get(link);
        sns.publish(r -> r.topicArn(topic).subject("Backup done").message("All 3 volumes were copied."));
        String notification = awaitMail(mailbox, 2).stream().filter(mail -> mail.contains("Backup done")).findFirst()
                .orElseThrow();
        assertTrue(notification.contains("\r\n\r\nAll 3 volumes were copied.\r\n"), notification);
        assertTrue(notification.contains("To: Ops@Example.com\r\n"), notification);
    }

    @Test
    void badPublicationsGetSnsErrors() {
        String topic = sns.createTopic(r -> r.name("strict")).topicArn();
        assertError(400, "InvalidParameter", "Invalid parameter: Subject",
                () -> sns.publish(r -> r.topicArn(topic).subject("s".repeat(101)).message("m")));
        assertError(400, "ParameterValueInvalid", "The message attribute 'a' has an invalid message attribute type,"
                + " the set of supported type prefixes is Binary, Number, and String.",
                () -> sns.publish(r -> r.topicArn(topic).message("m").messageAttributes(Map.of("a",
                        MessageAttributeValue.builder().dataType("Integer").stringValue("1").build()))));
        assertError(400, "InvalidParameter", "Invalid parameter: Message Structure - No default entry in JSON message body",
                () -> sns.publish(r -> r.topicArn(topic).messageStructure("json").message("{\"http\":\"x\"}")));
        assertError(404, "NotFound", "Topic does not exist",
                () -> sns.publish(r -> r.topicArn(topic + "-gone").message("m")));
        assertError(400, "BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id",
                () -> sns.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(
                        e -> e.id("a").message("1"), e -> e.id("a").message("2"))));
        PublishBatchResponse batch = sns.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(
                e -> e.id("ok").message("fine").messageAttributes(Map.of("b", MessageAttributeValue.builder()
                        .dataType("Binary").binaryValue(SdkBytes.fromUtf8String("bytes")).build())),
                e -> e.id("bad").message("")));
        assertEquals("ok", batch.successful().get(0).id());
        assertEquals(List.of("bad", "InvalidParameter", true), List.of(batch.failed().get(0).id(),
                batch.failed().get(0).code(), batch.failed().get(0).senderFault()));
        assertError(400, "InvalidParameter", "Invalid token",
                () -> sns.confirmSubscription(r -> r.topicArn(topic).token("nope")));
    }

    @Test
    void theCliSubscribesPublishesAndReadsAttributes() throws Exception {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws (./gureum test installs it as root)");
        AwsCli aws = new AwsCli(server.endpoint());
        String topic = aws.text("sns", "create-topic", "--name", "cli", "--query", "TopicArn");
        try (SnsEndpoint endpoint = new SnsEndpoint()) {
            assertEquals("pending confirmation", aws.text("sns", "subscribe", "--topic-arn", topic, "--protocol", "http",
                    "--notification-endpoint", endpoint.url(), "--query", "SubscriptionArn"));
            JsonNode confirmation = SnsMessages.parse(endpoint.next().body());
            String arn = aws.text("sns", "confirm-subscription", "--topic-arn", topic, "--token",
                    SnsMessages.field(confirmation, "Token"), "--authenticate-on-unsubscribe", "true",
                    "--query", "SubscriptionArn");
            assertEquals("true", aws.text("sns", "get-subscription-attributes", "--subscription-arn", arn,
                    "--query", "Attributes.ConfirmationWasAuthenticated"));
            String messageId = aws.text("sns", "publish", "--topic-arn", topic, "--message", "from the CLI",
                    "--message-attributes", "{\"n\":{\"DataType\":\"Number\",\"StringValue\":\"42\"}}",
                    "--query", "MessageId");
            assertEquals(messageId, endpoint.next().header("x-amz-sns-message-id"));
            assertTrue(aws.text("sns", "list-subscriptions", "--query", "Subscriptions[].SubscriptionArn").contains(arn));
            aws.assertServerErrors(List.of(
                    List.of("InvalidParameter", "sns", "set-subscription-attributes", "--subscription-arn", arn,
                            "--attribute-name", "FilterPolicy", "--attribute-value", "{\"a\":{\"b\":[1]}}"),
                    List.of("InvalidParameter", "sns", "subscribe", "--topic-arn", topic, "--protocol", "smoke-signal",
                            "--notification-endpoint", "x"),
                    List.of("NotFound", "sns", "unsubscribe", "--subscription-arn", topic + ":0000")));
            String unsigned = SnsMessages.getStatus(server.endpoint() + "/?Action=Unsubscribe&SubscriptionArn=" + arn);
            assertTrue(unsigned.startsWith("403 ") && unsigned.contains("<Code>AuthorizationError</Code>"), unsigned);
            aws.text("sns", "unsubscribe", "--subscription-arn", arn);
        }
    }

    @Test
    void theNewerCliSubscribesAndPublishesToo() throws Exception {
        assumeTrue(Files.isExecutable(AwsCli.NEWER_BOTOCORE_BINARY), "skipped: no " + AwsCli.NEWER_BOTOCORE_BINARY);
        AwsCli aws = new AwsCli(AwsCli.NEWER_BOTOCORE_BINARY, server.endpoint(), "test", "test");
        String topic = aws.text("sns", "create-topic", "--name", "newer-cli", "--query", "TopicArn");
        try (SnsEndpoint endpoint = new SnsEndpoint()) {
            String arn = aws.text("sns", "subscribe", "--topic-arn", topic, "--protocol", "http",
                    "--notification-endpoint", endpoint.url(), "--return-subscription-arn", "--query", "SubscriptionArn");
            assertTrue(arn.startsWith(topic + ":"), arn);
            SnsMessages.get(SnsMessages.field(SnsMessages.parse(endpoint.next().body()), "SubscribeURL"));
            assertEquals(arn, aws.text("sns", "list-subscriptions-by-topic", "--topic-arn", topic,
                    "--query", "Subscriptions[0].SubscriptionArn"));
            JsonNode batch = aws.json("sns", "publish-batch", "--topic-arn", topic, "--publish-batch-request-entries",
                    "Id=one,Message=first", "Id=two,Message=second");
            assertEquals(2, batch.asObject().get("Successful").asArray().size());
            List<String> received = List.of(SnsMessages.field(SnsMessages.parse(endpoint.next().body()), "Message"),
                    SnsMessages.field(SnsMessages.parse(endpoint.next().body()), "Message"));
            assertTrue(received.containsAll(List.of("first", "second")), received.toString());
        }
    }

    private static String awaitAdmin(String path, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = server.admin("GET", path);
            if (body.contains(expected)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " never showed " + expected + ": " + body);
    }

    /** Waits until the failed attempts of a message are recorded (and so its retry is scheduled). */
    private static void awaitAttempts(String messageId, int attempts) throws InterruptedException {
        awaitAdmin("/_gureum/sns/deliveries", "{\"messageId\":\"" + messageId + "\",\"type\":\"Notification\"");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.admin("GET", "/_gureum/sns/deliveries").matches("(?s).*\"messageId\":\"" + messageId
                + "\"[^}]*\"attempts\":" + attempts + ",.*")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(messageId + " never showed " + attempts + " attempts");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitAdminWithout(String path, String unexpected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.admin("GET", path).contains(unexpected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " still shows " + unexpected);
            }
            Thread.sleep(50);
        }
    }

    private static List<String> awaitMail(Path mailbox, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(mailbox)) {
                try (Stream<Path> files = Files.list(mailbox)) {
                    List<Path> mails = files.filter(file -> file.toString().endsWith(".eml")).toList();
                    if (mails.size() >= count) {
                        List<String> texts = new java.util.ArrayList<>();
                        for (Path mail : mails) {
                            texts.add(Files.readString(mail));
                        }
                        return texts;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + count + " emails in " + mailbox);
    }

    private static void assertError(int status, String code, String message, Runnable call) {
        SnsException error = assertThrows(SnsException.class, call::run);
        assertEquals(List.of(status, code, message), List.of(error.statusCode(), error.awsErrorDetails().errorCode(),
                error.awsErrorDetails().errorMessage()));
    }
}
