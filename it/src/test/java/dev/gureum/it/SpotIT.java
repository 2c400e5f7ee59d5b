package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceLifecycleType;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.SpotInstanceRequest;
import software.amazon.awssdk.services.ec2.model.SpotPrice;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The Spot market end to end on a manual clock, with zones of 8 vCPUs (four t3.micro): the price history, a
 * request fulfilled, RunInstances on the Spot market, an on-demand launch taking the capacity back with a
 * two-minute notice that reaches an HTTP subscriber of the interruption topic, then the termination; the AWS CLI
 * for describe-spot-price-history and request-spot-instances.
 */
class SpotIT {
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:spot-warnings";
    private static GureumProcess server;
    private static Ec2Client ec2;
    private static SnsClient sns;
    private static String debian;

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--clock", "manual", "--zone-capacity-vcpus", "8",
                "--spot-interruption-topic", TOPIC);
        server.keepWithinOneMonth(java.time.Duration.ofHours(2));
        ec2 = Clients.ec2(server.endpoint());
        sns = SnsDeliveryIT.client(server);
        debian = Ec2PlatformIT.debianImage(ec2);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            sns.close();
            ec2.close();
            server.close();
        }
    }

    @Test
    void requestRunInterruptWithATwoMinuteNoticeOverSns() throws Exception {
        assertEquals(TOPIC, sns.createTopic(r -> r.name("spot-warnings")).topicArn());
        try (SnsEndpoint endpoint = new SnsEndpoint()) {
            SnsDeliveryIT.confirmedSubscription(sns, TOPIC, endpoint, Map.of());
            List<SpotPrice> history = ec2.describeSpotPriceHistory(r -> r.instanceTypesWithStrings("t3.micro")
                    .availabilityZone("us-east-1a").startTime(Instant.now())).spotPriceHistory();
            assertEquals(1, history.size(), "the price in force at StartTime: " + history);
            assertEquals("0.003100", history.get(0).spotPrice(), "30 % of $0.0104 in an idle zone");
            assertEquals("Linux/UNIX", history.get(0).productDescriptionAsString());

            SpotInstanceRequest made = ec2.requestSpotInstances(r -> r.instanceCount(1)
                    .launchSpecification(s -> s.imageId(debian).instanceType("t3.micro")
                            .placement(p -> p.availabilityZone("us-east-1a")))).spotInstanceRequests().get(0);
            assertEquals("open", made.stateAsString());
            assertEquals("pending-evaluation", made.status().code());
            SpotInstanceRequest fulfilled = describe(made.spotInstanceRequestId());
            assertEquals("active", fulfilled.stateAsString());
            assertEquals("fulfilled", fulfilled.status().code());
            String requested = fulfilled.instanceId();
            server.awaitInstanceState(ec2, requested, "running");

            Instance ran = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1).maxCount(1)
                    .placement(p -> p.availabilityZone("us-east-1a"))
                    .instanceMarketOptions(m -> m.marketType(MarketType.SPOT))).instances().get(0);
            assertEquals(InstanceLifecycleType.SPOT, ran.instanceLifecycle());
            server.awaitInstanceState(ec2, ran.instanceId(), "running");
            List<Instance> spot = ec2.describeInstances(r -> r.filters(Filter.builder().name("instance-lifecycle")
                    .values("spot").build(), Filter.builder().name("availability-zone").values("us-east-1a").build()))
                    .reservations().stream().flatMap(reservation ->
                    reservation.instances().stream()).toList();
            assertEquals(2, spot.size());
            assertEquals(made.spotInstanceRequestId(), ec2.describeInstances(r -> r.instanceIds(requested))
                    .reservations().get(0).instances().get(0).spotInstanceRequestId());
            Ec2PlatformIT.assertError(400, "SpotMaxPriceTooLow", () -> ec2.runInstances(r -> r.imageId(debian)
                    .instanceType("t3.micro").minCount(1).maxCount(1).placement(p -> p.availabilityZone("us-east-1a"))
                    .instanceMarketOptions(m -> m.marketType(MarketType.SPOT).spotOptions(o -> o.maxPrice("0.001")))));

            ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(2).maxCount(2)
                    .placement(p -> p.availabilityZone("us-east-1a")));
            ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1).maxCount(1)
                    .placement(p -> p.availabilityZone("us-east-1a")));
            SnsEndpoint.Received notification = endpoint.next();
            JsonNode event = JsonNode.parser().parse(SnsMessages.field(
                    SnsMessages.parse(notification.body()), "Message"));
            assertEquals("EC2 Spot Instance Interruption Warning", event.field("detail-type").get().text());
            assertEquals("aws.ec2", event.field("source").get().text());
            String interrupted = event.field("detail").get().field("instance-id").get().text();
            assertTrue(List.of(ran.instanceId(), requested).contains(interrupted), "one Spot Instance gives its capacity"
                    + " back: " + interrupted);
            assertEquals("terminate", event.field("detail").get().field("instance-action").get().text());
            String ranRequest = ec2.describeInstances(r -> r.instanceIds(interrupted)).reservations().get(0)
                    .instances().get(0).spotInstanceRequestId();
            String survivor = interrupted.equals(requested) ? ran.instanceId() : requested;
            String survivorRequest = ec2.describeInstances(r -> r.instanceIds(survivor)).reservations().get(0)
                    .instances().get(0).spotInstanceRequestId();
            assertEquals("instance-terminated-no-capacity", describe(ranRequest).status().code(),
                    "terminated for capacity: the status says so at once, through the notice (EC2's status table)");
            assertEquals("running", state(interrupted));
            server.advanceClock(119);
            assertEquals("running", state(interrupted), "the notice lasts two minutes");
            server.awaitInstanceState(ec2, interrupted, "terminated");
            assertEquals("Server.SpotInstanceTermination", ec2.describeInstances(r -> r.instanceIds(interrupted))
                    .reservations().get(0).instances().get(0).stateReason().code());
            assertEquals("instance-terminated-no-capacity", describe(ranRequest).status().code());
            assertEquals("closed", describe(ranRequest).stateAsString());

            assertEquals("cancelled", ec2.cancelSpotInstanceRequests(r -> r.spotInstanceRequestIds(survivorRequest))
                    .cancelledSpotInstanceRequests().get(0).stateAsString());
            assertEquals("request-canceled-and-instance-running", describe(survivorRequest).status().code());
            assertEquals("running", state(survivor), "cancelling a request leaves its instance running");
            Ec2PlatformIT.assertError(400, "InvalidSpotInstanceRequestID.NotFound",
                    () -> ec2.describeSpotInstanceRequests(r -> r.spotInstanceRequestIds("sir-12345678")));
            Ec2PlatformIT.assertError(400, "MaxSpotInstanceCountExceeded", () -> ec2.requestSpotInstances(r -> r
                    .instanceCount(Integer.MAX_VALUE).launchSpecification(spec -> spec.imageId(debian)
                            .instanceType("t3.micro"))));

            ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(4).maxCount(4)
                    .placement(p -> p.availabilityZone("us-east-1b")));
            Ec2PlatformIT.assertError(500, "InsufficientInstanceCapacity", () -> ec2.runInstances(r -> r.imageId(debian)
                    .instanceType("t3.micro").minCount(1).maxCount(1).placement(p -> p.availabilityZone("us-east-1b"))));
            server.advanceClock(600);
            List<SpotPrice> risen = List.of();
            for (int attempt = 0; attempt < 50 && risen.size() < 2; attempt++) {
                Thread.sleep(100); // the market's evaluation runs on the scheduler, after the clock moved
                risen = ec2.describeSpotPriceHistory(r -> r.instanceTypesWithStrings("t3.micro")
                        .availabilityZone("us-east-1a")).spotPriceHistory();
            }
            assertTrue(risen.size() > 1, "the full zone's price moved: " + risen);
            assertTrue(new java.math.BigDecimal(risen.get(0).spotPrice()).compareTo(
                    new java.math.BigDecimal(risen.get(risen.size() - 1).spotPrice())) > 0,
                    "newest first, dearer than the floor: " + risen);
            String bill = server.admin("GET", "/_gureum/bill?month=" + java.time.YearMonth.from(server.now().atZone(java.time.ZoneOffset.UTC)));
            assertTrue(bill.contains("SpotUsage:t3.micro"), bill);
            if (AwsCli.installed()) {
                java.time.YearMonth month = java.time.YearMonth.from(server.now().atZone(java.time.ZoneOffset.UTC));
                String spotCost = new AwsCli(server.endpoint()).text("ce", "get-cost-and-usage", "--time-period",
                        "Start=" + month.atDay(1) + ",End=" + month.plusMonths(1).atDay(1), "--granularity", "MONTHLY",
                        "--metrics", "UnblendedCost", "--filter",
                        "{\"Dimensions\":{\"Key\":\"PURCHASE_TYPE\",\"Values\":[\"Spot Instances\"]}}",
                        "--query", "ResultsByTime[0].Total.UnblendedCost.Amount");
                assertTrue(new java.math.BigDecimal(spotCost).signum() > 0, "Cost Explorer's Spot Instances: " + spotCost);
            }
        }
    }

    @Test
    void theCliRequestsSpotInstancesAndReadsThePriceHistory() throws Exception {
        assumeTrue(AwsCli.installed(), "the AWS CLI is not installed");
        AwsCli aws = new AwsCli(server.endpoint());
        JsonNode history = aws.json("ec2", "describe-spot-price-history", "--instance-types", "m7i.large",
                "--availability-zone", "us-east-1c", "--start-time", Instant.now().toString());
        List<JsonNode> rows = history.field("SpotPriceHistory").get().asArray();
        assertEquals(1, rows.size(), history.toString());
        assertEquals("m7i.large", rows.get(0).field("InstanceType").get().text());
        java.util.Set<String> historyZones = new java.util.TreeSet<>();
        aws.json("ec2", "describe-spot-price-history", "--instance-types", "p4d.24xlarge", "--start-time",
                Instant.now().toString()).field("SpotPriceHistory").get().asArray()
                .forEach(row -> historyZones.add(row.field("AvailabilityZone").get().text()));
        java.util.Set<String> offeringZones = new java.util.TreeSet<>();
        aws.json("ec2", "describe-instance-type-offerings", "--location-type", "availability-zone", "--filters",
                "Name=instance-type,Values=p4d.24xlarge").field("InstanceTypeOfferings").get().asArray()
                .forEach(row -> offeringZones.add(row.field("Location").get().text()));
        assertTrue(offeringZones.size() == 2, "p4d sits in two zones: " + offeringZones);
        assertEquals(offeringZones, historyZones, "a price history only where the type is offered");
        Path spec = Files.createTempFile("spot-spec", ".json");
        Files.writeString(spec, "{\"ImageId\": \"" + debian + "\", \"InstanceType\": \"m7i.large\","
                + " \"Placement\": {\"AvailabilityZone\": \"us-east-1c\"}, \"SecurityGroups\": [\"default\"],"
                + " \"BlockDeviceMappings\": [{\"DeviceName\": \"/dev/sdf\", \"Ebs\": {\"VolumeSize\": 2,"
                + " \"VolumeType\": \"gp3\"}}]}");
        JsonNode requested = aws.json("ec2", "request-spot-instances", "--spot-price", "0.05", "--instance-count", "1",
                "--launch-specification", "file://" + spec);
        JsonNode made = requested.field("SpotInstanceRequests").get().asArray().get(0);
        assertEquals("open", made.field("State").get().text());
        assertEquals("0.050000", made.field("SpotPrice").get().text());
        String id = made.field("SpotInstanceRequestId").get().text();
        JsonNode described = aws.json("ec2", "describe-spot-instance-requests", "--spot-instance-request-ids", id);
        JsonNode now = described.field("SpotInstanceRequests").get().asArray().get(0);
        assertEquals("fulfilled", now.field("Status").get().field("Code").get().text(), described.toString());
        JsonNode launch = now.field("LaunchSpecification").get();
        JsonNode group = launch.field("SecurityGroups").get().asArray().get(0);
        assertEquals("default", group.field("GroupName").get().text(), "the launch specification's group: " + launch);
        assertTrue(group.field("GroupId").get().text().startsWith("sg-"), "named, shown with its id too: " + launch);
        assertEquals("/dev/sdf", launch.field("BlockDeviceMappings").get().asArray().get(0).field("DeviceName").get()
                .text(), launch.toString());
        assertTrue(now.field("ValidUntil").isPresent(), "seven days by default: " + now);
        Files.writeString(spec, "{\"ImageId\": \"" + debian + "\", \"InstanceType\": \"m7i.large\","
                + " \"SubnetId\": \"subnet-12345678\", \"NetworkInterfaces\": [{\"DeviceIndex\": 0,"
                + " \"AssociatePublicIpAddress\": true}]}");
        AwsCli.Result combined = aws.run("ec2", "request-spot-instances", "--launch-specification", "file://" + spec);
        AwsCli.assertServerError("InvalidParameterCombination", combined);
        Files.delete(spec);
    }

    private static SpotInstanceRequest describe(String id) {
        return ec2.describeSpotInstanceRequests(r -> r.spotInstanceRequestIds(id)).spotInstanceRequests().get(0);
    }

    private static String state(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state()
                .nameAsString();
    }
}
