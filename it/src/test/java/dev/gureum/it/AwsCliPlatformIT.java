package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's first commands, run with the real AWS CLI (Debian's awscli), and its error output. */
class AwsCliPlatformIT {
    private static GureumProcess server;
    private static AwsCli aws;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws (./gureum test installs it as root)");
        server = GureumProcess.start();
        aws = new AwsCli(server.endpoint());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void describeRegions() {
        AwsCli.Result result = aws.run("ec2", "describe-regions", "--query", "length(Regions)", "--output", "text");
        assertTrue(result.ok(), result.stderr());
        assertEquals("34", result.stdout().trim());
    }

    @Test
    void describeAvailabilityZonesInAnotherRegion() {
        AwsCli.Result result = aws.run("ec2", "describe-availability-zones", "--region", "eu-west-1",
                "--query", "AvailabilityZones[].ZoneName", "--output", "text");
        assertTrue(result.ok(), result.stderr());
        assertEquals("eu-west-1a\teu-west-1b\teu-west-1c", result.stdout().trim());
    }

    @Test
    void filtersAndAccountAttributes() {
        AwsCli.Result regions = aws.run("ec2", "describe-regions", "--filters", "Name=region-name,Values=us-*",
                "--query", "Regions[].RegionName", "--output", "text");
        assertEquals("us-east-1\tus-east-2\tus-west-1\tus-west-2", regions.stdout().trim(), regions.stderr());
        AwsCli.Result attributes = aws.run("ec2", "describe-account-attributes", "--attribute-names", "default-vpc",
                "--query", "AccountAttributes[0].AttributeValues[0].AttributeValue", "--output", "text");
        String defaultVpc = aws.text("ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true",
                "--query", "Vpcs[0].VpcId");
        assertEquals(defaultVpc, attributes.stdout().trim(), attributes.stderr());
    }

    @Test
    void errorsReachTheCliWithTheirCodes() {
        assertCliError("DryRunOperation", aws.run("ec2", "describe-regions", "--dry-run"));
        assertCliError("InvalidParameterValue", aws.run("ec2", "describe-regions", "--filters", "Name=bogus,Values=1"));
        assertCliError("UnsupportedOperation", aws.run("ec2", "describe-fleets"));
        assertCliError("AuthFailure", new AwsCli(server.endpoint(), "AKIAUNKNOWNKEY000000", "secret")
                .run("ec2", "describe-regions"));
        assertCliError("SignatureDoesNotMatch", new AwsCli(server.endpoint(), "test", "wrong-secret")
                .run("ec2", "describe-regions"));
    }

    private static void assertCliError(String code, AwsCli.Result result) {
        assertEquals(false, result.ok(), result.stdout());
        assertTrue(result.stderr().contains("(" + code + ")"), result.stderr());
    }
}
