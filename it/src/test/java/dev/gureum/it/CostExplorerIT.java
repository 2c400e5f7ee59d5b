package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Cost Explorer through the real aws CLI (the Java SDK's costexplorer module is not among Gureum's
 * dependencies): GetCostAndUsage grouped by purchase type gives the bill's numbers, after a reservation and
 * two instances ran on the manual clock; bad input and operations not built yet get Cost Explorer's errors.
 */
class CostExplorerIT {
    private static GureumProcess server;
    private static Ec2Client ec2;
    private static AwsCli aws;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws (./gureum test installs it as root)");
        server = GureumProcess.start("--clock", "manual");
        server.keepWithinOneMonth(java.time.Duration.ofHours(2));
        ec2 = Clients.ec2(server.endpoint());
        aws = new AwsCli(server.endpoint());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            ec2.close();
            server.close();
        }
    }

    @Test
    void costAndUsageByPurchaseTypeAddsUpToTheBill() {
        String offering = ec2.describeReservedInstancesOfferings(r -> r.instanceType("m7i.large")
                        .offeringClass("standard").offeringType("No Upfront").filters(f -> f.name("scope")
                                .values("Region"), f -> f.name("duration").values("31536000")))
                .reservedInstancesOfferings().get(0).reservedInstancesOfferingId();
        ec2.purchaseReservedInstancesOffering(r -> r.reservedInstancesOfferingId(offering).instanceCount(1));
        String debian = Ec2PlatformIT.debianImage(ec2);
        List<String> ids = ec2.runInstances(r -> r.imageId(debian).instanceType("m7i.large").minCount(2).maxCount(2))
                .instances().stream().map(instance -> instance.instanceId()).toList();
        server.advanceClock(3600);
        ec2.stopInstances(r -> r.instanceIds(ids));
        server.advanceClock(60);

        String month = month();
        String start = month + "-01";
        String end = java.time.YearMonth.parse(month).plusMonths(1) + "-01";
        JsonNode result = aws.json("ce", "get-cost-and-usage", "--time-period", "Start=" + start + ",End=" + end,
                "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "UsageQuantity", "--group-by",
                "Type=DIMENSION,Key=PURCHASE_TYPE");
        List<JsonNode> periods = result.field("ResultsByTime").get().asArray();
        assertEquals(1, periods.size());
        assertEquals(start, periods.get(0).field("TimePeriod").get().field("Start").get().asString());
        BigDecimal sum = BigDecimal.ZERO;
        List<String> keys = new java.util.ArrayList<>();
        for (JsonNode group : periods.get(0).field("Groups").get().asArray()) {
            keys.add(group.field("Keys").get().asArray().get(0).asString());
            JsonNode cost = group.field("Metrics").get().field("UnblendedCost").get();
            assertEquals("USD", cost.field("Unit").get().asString());
            sum = sum.add(new BigDecimal(cost.field("Amount").get().asString()));
        }
        assertEquals(List.of("On Demand Instances", "Standard Reserved Instances"), keys);
        BigDecimal billed = new BigDecimal(field(server.admin("GET", "/_gureum/bill?month=" + month), "totalUsd"));
        assertEquals(0, billed.compareTo(sum), "Cost Explorer's numbers are the bill's: " + sum + " vs " + billed);
        JsonNode normalized = aws.json("ce", "get-cost-and-usage", "--time-period", "Start=" + start + ",End=" + end,
                "--granularity", "MONTHLY", "--metrics", "NormalizedUsageAmount", "--filter",
                "{\"Dimensions\":{\"Key\":\"INSTANCE_TYPE\",\"Values\":[\"m7i.large\"]}}", "--query",
                "ResultsByTime[0].Total.NormalizedUsageAmount");
        assertEquals(0, new BigDecimal("8").compareTo(new BigDecimal(normalized.field("Amount").get().asString())),
                "two m7i.large hours, 4 units each: " + normalized);
        assertEquals("N/A", normalized.field("Unit").get().asString());

        String reservedOnly = aws.text("ce", "get-cost-and-usage", "--time-period", "Start=" + start + ",End=" + end,
                "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "--filter",
                "{\"Dimensions\":{\"Key\":\"PURCHASE_TYPE\",\"Values\":[\"Standard Reserved Instances\"]}}",
                "--query", "ResultsByTime[0].Total.UnblendedCost.Amount");
        assertTrue(new BigDecimal(reservedOnly).signum() > 0, reservedOnly);

        ec2.createTags(r -> r.resources(ids.get(0)).tags(tag -> tag.key("team").value("web")));
        JsonNode byTeam = aws.json("ce", "get-cost-and-usage", "--time-period", "Start=" + start + ",End=" + end,
                "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "--group-by", "Type=TAG,Key=team");
        assertEquals("TAG", byTeam.field("GroupDefinitions").get().asArray().get(0).field("Type").get().asString());
        BigDecimal byTeamSum = BigDecimal.ZERO;
        List<String> teams = new java.util.ArrayList<>();
        for (JsonNode team : byTeam.field("ResultsByTime").get().asArray().get(0).field("Groups").get().asArray()) {
            teams.add(team.field("Keys").get().asArray().get(0).asString());
            byTeamSum = byTeamSum.add(new BigDecimal(team.field("Metrics").get().field("UnblendedCost").get()
                    .field("Amount").get().asString()));
        }
        assertEquals(List.of("team$", "team$web"), teams, "the tagged instance's usage, and the rest untagged");
        assertEquals(0, billed.compareTo(byTeamSum), "grouped by tag, the same total: " + byTeamSum);
        String web = aws.text("ce", "get-cost-and-usage", "--time-period", "Start=" + start + ",End=" + end,
                "--granularity", "MONTHLY", "--metrics", "UsageQuantity", "--filter", "{\"And\":[{\"Tags\":"
                        + "{\"Key\":\"team\",\"Values\":[\"web\"]}},{\"Dimensions\":{\"Key\":\"USAGE_TYPE\","
                        + "\"Values\":[\"BoxUsage:m7i.large\"]}}]}",
                "--query", "ResultsByTime[0].Total.UsageQuantity.Amount");
        assertEquals(0, BigDecimal.ONE.compareTo(new BigDecimal(web)), "the web instance's hour: " + web);

        JsonNode types = aws.json("ce", "get-dimension-values", "--time-period", "Start=" + start + ",End=" + end,
                "--dimension", "PURCHASE_TYPE");
        assertEquals(List.of("On Demand Instances", "Standard Reserved Instances"), types.field("DimensionValues")
                .get().asArray().stream().map(value -> value.field("Value").get().asString()).toList());
        assertEquals("2", types.field("TotalSize").get().asNumber());
        aws.assertServerError("ValidationException", "ce", "get-dimension-values", "--time-period", "Start=" + start
                + ",End=" + end, "--dimension", "PURCHASE_TYPE", "--max-results", "1001");
        String dearest = aws.json("ce", "get-cost-and-usage", "--time-period", "Start=" + start + ",End=" + end,
                "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "--group-by", "Type=DIMENSION,Key=USAGE_TYPE")
                .field("ResultsByTime").get().asArray().get(0).field("Groups").get().asArray().stream()
                .max(java.util.Comparator.comparing(group -> new BigDecimal(group.field("Metrics").get()
                        .field("UnblendedCost").get().field("Amount").get().asString())))
                .orElseThrow().field("Keys").get().asArray().get(0).asString();
        JsonNode sorted = aws.json("ce", "get-dimension-values", "--time-period", "Start=" + start + ",End=" + end,
                "--dimension", "USAGE_TYPE", "--sort-by", "Key=UnblendedCost,SortOrder=DESCENDING", "--max-results", "1");
        assertEquals(List.of(dearest), sorted.field("DimensionValues").get().asArray().stream()
                .map(value -> value.field("Value").get().asString()).toList(), "sorted by cost, dearest first");
        assertTrue(sorted.field("NextPageToken").isEmpty(), "with SortBy, the first MaxResults and no token");
        aws.assertServerError("ValidationException", "ce", "get-dimension-values", "--time-period", "Start=" + start
                + ",End=" + end, "--dimension", "USAGE_TYPE", "--sort-by", "Key=UnblendedCost", "--search-string",
                "box");
        aws.assertServerError("InvalidNextTokenException", "ce", "get-dimension-values", "--time-period", "Start="
                + start + ",End=" + end, "--dimension", "PURCHASE_TYPE", "--next-page-token", "garbage");
        String untagged = aws.text("ce", "get-cost-and-usage", "--time-period", "Start=" + start + ",End=" + end,
                "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "--filter", "{\"Tags\":{}}", "--query",
                "ResultsByTime[0].Total.UnblendedCost.Amount");
        String withoutTeam = aws.text("ce", "get-cost-and-usage", "--time-period", "Start=" + start + ",End=" + end,
                "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "--filter", "{\"Tags\":{\"Key\":\"team\"}}",
                "--query", "ResultsByTime[0].Total.UnblendedCost.Amount");
        assertEquals(0, new BigDecimal(untagged).compareTo(new BigDecimal(withoutTeam)),
                "no Key and no Values: usage without any tag; a Key alone: without that key (the same usage here)");
        assertEquals(0, billed.compareTo(new BigDecimal(withoutTeam).add(new BigDecimal(aws.text("ce",
                "get-cost-and-usage", "--time-period", "Start=" + start + ",End=" + end, "--granularity", "MONTHLY",
                "--metrics", "UnblendedCost", "--filter", "{\"Tags\":{\"Key\":\"team\",\"Values\":[\"web\"]}}",
                "--query", "ResultsByTime[0].Total.UnblendedCost.Amount")))), "with and without the tag: the bill");
        assertEquals(List.of("BoxUsage:m7i.large"), aws.json("ce", "get-dimension-values", "--time-period",
                "Start=" + start + ",End=" + end, "--dimension", "USAGE_TYPE", "--search-string", "boxusage")
                .field("DimensionValues").get().asArray().stream().map(value -> value.field("Value").get().asString())
                .toList());
        assertEquals(List.of("000000000000"), aws.json("ce", "get-cost-and-usage", "--time-period", "Start=" + start
                + ",End=" + end, "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "--group-by",
                "Type=DIMENSION,Key=LINKED_ACCOUNT").field("ResultsByTime").get().asArray().get(0).field("Groups").get()
                .asArray().stream().map(group -> group.field("Keys").get().asArray().get(0).asString()).toList());
        assertEquals(List.of("team"), aws.json("ce", "get-tags", "--time-period", "Start=" + start + ",End=" + end)
                .field("Tags").get().asArray().stream().map(JsonNode::asString).toList());
        assertEquals(List.of("web"), aws.json("ce", "get-tags", "--time-period", "Start=" + start + ",End=" + end,
                "--tag-key", "team").field("Tags").get().asArray().stream().map(JsonNode::asString).toList());

        JsonNode coverage = aws.json("ce", "get-reservation-coverage", "--time-period",
                "Start=" + start + ",End=" + end, "--granularity", "MONTHLY").field("Total").get();
        JsonNode hours = coverage.field("CoverageHours").get();
        BigDecimal reservedHours = new BigDecimal(hours.field("ReservedHours").get().asString());
        BigDecimal onDemandHours = new BigDecimal(hours.field("OnDemandHours").get().asString());
        assertEquals(0, reservedHours.add(onDemandHours).compareTo(new BigDecimal(hours.field("TotalRunningHours")
                .get().asString())), coverage.toString());
        assertEquals(0, new BigDecimal("2").compareTo(reservedHours.add(onDemandHours)), "two instance-hours");
        assertTrue(reservedHours.compareTo(new BigDecimal("0.9")) > 0 && onDemandHours.compareTo(new BigDecimal("0.9"))
                > 0, "the reservation covered one instance at a time, about half: " + coverage);
        String onDemandInstanceCost = aws.text("ce", "get-cost-and-usage", "--time-period", "Start=" + start
                + ",End=" + end, "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "--filter",
                "{\"And\":[{\"Dimensions\":{\"Key\":\"RECORD_TYPE\",\"Values\":[\"Usage\"]}},"
                        + "{\"Dimensions\":{\"Key\":\"INSTANCE_TYPE\",\"Values\":[\"m7i.large\"]}}]}",
                "--query", "ResultsByTime[0].Total.UnblendedCost.Amount");
        assertEquals(0, new BigDecimal(onDemandInstanceCost).compareTo(new BigDecimal(coverage.field("CoverageCost")
                .get().field("OnDemandCost").get().asString())), "the on-demand cost is the bill's: " + coverage);
        aws.assertServerError("ValidationException", "ce", "get-reservation-coverage", "--time-period",
                "Start=" + start + ",End=" + end, "--granularity", "MONTHLY", "--group-by",
                "Type=DIMENSION,Key=INSTANCE_TYPE");
        aws.assertServerError("ValidationException", "ce", "get-reservation-coverage", "--time-period",
                "Start=" + start + ",End=" + end, "--filter",
                "{\"Dimensions\":{\"Key\":\"PURCHASE_TYPE\",\"Values\":[\"Spot Instances\"]}}");
        aws.assertServerError("ValidationException", "ce", "get-cost-and-usage", "--time-period",
                "Start=" + start + ",End=" + java.time.YearMonth.parse(month()).plusMonths(2) + "-01", "--granularity",
                "MONTHLY", "--metrics", "UnblendedCost");

        String from = java.time.LocalDate.parse(today()).minusDays(1).toString();
        String to = java.time.LocalDate.parse(today()).plusDays(1).toString();
        String computeFilter = "{\"Dimensions\":{\"Key\":\"SERVICE\",\"Values\":"
                + "[\"Amazon Elastic Compute Cloud - Compute\"]}}";
        Map<String, BigDecimal> hoursByResource = new java.util.TreeMap<>();
        BigDecimal byResourceCost = BigDecimal.ZERO;
        for (JsonNode day : aws.json("ce", "get-cost-and-usage-with-resources", "--time-period", "Start=" + from
                        + ",End=" + to, "--granularity", "DAILY", "--metrics", "UnblendedCost", "UsageQuantity",
                "--filter", computeFilter, "--group-by", "Type=DIMENSION,Key=RESOURCE_ID").field("ResultsByTime").get()
                .asArray()) {
            for (JsonNode resource : day.field("Groups").get().asArray()) {
                JsonNode metrics = resource.field("Metrics").get();
                hoursByResource.merge(resource.field("Keys").get().asArray().get(0).asString(), new BigDecimal(metrics
                        .field("UsageQuantity").get().field("Amount").get().asString()), BigDecimal::add);
                byResourceCost = byResourceCost.add(new BigDecimal(metrics.field("UnblendedCost").get().field("Amount")
                        .get().asString()));
            }
        }
        for (String id : ids) {
            assertEquals(0, BigDecimal.ONE.compareTo(hoursByResource.get(id)), id + " ran one hour: " + hoursByResource);
        }
        String computeCost = aws.text("ce", "get-cost-and-usage", "--time-period", "Start=" + from + ",End=" + to,
                "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "--filter", computeFilter, "--query",
                "sum(ResultsByTime[].to_number(Total.UnblendedCost.Amount))");
        assertEquals(0, new BigDecimal(computeCost).compareTo(byResourceCost), "per resource, the service's cost");
        assertTrue(aws.json("ce", "get-dimension-values", "--time-period", "Start=" + from + ",End=" + to,
                "--dimension", "RESOURCE_ID").field("DimensionValues").get().asArray().stream()
                .map(value -> value.field("Value").get().asString()).toList().containsAll(ids));
        aws.assertServerError("ValidationException", "ce", "get-dimension-values", "--time-period", "Start="
                + java.time.LocalDate.parse(today()).minusDays(15) + ",End=" + to, "--dimension", "RESOURCE_ID");
        aws.assertServerError("ValidationException", "ce", "get-cost-and-usage", "--time-period", "Start=" + from
                + ",End=" + to, "--granularity", "DAILY", "--metrics", "UnblendedCost", "--group-by",
                "Type=DIMENSION,Key=RESOURCE_ID");
        assertTrue(aws.json("ce", "get-cost-and-usage-with-resources", "--time-period", "Start=" + from + ",End=" + to,
                "--granularity", "DAILY", "--filter", computeFilter, "--group-by", "Type=DIMENSION,Key=RESOURCE_ID")
                .field("ResultsByTime").isPresent(), "Metrics are optional here");
        aws.assertServerError("ValidationException", "ce", "get-cost-and-usage-with-resources", "--time-period",
                "Start=" + from + ",End=" + to, "--granularity", "DAILY", "--metrics", "UnblendedCost", "--filter",
                "{\"Dimensions\":{\"Key\":\"REGION\",\"Values\":[\"us-east-1\"]}}", "--group-by",
                "Type=DIMENSION,Key=RESOURCE_ID");

        JsonNode utilization = aws.json("ce", "get-reservation-utilization", "--time-period",
                "Start=" + start + ",End=" + end, "--group-by", "Type=DIMENSION,Key=SUBSCRIPTION_ID");
        JsonNode total = utilization.field("Total").get();
        BigDecimal purchased = new BigDecimal(total.field("PurchasedHours").get().asString());
        BigDecimal used = new BigDecimal(total.field("TotalActualHours").get().asString());
        assertTrue(purchased.compareTo(BigDecimal.ONE) > 0 && used.compareTo(BigDecimal.ONE) >= 0
                && used.compareTo(purchased) <= 0, purchased + " purchased, " + used + " used");
        assertEquals(0, purchased.subtract(used).compareTo(new BigDecimal(total.field("UnusedHours").get()
                .asString())));
        List<JsonNode> byTime = utilization.field("UtilizationsByTime").get().asArray();
        assertEquals(1, byTime.size());
        JsonNode group = byTime.get(0).field("Groups").get().asArray().get(0);
        assertEquals("m7i.large", group.field("Attributes").get().field("instanceType").get().asString());
        assertEquals(0, purchased.compareTo(new BigDecimal(group.field("Utilization").get().field("PurchasedHours")
                .get().asString())), "the only reservation's hours are the total");
        aws.assertServerError("ValidationException", "ce", "get-reservation-utilization", "--time-period",
                "Start=" + start + ",End=" + end, "--group-by", "Type=DIMENSION,Key=SUBSCRIPTION_ID",
                "--max-results", "1");
        for (String[] filter : new String[][] {{"{\"Dimensions\":{\"Key\":\"INSTANCE_TYPE\",\"Values\":"
                + "[\"t3.micro\",\"m7i.large\"]}}", "the reservation"}, {"{\"And\":[{\"Dimensions\":{\"Key\":"
                + "\"SCOPE\",\"Values\":[\"Region\"]}},{\"Dimensions\":{\"Key\":\"REGION\",\"Values\":"
                + "[\"us-east-1\"]}}]}", "the reservation"}, {"{\"Dimensions\":{\"Key\":\"INSTANCE_TYPE\","
                + "\"Values\":[\"t3.micro\"]}}", "none"}, {"{\"Dimensions\":{\"Key\":\"AZ\",\"Values\":"
                + "[\"us-east-1a\"]}}", "none: the reservation is regional"}}) {
            BigDecimal filtered = new BigDecimal(aws.text("ce", "get-reservation-utilization", "--time-period",
                    "Start=" + start + ",End=" + end, "--filter", filter[0], "--query", "Total.PurchasedHours"));
            assertEquals(0, (filter[1].startsWith("none") ? BigDecimal.ZERO : purchased).compareTo(filtered),
                    filter[0] + ": " + filter[1]);
        }
        aws.assertServerError("ValidationException", "ce", "get-reservation-utilization", "--time-period",
                "Start=" + start + ",End=" + end, "--filter",
                "{\"Dimensions\":{\"Key\":\"OPERATING_SYSTEM\",\"Values\":[\"Linux\"]}}");
        aws.assertServerError("ValidationException", "ce", "get-reservation-utilization", "--time-period",
                "Start=" + start + ",End=" + end, "--filter", "{\"Dimensions\":{\"Key\":\"INSTANCE_TYPE\","
                        + "\"Values\":[\"m7i.large\"],\"MatchOptions\":[\"ABSENT\"]}}");
        aws.assertServerError("ValidationException", "ce", "get-reservation-utilization", "--time-period",
                "Start=" + start + ",End=" + end, "--granularity", "DAILY", "--group-by",
                "Type=DIMENSION,Key=SUBSCRIPTION_ID");
        aws.assertServerError("ValidationException", "ce", "get-reservation-utilization", "--time-period",
                "Start=" + start + ",End=" + end, "--filter", "{\"Or\":[{\"Dimensions\":{\"Key\":\"REGION\","
                        + "\"Values\":[\"us-east-1\"]}},{\"Dimensions\":{\"Key\":\"REGION\",\"Values\":"
                        + "[\"us-west-2\"]}}]}");
    }

    @Test
    void badInputAndOperationsNotBuiltGetErrors() {
        aws.assertServerError("ValidationException", "ce", "get-cost-and-usage", "--time-period",
                "Start=2026-11-02,End=2026-11-01", "--granularity", "DAILY", "--metrics", "UnblendedCost");
        aws.assertServerError("ValidationException", "ce", "get-cost-and-usage", "--time-period",
                "Start=2026-11-01,End=2026-11-02", "--granularity", "DAILY", "--metrics", "UnblendedCost",
                "--group-by", "Type=DIMENSION,Key=SERVICE", "Type=DIMENSION,Key=REGION",
                "Type=DIMENSION,Key=USAGE_TYPE");
        aws.assertServerError("InvalidNextTokenException", "ce", "get-cost-and-usage", "--time-period",
                "Start=" + month() + "-01,End=" + month() + "-02", "--granularity", "DAILY", "--metrics", "UnblendedCost",
                "--next-page-token", "garbage");
        String nextYear = java.time.YearMonth.parse(month()).plusYears(1) + "-01";
        aws.assertServerError("ValidationException", "ce", "get-cost-and-usage", "--time-period",
                "Start=" + nextYear + ",End=" + java.time.LocalDate.parse(nextYear).plusDays(1), "--granularity",
                "DAILY", "--metrics", "UnblendedCost");
        aws.assertServerError("ValidationException", "ce", "get-cost-and-usage", "--time-period",
                "Start=0001-01-01,End=" + month() + "-01", "--granularity", "MONTHLY", "--metrics", "UnblendedCost");
        aws.assertServerError("ValidationException", "ce", "get-cost-and-usage", "--time-period",
                "Start=" + today() + "T00:00:00+09:00,End=" + today() + "T02:00:00Z", "--granularity", "HOURLY",
                "--metrics", "UnblendedCost");
        aws.assertServerError("ValidationException", "ce", "get-cost-and-usage", "--time-period",
                "Start=" + today() + "T06:00:00Z,End=" + today() + "T18:00:00Z", "--granularity", "DAILY",
                "--metrics", "UnblendedCost");
        aws.assertServerError("UnsupportedOperation", "ce", "get-cost-forecast", "--time-period",
                "Start=2026-12-01,End=2026-12-02", "--granularity", "DAILY", "--metric", "UNBLENDED_COST");
        // a member of another JSON type than the model's is refused before anything else, as AWS does
        for (String wrongType : List.of("{\"TimePeriod\":{\"Start\":20261101,\"End\":\"2026-11-02\"},"
                        + "\"Granularity\":\"DAILY\",\"Metrics\":[\"UnblendedCost\"]}",
                "{\"TimePeriod\":{\"Start\":\"2026-11-01\",\"End\":\"2026-11-02\"},\"Granularity\":\"DAILY\","
                        + "\"Metrics\":\"UnblendedCost\"}",
                "{\"TimePeriod\":{\"Start\":\"2026-11-01\",\"End\":\"2026-11-02\"},\"Granularity\":\"DAILY\","
                        + "\"Metrics\":[\"UnblendedCost\"],\"Filter\":{\"Dimensions\":{\"Key\":\"REGION\","
                        + "\"Values\":[5]}}}")) {
            assertCostAndUsageRefused(wrongType, "SerializationException");
        }
        for (String nullRoot : List.of("{\"Dimensions\":null}", "{\"Tags\":null}", "{\"Not\":null}")) {
            assertCostAndUsageRefused("{\"TimePeriod\":{\"Start\":\"" + month() + "-01\",\"End\":\"" + month()
                    + "-02\"},\"Granularity\":\"DAILY\",\"Metrics\":[\"UnblendedCost\"],\"Filter\":" + nullRoot
                    + "}", "ValidationException");
        }
    }

    /** A GetCostAndUsage of this raw body answers 400 with {@code code}. */
    private static void assertCostAndUsageRefused(String body, String code) {
        HttpResponse<byte[]> refused = SignedRequests.post(server.endpoint(), "ce", "/", Map.of("Content-Type",
                "application/x-amz-json-1.1", "X-Amz-Target", "AWSInsightsIndexService.GetCostAndUsage"),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, refused.statusCode(), body);
        assertTrue(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8).contains(code), body);
    }

    private static String today() {
        Matcher now = Pattern.compile("\"now\":\"(\\d{4}-\\d{2}-\\d{2})").matcher(server.admin("GET", "/_gureum/health"));
        assertTrue(now.find());
        return now.group(1);
    }

    private static String month() {
        Matcher now = Pattern.compile("\"now\":\"(\\d{4}-\\d{2})").matcher(server.admin("GET", "/_gureum/health"));
        assertTrue(now.find());
        return now.group(1);
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([0-9.E-]+)\"").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }
}
