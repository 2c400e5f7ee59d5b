package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The networking walk-through of the issue, as a user types it into the real AWS CLI: the default VPC,
 * a VPC with a subnet, a security group opened for SSH from one block, an instance in the subnet with a
 * public address, and an Elastic IP that takes its place; then EC2's refusals as the CLI reports them.
 */
class AwsCliNetworkIT {
    private static GureumProcess server;
    private static AwsCli aws;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "the aws CLI (Debian package awscli) is not installed");
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
    void theWalkThroughWorks() {
        assertEquals("172.31.0.0/16", aws.text("ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true",
                "--query", "Vpcs[0].CidrBlock"));
        String vpc = aws.text("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId");
        String subnet = aws.text("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24",
                "--availability-zone", "us-east-1a", "--query", "Subnet.SubnetId");
        String group = aws.text("ec2", "create-security-group", "--group-name", "web", "--description", "web",
                "--vpc-id", vpc, "--query", "GroupId");
        aws.text("ec2", "authorize-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", "22",
                "--cidr", "203.0.113.0/24");
        String gateway = aws.text("ec2", "create-internet-gateway", "--query", "InternetGateway.InternetGatewayId");
        aws.text("ec2", "attach-internet-gateway", "--internet-gateway-id", gateway, "--vpc-id", vpc);
        String image = aws.text("ec2", "describe-images", "--owners", "amazon", "--filters",
                "Name=name,Values=debian-12-amd64-*", "--query", "Images[0].ImageId");

        String instance = aws.text("ec2", "run-instances", "--image-id", image, "--instance-type", "t3.micro",
                "--subnet-id", subnet, "--security-group-ids", group, "--associate-public-ip-address",
                "--query", "Instances[0].InstanceId");
        String[] addresses = aws.text("ec2", "describe-instances", "--instance-ids", instance, "--query",
                "Reservations[0].Instances[0].[PrivateIpAddress,PublicIpAddress,SecurityGroups[0].GroupName]")
                .split("\\s+");
        assertEquals("10.0.1.4", addresses[0]);
        assertTrue(addresses[1].startsWith("198.18."), "public addresses come from the benchmarking range");
        assertEquals("web", addresses[2]);

        String allocation = aws.text("ec2", "allocate-address", "--query", "AllocationId");
        aws.text("ec2", "associate-address", "--instance-id", instance, "--allocation-id", allocation);
        String elastic = aws.text("ec2", "describe-addresses", "--allocation-ids", allocation, "--query",
                "Addresses[0].PublicIp");
        assertNotEquals(addresses[1], elastic);
        assertEquals(elastic, aws.text("ec2", "describe-instances", "--instance-ids", instance, "--query",
                "Reservations[0].Instances[0].PublicIpAddress"));
        assertEquals(instance, aws.text("ec2", "describe-instances", "--filters", "Name=vpc-id,Values=" + vpc,
                "Name=instance.group-name,Values=web", "--query", "Reservations[].Instances[].InstanceId"));
        assertEquals(instance, aws.text("ec2", "describe-network-interfaces", "--filters",
                "Name=subnet-id,Values=" + subnet, "--query", "NetworkInterfaces[0].Attachment.InstanceId"));
    }

    @Test
    void refusalsArriveAsEc2Errors() {
        String vpc = aws.text("ec2", "create-vpc", "--cidr-block", "10.8.0.0/16", "--query", "Vpc.VpcId");
        aws.text("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.8.1.0/24");
        aws.assertServerErrors(List.of(
                List.of("InvalidVpc.Range", "ec2", "create-vpc", "--cidr-block", "10.0.0.0/8"),
                List.of("InvalidSubnet.Range", "ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.9.0.0/24"),
                List.of("InvalidSubnet.Conflict", "ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block",
                        "10.8.1.0/25"),
                List.of("DependencyViolation", "ec2", "delete-vpc", "--vpc-id", vpc),
                List.of("InvalidVpcID.NotFound", "ec2", "describe-vpcs", "--vpc-ids", "vpc-0123456789abcdef0"),
                List.of("InvalidSubnetID.NotFound", "ec2", "describe-subnets", "--subnet-ids",
                        "subnet-0123456789abcdef0"),
                List.of("InvalidAllocationID.NotFound", "ec2", "release-address", "--allocation-id",
                        "eipalloc-0123456789abcdef0"),
                List.of("InvalidAddress.NotFound", "ec2", "describe-addresses", "--public-ips", "192.0.2.1")));
    }
}
