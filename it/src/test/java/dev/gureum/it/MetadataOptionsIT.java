package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataTagsState;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsResponse;

/**
 * RunInstances' MetadataOptions, ModifyInstanceMetadataOptions and DescribeInstances' MetadataOptions through
 * the real SDK on the simulated runtime, with EC2's errors for values it does not take.
 */
class MetadataOptionsIT {
    private static GureumProcess server;
    private static Ec2Client ec2;
    private static String debian;

    @BeforeAll
    static void start() {
        server = GureumProcess.start();
        ec2 = Clients.ec2(server.endpoint());
        debian = Ec2PlatformIT.debianImage(ec2);
    }

    @AfterAll
    static void stop() {
        ec2.close();
        server.close();
    }

    private static InstanceMetadataOptionsResponse described(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).metadataOptions();
    }

    @Test
    void anImageRegisteredForImdsV2RequiresTokensUnlessTheLaunchSaysOtherwise() {
        String al2023 = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("al2023-ami-*")))
                .images().stream().filter(image -> "v2.0".equals(image.imdsSupportAsString())).findFirst()
                .orElseThrow().imageId();
        software.amazon.awssdk.services.ec2.model.Instance launchedV2 = ec2.runInstances(r -> r.imageId(al2023)
                .instanceType("t3.micro").minCount(1).maxCount(1)).instances().get(0);
        InstanceMetadataOptionsResponse v2 = launchedV2.metadataOptions();
        assertEquals("required 2", v2.httpTokensAsString() + " " + v2.httpPutResponseHopLimit());
        software.amazon.awssdk.services.ec2.model.Instance launchedAsked = ec2.runInstances(r -> r.imageId(al2023)
                .instanceType("t3.micro").minCount(1).maxCount(1)
                .metadataOptions(o -> o.httpTokens(HttpTokensState.OPTIONAL))).instances().get(0);
        InstanceMetadataOptionsResponse asked = launchedAsked.metadataOptions();
        assertEquals("optional 2", asked.httpTokensAsString() + " " + asked.httpPutResponseHopLimit(),
                "what the launch gives wins; the rest is the image's default");
        software.amazon.awssdk.services.ec2.model.Instance launchedPlain = ec2.runInstances(r -> r.imageId(debian)
                .instanceType("t3.micro").minCount(1).maxCount(1)).instances().get(0);
        InstanceMetadataOptionsResponse plain = launchedPlain.metadataOptions();
        assertEquals("optional 1", plain.httpTokensAsString() + " " + plain.httpPutResponseHopLimit());
        ec2.terminateInstances(r -> r.instanceIds(launchedV2.instanceId(), launchedAsked.instanceId(),
                launchedPlain.instanceId()));
    }

    @Test
    void launchOptionsAreKeptAndModifiedOptionsAnswerPendingThenShowApplied() {
        String id = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1).maxCount(1)
                .metadataOptions(o -> o.httpTokens(HttpTokensState.REQUIRED).httpPutResponseHopLimit(2)))
                .instances().get(0).instanceId();
        server.awaitInstanceState(ec2, id, "running");
        InstanceMetadataOptionsResponse launched = described(id);
        assertEquals("applied", launched.stateAsString());
        assertEquals("required", launched.httpTokensAsString());
        assertEquals(2, launched.httpPutResponseHopLimit());
        assertEquals("enabled", launched.httpEndpointAsString());
        assertEquals("disabled", launched.instanceMetadataTagsAsString());
        assertEquals("disabled", launched.httpProtocolIpv6AsString());

        ModifyInstanceMetadataOptionsResponse modified = ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id)
                .httpTokens(HttpTokensState.OPTIONAL).instanceMetadataTags(InstanceMetadataTagsState.ENABLED)
                .httpEndpoint(InstanceMetadataEndpointState.DISABLED));
        assertEquals(id, modified.instanceId());
        assertEquals("pending", modified.instanceMetadataOptions().stateAsString());
        assertEquals("optional", modified.instanceMetadataOptions().httpTokensAsString());
        assertEquals(2, modified.instanceMetadataOptions().httpPutResponseHopLimit(), "what is not given stays");
        InstanceMetadataOptionsResponse after = described(id);
        assertEquals("applied", after.stateAsString());
        assertEquals("optional", after.httpTokensAsString());
        assertEquals("enabled", after.instanceMetadataTagsAsString());
        assertEquals("disabled", after.httpEndpointAsString());
        assertEquals(1, ec2.describeInstances(r -> r.filters(f -> f.name("metadata-options.http-endpoint")
                .values("disabled"))).reservations().size());

        ec2.stopInstances(r -> r.instanceIds(id));
        server.awaitInstanceState(ec2, id, "stopped");
        assertEquals(64, ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpPutResponseHopLimit(64))
                .instanceMetadataOptions().httpPutResponseHopLimit(), "a stopped instance takes new options too");
        ec2.terminateInstances(r -> r.instanceIds(id));
        server.awaitInstanceState(ec2, id, "terminated");
        assertError("IncorrectInstanceState", () -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id)
                .httpTokens(HttpTokensState.REQUIRED)));
    }

    @Test
    void valuesEc2DoesNotTakeAreRefused() {
        assertError("InvalidParameterValue", () -> ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro")
                .minCount(1).maxCount(1).metadataOptions(o -> o.httpPutResponseHopLimit(65))));
        assertError("InvalidParameterValue", () -> ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro")
                .minCount(1).maxCount(1).metadataOptions(o -> o.httpTokens("sometimes"))));
        String id = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        assertEquals("optional", described(id).httpTokensAsString());
        assertEquals(1, described(id).httpPutResponseHopLimit());
        assertError("InvalidParameterValue", () -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id)
                .httpPutResponseHopLimit(0)));
        assertError("InvalidParameterValue", () -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id)
                .httpEndpoint("off")));
        assertError("InvalidParameterValue", () -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id)
                .instanceMetadataTags("yes")));
        assertError("InvalidInstanceID.NotFound", () -> ec2.modifyInstanceMetadataOptions(r -> r
                .instanceId("i-0123456789abcdef0").httpTokens(HttpTokensState.REQUIRED)));
        assertEquals("optional", described(id).httpTokensAsString(), "a refused change changes nothing");
        ec2.terminateInstances(r -> r.instanceIds(id));
    }

    @Test
    void theAwsCliReadsTheAnswerAndErrors() {
        org.junit.jupiter.api.Assumptions.assumeTrue(AwsCli.installed(), "the aws CLI is not installed");
        AwsCli aws = new AwsCli(server.endpoint());
        String id = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        software.amazon.awssdk.protocols.jsoncore.JsonNode answer = aws.json("ec2", "modify-instance-metadata-options",
                "--instance-id", id, "--http-tokens", "required", "--http-put-response-hop-limit", "3");
        software.amazon.awssdk.protocols.jsoncore.JsonNode options = answer.field("InstanceMetadataOptions").orElseThrow();
        assertEquals(id, answer.field("InstanceId").orElseThrow().asString());
        assertEquals("pending", options.field("State").orElseThrow().asString());
        assertEquals("required", options.field("HttpTokens").orElseThrow().asString());
        assertEquals("3", options.field("HttpPutResponseHopLimit").orElseThrow().asNumber());
        assertEquals("applied", aws.text("ec2", "describe-instances", "--instance-ids", id, "--query",
                "Reservations[0].Instances[0].MetadataOptions.State"));
        aws.assertServerError("InvalidParameterValue", "ec2", "modify-instance-metadata-options", "--instance-id", id,
                "--http-put-response-hop-limit", "65");
        ec2.terminateInstances(r -> r.instanceIds(id));
    }

    /**
     * Account-level defaults (with their HttpTokensEnforced and declarative-policy management) are not built:
     * the operations answer EC2's UnsupportedOperation rather than pretend.
     */
    @Test
    void accountDefaultsAreHonestlyUnsupported() {
        assertError("UnsupportedOperation", () -> ec2.getInstanceMetadataDefaults(r -> { }));
        assertError("UnsupportedOperation", () -> ec2.modifyInstanceMetadataDefaults(r -> r
                .httpTokens("required")));
    }

    private static void assertError(String code, org.junit.jupiter.api.function.Executable call) {
        Ec2Exception refused = assertThrows(Ec2Exception.class, call);
        assertEquals(code, refused.awsErrorDetails().errorCode(), refused.getMessage());
        assertEquals(400, refused.statusCode());
    }
}
