package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

/** SNS topics through the real SDK (aws-query) and the real CLI: create (idempotent), list, attributes, delete. */
class SnsTopicsIT {
    private static GureumProcess server;
    private static SnsClient sns;

    @BeforeAll
    static void start() {
        server = GureumProcess.start();
        sns = SnsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            sns.close();
            server.close();
        }
    }

    @Test
    void aTopicIsCreatedOnceListedDescribedChangedAndDeleted() {
        String arn = sns.createTopic(r -> r.name("ops")).topicArn();
        assertEquals("arn:aws:sns:us-east-1:000000000000:ops", arn);
        assertEquals(arn, sns.createTopic(r -> r.name("ops")).topicArn(), "creating it again answers the same ARN");
        assertTrue(sns.listTopics().topics().stream().map(Topic::topicArn).toList().contains(arn));

        Map<String, String> attributes = sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();
        assertEquals(List.of(arn, "000000000000", "0"), List.of(attributes.get("TopicArn"), attributes.get("Owner"),
                attributes.get("SubscriptionsConfirmed")));
        assertTrue(attributes.get("Policy").contains("\"Resource\":\"" + arn + "\""), attributes.get("Policy"));
        sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("DisplayName").attributeValue("Operations"));
        assertEquals("Operations", sns.getTopicAttributes(r -> r.topicArn(arn)).attributes().get("DisplayName"));
        assertError(400, "InvalidParameter", () -> sns.createTopic(r -> r.name("ops")
                .attributes(Map.of("DisplayName", "Other"))));
        assertError(400, "InvalidParameter", () -> sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("Policy")
                .attributeValue("{bad")));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"*\"},\"Action\":\"SNS:Publish\",\"Resource\":\"" + arn + "\"}]}";
        sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("Policy").attributeValue(policy));
        assertEquals(policy, sns.getTopicAttributes(r -> r.topicArn(arn)).attributes().get("Policy"));

        sns.deleteTopic(r -> r.topicArn(arn));
        sns.deleteTopic(r -> r.topicArn(arn));
        assertError(404, "NotFound", () -> sns.getTopicAttributes(r -> r.topicArn(arn)));
    }

    @Test
    void aTopicsTagsAreGivenAtCreationChangedAndRead() {
        String arn = sns.createTopic(r -> r.name("tagged").tags(tag("team", "web"))).topicArn();
        assertEquals(arn, sns.createTopic(r -> r.name("tagged").tags(tag("team", "web"))).topicArn(),
                "the same tags answer the same topic");
        assertError(400, "InvalidParameter", () -> sns.createTopic(r -> r.name("tagged").tags(tag("team", "db"))));
        sns.tagResource(r -> r.resourceArn(arn).tags(tag("team", "api"), tag("cost", "7")));
        sns.untagResource(r -> r.resourceArn(arn).tagKeys("cost"));
        assertEquals(Map.of("team", "api"), sns.listTagsForResource(r -> r.resourceArn(arn)).tags().stream()
                .collect(java.util.stream.Collectors.toMap(Tag::key, Tag::value)));
        List<Tag> many = java.util.stream.IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList();
        assertError(400, "TagLimitExceeded", () -> sns.tagResource(r -> r.resourceArn(arn).tags(many)));
        assertError(404, "ResourceNotFound", () -> sns.listTagsForResource(r -> r.resourceArn(
                "arn:aws:sns:us-east-1:000000000000:missing")));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void badNamesAndArnsAreRefused() {
        assertError(400, "InvalidParameter", () -> sns.createTopic(r -> r.name("has space")));
        assertError(400, "InvalidParameter", () -> sns.createTopic(r -> r.name("orders")
                .attributes(Map.of("FifoTopic", "true"))));
        assertEquals("arn:aws:sns:us-east-1:000000000000:orders.fifo", sns.createTopic(r -> r.name("orders.fifo")
                .attributes(Map.of("FifoTopic", "true"))).topicArn());
        assertError(400, "InvalidParameter", () -> sns.getTopicAttributes(r -> r.topicArn("not-an-arn")));
        assertError(400, "InvalidParameter", () -> sns.setTopicAttributes(r -> r
                .topicArn("arn:aws:sns:us-east-1:000000000000:orders.fifo").attributeName("Color").attributeValue("x")));
    }

    @Test
    void theCliManagesTopics() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws (./gureum test installs it as root)");
        AwsCli aws = new AwsCli(server.endpoint());
        String arn = aws.text("sns", "create-topic", "--name", "alerts", "--query", "TopicArn");
        assertEquals("arn:aws:sns:us-east-1:000000000000:alerts", arn);
        assertTrue(aws.text("sns", "list-topics", "--query", "Topics[].TopicArn").contains(arn));
        aws.assertServerError("NotFound", "sns", "get-topic-attributes", "--topic-arn",
                "arn:aws:sns:us-east-1:000000000000:missing");
    }

    private static void assertError(int status, String code, Runnable call) {
        SnsException error = assertThrows(SnsException.class, call::run);
        assertEquals(code, error.awsErrorDetails().errorCode(), error.getMessage());
        assertEquals(status, error.statusCode(), error.getMessage());
    }
}
