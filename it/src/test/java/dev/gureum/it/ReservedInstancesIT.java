package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesOfferingsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.GetReservedInstancesExchangeQuoteResponse;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;
import software.amazon.awssdk.services.ec2.model.ReservedInstancesOffering;

/**
 * Reserved Instances end to end on the manual clock, through the real Java SDK and the real aws CLI:
 * offerings computed on demand, a purchase that turns active, the bill applying it to running instances,
 * a modification, a convertible exchange, and the term's end retiring it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReservedInstancesIT {
    private static GureumProcess server;
    private static Ec2Client ec2;
    private static AwsCli aws;

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--clock", "manual");
        server.keepWithinOneMonth(java.time.Duration.ofHours(26));
        ec2 = Clients.ec2(server.endpoint());
        aws = AwsCli.installed() ? new AwsCli(server.endpoint()) : null;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            ec2.close();
            server.close();
        }
    }

    @Test
    @Order(1)
    void offeringsAreComputedForATypeAndPagedThroughBothClients() {
        List<ReservedInstancesOffering> offerings = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeReservedInstancesOfferingsResponse page = ec2.describeReservedInstancesOfferings(r -> r
                    .instanceType("m7i.large").offeringClass("standard").maxResults(10).nextToken(next));
            offerings.addAll(page.reservedInstancesOfferings());
            token = page.nextToken();
        } while (token != null);
        long zones = ec2.describeInstanceTypeOfferings(r -> r.locationType("availability-zone")
                .filters(f -> f.name("instance-type").values("m7i.large"))).instanceTypeOfferings().size();
        assertEquals((zones + 1) * 2 * 3, offerings.size(), "a regional and a zonal offering per zone, 2 terms × 3");
        ReservedInstancesOffering noUpfront = offerings.stream().filter(offering -> offering.scopeAsString()
                        .equals("Region") && offering.duration() == 31_536_000L
                        && offering.offeringTypeAsString().equals("No Upfront")).findFirst().orElseThrow();
        assertNull(noUpfront.availabilityZone());
        assertEquals(0.0f, noUpfront.fixedPrice());
        assertEquals(0.0635, noUpfront.recurringCharges().get(0).amount(), 1e-9);
        assertEquals("Hourly", noUpfront.recurringCharges().get(0).frequencyAsString());
        assertEquals("USD", noUpfront.currencyCodeAsString());
        assertEquals("Linux/UNIX", noUpfront.productDescriptionAsString());
        assertEquals("default", noUpfront.instanceTenancyAsString());
        assertFalse(noUpfront.marketplace());
        String zoneId = ec2.describeAvailabilityZones(r -> r.zoneNames("us-east-1a")).availabilityZones().get(0)
                .zoneId();
        List<ReservedInstancesOffering> inZone = ec2.describeReservedInstancesOfferings(r -> r.instanceType("m7i.large")
                .offeringClass("standard").availabilityZoneId(zoneId)).reservedInstancesOfferings();
        assertEquals(2 * 3, inZone.size(), "a zone named by its id has its own zonal offerings");
        assertTrue(inZone.stream().allMatch(offering -> offering.availabilityZone().equals("us-east-1a")
                && zoneId.equals(offering.availabilityZoneId())), inZone.toString());
        assertEquals(offerings.size(), ec2.describeReservedInstancesOfferings(r -> r.instanceType("m7i.large")
                .offeringClass("standard").productDescription("Linux/UNIX (Amazon VPC)"))
                .reservedInstancesOfferings().size(), "Linux/UNIX under its VPC name is the same product");

        if (aws != null) {
            JsonNode cli = aws.json("ec2", "describe-reserved-instances-offerings", "--instance-type", "m7i.large",
                    "--offering-class", "standard");
            assertEquals(offerings.size(), cli.field("ReservedInstancesOfferings").get().asArray().size(),
                    "the CLI follows NextToken across pages");
            assertEquals("0", aws.text("ec2", "describe-reserved-instances-offerings", "--instance-type", "m7i.large",
                    "--filters", "Name=marketplace,Values=true", "--query", "length(ReservedInstancesOfferings)"));
        }
    }

    @Test
    @Order(2)
    void aPurchasedReservationTurnsActiveAndTheBillAppliesItToOneOfTwoInstances() {
        String offering = offering("m7i.large", "standard", "No Upfront", 31_536_000L);
        String reserved = aws != null
                ? aws.text("ec2", "purchase-reserved-instances-offering", "--reserved-instances-offering-id", offering,
                        "--instance-count", "1", "--query", "ReservedInstancesId")
                : ec2.purchaseReservedInstancesOffering(r -> r.reservedInstancesOfferingId(offering).instanceCount(1))
                        .reservedInstancesId();
        assertTrue(reserved.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), reserved);
        assertEquals("payment-pending", describe(reserved).stateAsString());
        server.advanceClock(60);
        ReservedInstances active = describe(reserved);
        assertEquals("active", active.stateAsString());
        assertEquals(31_536_000L, active.duration());
        assertEquals(active.start().plusSeconds(31_536_000L), active.end());
        assertEquals(1, ec2.describeReservedInstances(r -> r.filters(f -> f.name("state").values("active"),
                f -> f.name("instance-type").values("m7i.large"))).reservedInstances().size());
        ec2.createTags(r -> r.resources(reserved).tags(tag -> tag.key("team").value("web")));
        assertEquals("web", describe(reserved).tags().get(0).value(), "a reservation carries its tags");
        assertEquals(List.of(reserved), ec2.describeReservedInstances(r -> r.filters(f -> f.name("tag:team")
                .values("web"))).reservedInstances().stream().map(ReservedInstances::reservedInstancesId).toList());
        assertEquals("reserved-instances", ec2.describeTags(r -> r.filters(f -> f.name("resource-id")
                .values(reserved))).tags().get(0).resourceTypeAsString());

        String debian = Ec2PlatformIT.debianImage(ec2);
        List<String> ids = ec2.runInstances(r -> r.imageId(debian).instanceType("m7i.large").minCount(2).maxCount(2))
                .instances().stream().map(instance -> instance.instanceId()).toList();
        ids.forEach(id -> server.awaitInstanceState(ec2, id, "running"));
        server.advanceClock(3600);
        ec2.stopInstances(r -> r.instanceIds(ids));
        ids.forEach(id -> server.awaitInstanceState(ec2, id, "stopped"));

        String bill = server.admin("GET", "/_gureum/bill?month=" + month());
        BigDecimal reservedHours = field(bill, "HeavyUsage:m7i.large", "RIFee", "quantity");
        assertEquals(money(reservedHours.multiply(new BigDecimal("0.0635"))),
                money(field(bill, "HeavyUsage:m7i.large", "RIFee", "costUsd")), "every hour since the purchase");
        BigDecimal covered = field(bill, "BoxUsage:m7i.large", "DiscountedUsage", "quantity");
        BigDecimal onDemand = field(bill, "BoxUsage:m7i.large", "Usage", "quantity");
        assertTrue(covered.compareTo(BigDecimal.ONE) > 0 && covered.compareTo(reservedHours) <= 0,
                "at most the reserved hours are covered: " + covered);
        assertTrue(onDemand.signum() > 0 && onDemand.add(covered).compareTo(new BigDecimal("2")) >= 0,
                "two instances of an hour or more, the rest on demand: " + onDemand);
        assertEquals(money(onDemand.multiply(new BigDecimal("0.1008"))),
                money(field(bill, "BoxUsage:m7i.large", "Usage", "costUsd")));
        ec2.terminateInstances(r -> r.instanceIds(ids));
    }

    @Test
    @Order(3)
    void aReservationIsModifiedIntoTwoZonalHalves() {
        String offering = offering("m7i.xlarge", "standard", "No Upfront", 31_536_000L);
        String reserved = ec2.purchaseReservedInstancesOffering(r -> r.reservedInstancesOfferingId(offering)
                .instanceCount(1)).reservedInstancesId();
        server.advanceClock(60);
        String modification;
        if (aws != null) {
            modification = aws.text("ec2", "modify-reserved-instances", "--reserved-instances-ids", reserved,
                    "--target-configurations",
                    "AvailabilityZone=us-east-1a,InstanceCount=2,InstanceType=m7i.large,Scope=Availability Zone",
                    "--query", "ReservedInstancesModificationId");
        } else {
            modification = ec2.modifyReservedInstances(r -> r.reservedInstancesIds(reserved).targetConfigurations(
                    t -> t.availabilityZone("us-east-1a").instanceCount(2).instanceType("m7i.large")
                            .scope("Availability Zone"))).reservedInstancesModificationId();
        }
        assertTrue(modification.startsWith("rimod-"), modification);
        var processing = ec2.describeReservedInstancesModifications(r -> r.reservedInstancesModificationIds(
                modification)).reservedInstancesModifications().get(0);
        assertEquals("processing", processing.status());
        assertNull(processing.modificationResults().get(0).reservedInstancesId(),
                "the new reservation's id is shown only once the modification is fulfilled");
        assertEquals("InvalidPaginationToken", org.junit.jupiter.api.Assertions.assertThrows(Ec2Exception.class,
                () -> ec2.describeReservedInstancesModifications(r -> r.nextToken("garbage"))).awsErrorDetails()
                .errorCode());
        server.advanceClock(60);
        var described = ec2.describeReservedInstancesModifications(r -> r.reservedInstancesModificationIds(
                modification)).reservedInstancesModifications().get(0);
        assertEquals("fulfilled", described.status());
        assertEquals(reserved, described.reservedInstancesIds().get(0).reservedInstancesId());
        var result = described.modificationResults().get(0);
        assertEquals(2, result.targetConfiguration().instanceCount());
        assertEquals("Availability Zone", result.targetConfiguration().scopeAsString());
        ReservedInstances made = describe(result.reservedInstancesId());
        assertEquals("us-east-1a", made.availabilityZone());
        assertEquals(0.0635, made.recurringCharges().get(0).amount(), 1e-9);
        assertEquals("retired", describe(reserved).stateAsString());
        assertEquals(java.time.Duration.between(made.start(), made.end()).toSeconds(), made.duration(),
                "the rest of the term: it starts later and ends with the reservation it came from");
        assertEquals(describe(reserved).start().plusSeconds(31_536_000L), made.end(),
                "it ends when the reservation it came from would have");
        assertEquals(made.start(), describe(reserved).end(), "the retired reservation ends where the new one starts");
        if (aws != null) {
            aws.assertServerError("InvalidParameterValue", "ec2", "modify-reserved-instances",
                    "--reserved-instances-ids", result.reservedInstancesId(), "--target-configurations",
                    "InstanceCount=3,InstanceType=m7i.large,Scope=Region");
        }
    }

    @Test
    @Order(4)
    void aConvertibleReservationIsExchangedForABiggerOne() {
        String source = ec2.purchaseReservedInstancesOffering(r -> r.reservedInstancesOfferingId(
                offering("m7i.large", "convertible", "Partial Upfront", 31_536_000L)).instanceCount(1))
                .reservedInstancesId();
        server.advanceClock(60);
        String target = offering("m7i.xlarge", "convertible", "Partial Upfront", 31_536_000L);
        GetReservedInstancesExchangeQuoteResponse quote = ec2.getReservedInstancesExchangeQuote(r -> r
                .reservedInstanceIds(source).targetConfigurations(t -> t.offeringId(target).instanceCount(1)));
        assertTrue(quote.isValidExchange(), quote.validationFailureReason());
        assertTrue(new BigDecimal(quote.targetConfigurationValueRollup().remainingTotalValue())
                .compareTo(new BigDecimal(quote.reservedInstanceValueRollup().remainingTotalValue())) >= 0);
        assertTrue(new BigDecimal(quote.paymentDue()).signum() > 0, "a true-up: " + quote.paymentDue());
        String exchange = ec2.acceptReservedInstancesExchangeQuote(r -> r.reservedInstanceIds(source)
                .targetConfigurations(t -> t.offeringId(target).instanceCount(1))).exchangeId();
        assertTrue(exchange.startsWith("riex-"), exchange);
        assertEquals("retired", describe(source).stateAsString());
        assertTrue(ec2.describeReservedInstances(r -> r.offeringClass("convertible")).reservedInstances().stream()
                .anyMatch(reserved -> reserved.instanceTypeAsString().equals("m7i.xlarge")));

        String standard = offering("m7i.large", "standard", "No Upfront", 31_536_000L);
        assertFalse(ec2.getReservedInstancesExchangeQuote(r -> r.reservedInstanceIds(ec2.describeReservedInstances(
                d -> d.offeringClass("standard").filters(f -> f.name("state").values("active"))).reservedInstances()
                .get(0).reservedInstancesId()).targetConfigurations(t -> t.offeringId(standard))).isValidExchange());
    }

    @Test
    @Order(5)
    void aQueuedPurchaseWaitsForItsTimeAndCanBeDeleted() {
        String offering = offering("m7i.large", "standard", "All Upfront", 31_536_000L);
        java.time.Instant inADay = java.time.Instant.parse(ec2.describeReservedInstances().reservedInstances().stream()
                .map(reserved -> reserved.start()).max(java.util.Comparator.naturalOrder()).orElseThrow().toString())
                .plus(java.time.Duration.ofDays(1));
        String queued = ec2.purchaseReservedInstancesOffering(r -> r.reservedInstancesOfferingId(offering)
                .instanceCount(1).purchaseTime(inADay)).reservedInstancesId();
        assertEquals("queued", describe(queued).stateAsString());
        assertEquals(inADay, describe(queued).start());
        if (aws != null) {
            assertEquals(queued, aws.text("ec2", "delete-queued-reserved-instances", "--reserved-instances-ids",
                    queued, "--query", "SuccessfulQueuedPurchaseDeletions[0].ReservedInstancesId"));
        } else {
            ec2.deleteQueuedReservedInstances(r -> r.reservedInstancesIds(queued));
        }
        assertEquals("queued-deleted", describe(queued).stateAsString());
        assertEquals("reserved-instances-not-in-queued-state", ec2.deleteQueuedReservedInstances(r -> r
                .reservedInstancesIds(queued)).failedQueuedPurchaseDeletions().get(0).error().codeAsString());
    }

    @Test
    @Order(5)
    void badIdsGetEc2sErrors() {
        Ec2Exception offering = org.junit.jupiter.api.Assertions.assertThrows(Ec2Exception.class,
                () -> ec2.purchaseReservedInstancesOffering(r -> r.reservedInstancesOfferingId(
                        "438012d3-4052-4cc7-b2e3-8d3372e0e706").instanceCount(1)));
        assertEquals("InvalidReservedInstancesOfferingId", offering.awsErrorDetails().errorCode());
        assertEquals(400, offering.statusCode());
        Ec2Exception token = org.junit.jupiter.api.Assertions.assertThrows(Ec2Exception.class,
                () -> ec2.describeReservedInstancesOfferings(r -> r.instanceType("m7i.large").nextToken("bogus")));
        assertEquals("InvalidPaginationToken", token.awsErrorDetails().errorCode());
        Ec2Exception platform = org.junit.jupiter.api.Assertions.assertThrows(Ec2Exception.class,
                () -> ec2.modifyReservedInstances(r -> r.reservedInstancesIds("00000000-0000-4000-8000-000000000000")
                        .targetConfigurations(t -> t.instanceCount(1).instanceType("m7i.large").platform("Windows")
                                .scope("Region"))));
        assertEquals("InvalidParameterValue", platform.awsErrorDetails().errorCode(), "a reservation's platform is EC2-VPC");
        Ec2Exception untaggable = org.junit.jupiter.api.Assertions.assertThrows(Ec2Exception.class,
                () -> ec2.createTags(r -> r.resources("00000000-0000-4000-8000-000000000000")
                        .tags(tag -> tag.key("a").value("b"))));
        assertEquals("InvalidReservedInstancesId", untaggable.awsErrorDetails().errorCode());
        if (aws != null) {
            aws.assertServerError("InvalidReservedInstancesId", "ec2", "describe-reserved-instances",
                    "--reserved-instances-ids", "00000000-0000-4000-8000-000000000000");
        }
    }

    @Test
    @Order(6)
    void reservationsSurviveARestartAndTheCliReadsEveryAnswer() {
        server.advanceClock(60);
        if (aws != null) {
            JsonNode described = aws.json("ec2", "describe-reserved-instances", "--filters",
                    "Name=instance-type,Values=m7i.large", "Name=scope,Values=Region");
            List<JsonNode> reserved = described.field("ReservedInstances").get().asArray();
            assertFalse(reserved.isEmpty());
            assertEquals("Hourly", reserved.get(0).field("RecurringCharges").get().asArray().get(0)
                    .field("Frequency").get().asString());
            assertTrue(aws.json("ec2", "describe-reserved-instances-modifications").field(
                    "ReservedInstancesModifications").get().asArray().get(0).field("ModificationResults").get()
                    .asArray().size() == 1);
            String convertible = ec2.describeReservedInstances(r -> r.offeringClass("convertible")
                    .filters(f -> f.name("state").values("active"))).reservedInstances().get(0).reservedInstancesId();
            JsonNode quote = aws.json("ec2", "get-reserved-instances-exchange-quote", "--reserved-instance-ids",
                    convertible, "--target-configurations", "OfferingId=" + offering("m7i.2xlarge", "convertible",
                            "Partial Upfront", 31_536_000L) + ",InstanceCount=1");
            assertTrue(quote.field("IsValidExchange").get().asBoolean());
            assertEquals(1, quote.field("ReservedInstanceValueSet").get().asArray().size());
            assertEquals(1, quote.field("TargetConfigurationValueSet").get().asArray().size());
        }

        List<ReservedInstances> before = ec2.describeReservedInstances().reservedInstances();
        server.kill();
        server.restart();
        ec2.close(); // its pooled connection died with the server (the clients here do not retry)
        ec2 = Clients.ec2(server.endpoint());
        // every reservation comes back as it was, its state too: the state follows the clock, and the manual clock
        // resumes where it was advanced to
        assertEquals(before, ec2.describeReservedInstances().reservedInstances());
    }

    @Test
    @Order(7)
    void aZonalReservationKeepsItsZonesCapacityForItsOwner() {
        try (GureumProcess small = GureumProcess.start("--clock", "manual", "--auth", "any",
                "--zone-capacity-vcpus", "8");
             Ec2Client owner = Clients.ec2(small.endpoint(), software.amazon.awssdk.regions.Region.US_EAST_1,
                     "111111111111", "any");
             Ec2Client other = Clients.ec2(small.endpoint(), software.amazon.awssdk.regions.Region.US_EAST_1,
                     "222222222222", "any")) {
            String zonal = owner.describeReservedInstancesOfferings(r -> r.instanceType("m7i.large")
                    .availabilityZone("us-east-1a").offeringClass("standard").offeringType("No Upfront")
                    .filters(f -> f.name("duration").values("31536000"))).reservedInstancesOfferings().get(0)
                    .reservedInstancesOfferingId();
            owner.purchaseReservedInstancesOffering(r -> r.reservedInstancesOfferingId(zonal).instanceCount(2));
            String debian = Ec2PlatformIT.debianImage(other);
            Ec2Exception full = org.junit.jupiter.api.Assertions.assertThrows(Ec2Exception.class,
                    () -> other.runInstances(r -> r.imageId(debian).instanceType("m7i.large").minCount(3).maxCount(3)
                            .placement(p -> p.availabilityZone("us-east-1a"))));
            assertEquals("InsufficientInstanceCapacity", full.awsErrorDetails().errorCode(),
                    "4 of the zone's 8 vCPUs are held for the reservation's owner");
            assertEquals(2, other.runInstances(r -> r.imageId(debian).instanceType("m7i.large").minCount(2)
                    .maxCount(2).placement(p -> p.availabilityZone("us-east-1a"))).instances().size());
            assertEquals(2, owner.runInstances(r -> r.imageId(debian).instanceType("m7i.large").minCount(2)
                    .maxCount(2).placement(p -> p.availabilityZone("us-east-1a"))).instances().size(),
                    "the owner still finds its reserved capacity");
            Ec2Exception reserveMore = org.junit.jupiter.api.Assertions.assertThrows(Ec2Exception.class,
                    () -> other.purchaseReservedInstancesOffering(r -> r.reservedInstancesOfferingId(zonal)
                            .instanceCount(1)));
            assertEquals("InsufficientReservedInstanceCapacity", reserveMore.awsErrorDetails().errorCode());
        }
    }

    @Test
    @Order(8)
    void theTermsEndRetiresEveryReservation() {
        server.advanceClock(31_536_000 + 7_200);
        assertTrue(ec2.describeReservedInstances(r -> r.filters(f -> f.name("state").values("active")))
                .reservedInstances().isEmpty());
        assertEquals(java.util.Set.of("retired", "queued-deleted"), ec2.describeReservedInstances()
                .reservedInstances().stream().map(ReservedInstances::stateAsString)
                .collect(java.util.stream.Collectors.toSet()), "a deleted queued purchase stays queued-deleted");
    }

    private static String offering(String type, String offeringClass, String payment, long duration) {
        return ec2.describeReservedInstancesOfferings(r -> r.instanceType(type).offeringClass(offeringClass)
                        .offeringType(payment).filters(f -> f.name("scope").values("Region"),
                                f -> f.name("duration").values(String.valueOf(duration))))
                .reservedInstancesOfferings().get(0).reservedInstancesOfferingId();
    }

    private static ReservedInstances describe(String id) {
        return ec2.describeReservedInstances(r -> r.reservedInstancesIds(id)).reservedInstances().get(0);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(6, RoundingMode.HALF_UP);
    }

    private static String month() {
        Matcher now = Pattern.compile("\"now\":\"(\\d{4}-\\d{2})").matcher(server.admin("GET", "/_gureum/health"));
        assertTrue(now.find());
        return now.group(1);
    }

    private static BigDecimal field(String bill, String usageType, String lineItemType, String name) {
        Matcher line = Pattern.compile("\"usageType\":\"" + Pattern.quote(usageType) + "\",\"lineItemType\":\""
                + lineItemType + "\"[^}]*\"" + name + "\":\"([0-9.E-]+)\"").matcher(bill);
        assertTrue(line.find(), usageType + " " + lineItemType + " " + name + " in " + bill);
        return new BigDecimal(line.group(1));
    }
}
