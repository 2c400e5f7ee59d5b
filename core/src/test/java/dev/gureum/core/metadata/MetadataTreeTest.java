package dev.gureum.core.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataTreeTest {
    private static final MetadataFacts.Interface PRIMARY = new MetadataFacts.Interface(0, "eni-0aaa", "02:11:22:33:44:55",
            List.of("172.31.0.10", "172.31.0.11"), "198.18.0.7", List.of("sg-01", "sg-02"), List.of("default", "web"),
            "subnet-0bbb", "172.31.0.0/20", "vpc-0ccc", "172.31.0.0/16", "000000000000");

    private static MetadataFacts facts(MetadataFacts.Interface primary, String publicKey, Map<String, String> tags,
                                       byte[] userData, SpotAction spotAction) {
        return new MetadataFacts("000000000000", "eu-west-1", "eu-west-1a", "euw1-az1", "i-0123", "t3.micro",
                "ami-0abc", 2, "r-0def", "x86_64", Instant.parse("2026-11-29T10:00:00.123Z"), "on-demand", "/dev/xvda",
                List.of("/dev/sdb"), "dev", publicKey, primary == null ? List.of() : List.of(primary), tags, userData,
                spotAction);
    }

    private static String read(MetadataTree tree, String path) {
        return new String(tree.read(path).orElseThrow(() -> new AssertionError("404 at " + path)), StandardCharsets.UTF_8);
    }

    @Test
    void directoriesListTheirEntriesWithSlashesAndLeavesAnswerTheirValues() {
        MetadataTree tree = MetadataTree.of(facts(PRIMARY, "ssh-ed25519 AAAA dev", null, null, null));
        assertEquals(String.join("\n", MetadataTree.VERSIONS), read(tree, "/"));
        assertEquals("dynamic\nmeta-data", read(tree, "/latest/"));
        assertEquals("ami-id\nami-launch-index\nami-manifest-path\nblock-device-mapping/\nhostname\ninstance-action\n"
                + "instance-id\ninstance-life-cycle\ninstance-type\nlocal-hostname\nlocal-ipv4\nmac\nnetwork/\nplacement/\n"
                + "public-hostname\npublic-ipv4\npublic-keys/\nreservation-id\nsecurity-groups\nservices/",
                read(tree, "/latest/meta-data/"));
        assertEquals("i-0123", read(tree, "/latest/meta-data/instance-id"));
        assertEquals("i-0123", read(tree, "/2009-04-04/meta-data/instance-id"));
        assertEquals("2", read(tree, "/latest/meta-data/ami-launch-index"));
        assertEquals("ip-172-31-0-10.eu-west-1.compute.internal", read(tree, "/latest/meta-data/local-hostname"));
        assertEquals("ec2-198-18-0-7.eu-west-1.compute.amazonaws.com", read(tree, "/latest/meta-data/public-hostname"));
        assertEquals("default\nweb", read(tree, "/latest/meta-data/security-groups"));
        assertEquals("euw1-az1", read(tree, "/latest/meta-data/placement/availability-zone-id"));
        assertEquals("ami\nebs1\nroot", read(tree, "/latest/meta-data/block-device-mapping/"));
        assertEquals("sdb", read(tree, "/latest/meta-data/block-device-mapping/ebs1"));
        assertEquals("02:11:22:33:44:55/", read(tree, "/latest/meta-data/network/interfaces/macs/"));
        String mac = "/latest/meta-data/network/interfaces/macs/02:11:22:33:44:55/";
        assertEquals("172.31.0.10\n172.31.0.11", read(tree, mac + "local-ipv4s"));
        assertEquals("sg-01\nsg-02", read(tree, mac + "security-group-ids"));
        assertEquals("172.31.0.0/16", read(tree, mac + "vpc-ipv4-cidr-blocks"));
        assertEquals("172.31.0.10", read(tree, mac + "ipv4-associations/198.18.0.7"));
        assertEquals("0=dev", read(tree, "/latest/meta-data/public-keys/"));
        assertEquals("openssh-key", read(tree, "/latest/meta-data/public-keys/0/"));
        assertEquals("ssh-ed25519 AAAA dev", read(tree, "/latest/meta-data/public-keys/0/openssh-key"));
    }

    @Test
    void whatAnInstanceDoesNotHaveAnswers404() {
        MetadataFacts.Interface privateOnly = new MetadataFacts.Interface(0, "eni-0aaa", "02:11:22:33:44:55",
                List.of("10.0.0.5"), null, List.of("sg-01"), List.of("default"), "subnet-0bbb", "10.0.0.0/24",
                "vpc-0ccc", "10.0.0.0/16", "000000000000");
        MetadataTree tree = MetadataTree.of(facts(privateOnly, null, null, null, null));
        for (String absent : List.of("/latest/user-data", "/latest/meta-data/public-ipv4",
                "/latest/meta-data/public-keys/", "/latest/meta-data/tags/instance", "/latest/meta-data/spot/instance-action",
                "/latest/dynamic/instance-identity/signature", "/latest/dynamic/instance-identity/pkcs7",
                "/latest/meta-data/instance-id/", "/latest/meta-data/nothing", "/1999-01-01/meta-data/")) {
            assertTrue(tree.read(absent).isEmpty(), absent);
        }
    }

    @Test
    void tagsUserDataAndASpotActionShowWhenThereAreAny() {
        MetadataTree tree = MetadataTree.of(facts(PRIMARY, null, Map.of("Name", "web"), "#!/bin/sh\necho hi\n"
                .getBytes(StandardCharsets.UTF_8), new SpotAction("{\"action\": \"terminate\", \"time\": \"2026-11-29T10:02:00Z\"}",
                "2026-11-29T10:02:00Z")));
        assertEquals("dynamic\nmeta-data\nuser-data", read(tree, "/latest"));
        assertEquals("#!/bin/sh\necho hi\n", read(tree, "/latest/user-data"));
        assertEquals("Name", read(tree, "/latest/meta-data/tags/instance/"));
        assertEquals("web", read(tree, "/latest/meta-data/tags/instance/Name"));
        assertEquals("{\"action\": \"terminate\", \"time\": \"2026-11-29T10:02:00Z\"}",
                read(tree, "/latest/meta-data/spot/instance-action"));
        assertEquals("2026-11-29T10:02:00Z", read(tree, "/latest/meta-data/spot/termination-time"),
                "marked for termination");
    }

    @Test
    void theIdentityDocumentHasEc2sFieldsInEc2sLayout() {
        MetadataTree tree = MetadataTree.of(facts(PRIMARY, null, null, null, null));
        assertEquals("instance-identity/", read(tree, "/latest/dynamic/"));
        assertEquals("""
                {
                  "accountId" : "000000000000",
                  "architecture" : "x86_64",
                  "availabilityZone" : "eu-west-1a",
                  "billingProducts" : null,
                  "devpayProductCodes" : null,
                  "marketplaceProductCodes" : null,
                  "imageId" : "ami-0abc",
                  "instanceId" : "i-0123",
                  "instanceType" : "t3.micro",
                  "kernelId" : null,
                  "pendingTime" : "2026-11-29T10:00:00Z",
                  "privateIp" : "172.31.0.10",
                  "ramdiskId" : null,
                  "region" : "eu-west-1",
                  "version" : "2017-09-30"
                }""", read(tree, "/latest/dynamic/instance-identity/document"));
    }
}
