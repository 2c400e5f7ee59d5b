package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * DescribeInstances filtered by a tag and a state that few of the region's instances hold, which the server
 * answers by looking those instances up rather than walking all of them: through the real SDK, the answers
 * equal those of the same filters written as wildcards (which walk every instance), and follow state changes,
 * CreateTags and DeleteTags at once.
 */
class InstanceFiltersIT {
    private static GureumProcess server;
    private static Ec2Client ec2;
    private static String debian;

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--max-instances", "100");
        ec2 = Clients.ec2(server.endpoint());
        debian = Ec2PlatformIT.debianImage(ec2);
    }

    @AfterAll
    static void stop() {
        ec2.close();
        server.close();
    }

    @Test
    void aFewTaggedInstancesAmongManyAreFoundAsAWalkFindsThemAndFollowEveryChange() {
        List<String> hay = run(24, "hay");
        List<String> needles = run(3, "needle");
        List<String> all = new ArrayList<>(hay);
        all.addAll(needles);
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(all));
        Filter needle = filter("tag:Name", "needle");
        Filter running = filter("instance-state-name", "running");

        assertEquals(sorted(needles), found(needle, running));
        assertEquals(found(filter("tag:Name", "needl?"), filter("instance-state-name", "run*")), found(needle, running),
                "wildcards walk every instance and find the same");

        ec2.stopInstances(r -> r.instanceIds(needles.get(0)));
        ec2.waiter().waitUntilInstanceStopped(r -> r.instanceIds(needles.get(0)));
        assertEquals(sorted(needles.subList(1, 3)), found(needle, running));
        assertEquals(List.of(needles.get(0)), found(needle, filter("instance-state-name", "stopped")));
        assertEquals(List.of(needles.get(0)), found(filter("instance-state-name", "stopped")));

        ec2.createTags(r -> r.resources(hay.get(5)).tags(Tag.builder().key("Name").value("needle").build()));
        ec2.deleteTags(r -> r.resources(needles.get(1)).tags(Tag.builder().key("Name").build()));
        List<String> now = sorted(List.of(needles.get(0), needles.get(2), hay.get(5)));
        assertEquals(now, found(needle));
        assertEquals(found(filter("tag:Name", "*eedle")), found(needle));
        assertEquals(now, pages(DescribeInstancesRequest.builder().maxResults(5).filters(needle).build()));
    }

    @Test
    void blockDeviceAndInterfaceFiltersFindTheInstanceTheirVolumeAndInterfaceBelongTo() {
        List<String> pair = run(2, "devices");
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(pair));
        Instance first = ec2.describeInstances(r -> r.instanceIds(pair.get(0))).reservations().get(0).instances().get(0);
        String volume = first.blockDeviceMappings().get(0).ebs().volumeId();
        assertEquals(List.of(first.instanceId()), found(filter("block-device-mapping.volume-id", volume)));
        assertEquals(List.of(first.instanceId()), found(filter("block-device-mapping.volume-id", volume),
                filter("block-device-mapping.device-name", first.rootDeviceName()),
                filter("block-device-mapping.status", "attached"),
                filter("block-device-mapping.delete-on-termination", "true")));
        assertEquals(List.of(first.instanceId()), found(filter("network-interface.private-ip-address",
                first.privateIpAddress()), filter("network-interface.attachment.instance-id", first.instanceId())));
        assertEquals(sorted(pair), found(filter("tag:Name", "devices"), filter("hibernation-options.configured",
                "false"), filter("metadata-options.state", "applied")));
        assertEquals(List.of(first.instanceId()), found(filter("availability-zone-id", ec2.describeSubnets(r -> r
                        .subnetIds(first.subnetId())).subnets().get(0).availabilityZoneId()),
                filter("instance-id", first.instanceId()), filter("network-interface.addresses.primary", "true"),
                filter("network-interface.attachment.status", "attached"),
                filter("network-interface.attachment.delete-on-termination", "true"),
                filter("private-dns-name-options.hostname-type", "ip-name"), filter("root-device-type", "ebs")));
        ec2.terminateInstances(r -> r.instanceIds(pair));
    }

    /**
     * Every filter the EC2 model that the AWS CLI installed here ships documents for DescribeInstances and the
     * network Describes is accepted (one Gureum has nothing for matches nothing), never InvalidParameterValue.
     */
    @Test
    void everyFilterTheModelDocumentsIsAccepted() throws Exception {
        java.nio.file.Path model = java.nio.file.Path.of("/usr/lib/python3/dist-packages/botocore/data/ec2/2016-11-15/"
                + "service-2.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(model),
                "botocore's EC2 model (Debian package python3-botocore) is not installed");
        com.fasterxml.jackson.databind.JsonNode shapes = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(model.toFile()).path("shapes");
        java.util.Map<String, java.util.function.Consumer<Filter>> describes = new java.util.LinkedHashMap<>();
        describes.put("DescribeInstancesRequest", filter -> ec2.describeInstances(r -> r.filters(filter)));
        describes.put("DescribeVpcsRequest", filter -> ec2.describeVpcs(r -> r.filters(filter)));
        describes.put("DescribeSubnetsRequest", filter -> ec2.describeSubnets(r -> r.filters(filter)));
        describes.put("DescribeRouteTablesRequest", filter -> ec2.describeRouteTables(r -> r.filters(filter)));
        describes.put("DescribeNetworkAclsRequest", filter -> ec2.describeNetworkAcls(r -> r.filters(filter)));
        describes.put("DescribeNetworkInterfacesRequest",
                filter -> ec2.describeNetworkInterfaces(r -> r.filters(filter)));
        List<String> refused = new ArrayList<>();
        int documented = 0;
        for (var describe : describes.entrySet()) {
            String documentation = shapes.path(describe.getKey()).path("members").path("Filters")
                    .path("documentation").asText();
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("<p> ?<code>([a-z0-9.:-]+)</code>")
                    .matcher(documentation);
            while (names.find()) {
                String name = names.group(1);
                if (name.startsWith("tag:") || name.equals("tag")) {
                    continue;
                }
                documented++;
                try {
                    describe.getValue().accept(filter(name, "none-such"));
                } catch (software.amazon.awssdk.services.ec2.model.Ec2Exception e) {
                    refused.add(describe.getKey() + " " + name + ": " + e.awsErrorDetails().errorCode());
                }
            }
        }
        assertEquals(List.of(), refused, "of " + documented + " documented filters");
    }

    private static List<String> run(int count, String name) {
        return ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(count).maxCount(count)
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                                .tags(Tag.builder().key("Name").value(name).build()).build()))
                .instances().stream().map(Instance::instanceId).toList();
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    private static List<String> found(Filter... filters) {
        return sorted(ec2.describeInstances(r -> r.filters(filters)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).map(Instance::instanceId).toList());
    }

    private static List<String> pages(DescribeInstancesRequest request) {
        return sorted(ec2.describeInstancesPaginator(request).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).map(Instance::instanceId).toList());
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
