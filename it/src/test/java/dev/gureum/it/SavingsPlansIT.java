package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Savings Plans through the real aws CLI (the Java SDK's savingsplans module is not among Gureum's
 * dependencies) and raw signed HTTP for the error envelopes: offerings and their rates, a plan bought,
 * described, tagged, its rates; a queued purchase deleted; all of it kept across a restart; and after an
 * instance ran an hour on the manual clock, the bill's and Cost Explorer's numbers. Each test has its own
 * server, so plans never mix.
 */
class SavingsPlansIT {
    private static final String COMPUTE_RATE_M7I_LARGE = "0.0726";

    private GureumProcess server;
    private AwsCli aws;

    @BeforeEach
    void start() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws (./gureum test installs it as root)");
        server = GureumProcess.start("--clock", "manual");
        server.keepWithinOneMonth(java.time.Duration.ofHours(26));
        aws = new AwsCli(server.endpoint());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String computeOffering(String payment) {
        JsonNode offerings = aws.json("savingsplans", "describe-savings-plans-offerings", "--plan-types", "Compute",
                "--durations", "31536000", "--payment-options", payment, "--currencies", "USD");
        List<JsonNode> found = offerings.field("searchResults").get().asArray();
        assertEquals(1, found.size(), "one Compute offering per term and payment option");
        JsonNode offering = found.get(0);
        assertEquals("ComputeSP:1yr" + payment.replace(" ", ""), offering.field("usageType").get().asString());
        assertEquals("1 year " + payment + " Compute Savings Plan", offering.field("description").get().asString());
        return offering.field("offeringId").get().asString();
    }

    @Test
    void offeringsPlansRatesTagsAndQueuedPurchases() {
        String offering = computeOffering("No Upfront");
        JsonNode ec2Instance = aws.json("savingsplans", "describe-savings-plans-offerings", "--plan-types",
                "EC2Instance", "--filters", "name=region,values=us-east-1", "name=instanceFamily,values=m7i",
                "--durations", "94608000", "--payment-options", "All Upfront");
        JsonNode m7i = ec2Instance.field("searchResults").get().asArray().get(0);
        assertEquals("EC2SP:m7i.3yrAllUpfront", m7i.field("usageType").get().asString());
        assertEquals(1, ec2Instance.field("searchResults").get().asArray().size());

        String rate = aws.text("savingsplans", "describe-savings-plans-offering-rates", "--savings-plan-offering-ids",
                offering, "--filters", "name=instanceType,values=m7i.large", "name=region,values=us-east-1",
                "--query", "searchResults[0].[usageType,rate,unit,operation]");
        assertEquals("BoxUsage:m7i.large\t" + COMPUTE_RATE_M7I_LARGE + "\tHrs\tRunInstances", rate);

        String id = aws.text("savingsplans", "create-savings-plan", "--savings-plan-offering-id", offering,
                "--commitment", "0.100", "--tags", "team=billing", "--client-token", "token-1",
                "--query", "savingsPlanId");
        assertEquals(id, aws.text("savingsplans", "create-savings-plan", "--savings-plan-offering-id", offering,
                "--commitment", "0.100", "--client-token", "token-1", "--query", "savingsPlanId"),
                "the same client token answers the same plan");
        JsonNode plan = aws.json("savingsplans", "describe-savings-plans", "--savings-plan-ids", id)
                .field("savingsPlans").get().asArray().get(0);
        String arn = plan.field("savingsPlanArn").get().asString();
        assertEquals("arn:aws:savingsplans::000000000000:savingsplan/" + id, arn);
        assertEquals("payment-pending", plan.field("state").get().asString());
        assertEquals("0.100", plan.field("commitment").get().asString());
        assertEquals("Compute", plan.field("savingsPlanType").get().asString());
        assertEquals("billing", plan.field("tags").get().field("team").get().asString());
        server.advanceClock(60);
        assertEquals("active", aws.text("savingsplans", "describe-savings-plans", "--states", "active",
                "--query", "savingsPlans[0].state"));
        assertEquals("0", aws.text("savingsplans", "describe-savings-plans", "--states", "returned", "pending-return",
                "--query", "length(savingsPlans)"), "states of returned plans are asked for, and none is");
        assertEquals("0", aws.text("savingsplans", "describe-savings-plans", "--filters",
                "name=instance-family,values=m7i", "--query", "length(savingsPlans)"),
                "a Compute plan has no instance family");

        assertEquals(COMPUTE_RATE_M7I_LARGE, aws.text("savingsplans", "describe-savings-plan-rates",
                "--savings-plan-id", id, "--filters", "name=instanceType,values=m7i.large",
                "name=region,values=us-east-1", "--query", "searchResults[0].rate"));

        aws.text("savingsplans", "tag-resource", "--resource-arn", arn, "--tags", "env=test");
        aws.text("savingsplans", "untag-resource", "--resource-arn", arn, "--tag-keys", "team");
        JsonNode tags = aws.json("savingsplans", "list-tags-for-resource", "--resource-arn", arn).field("tags").get();
        assertEquals(Map.of("env", "test"), tags.asObject().entrySet().stream().collect(java.util.stream.Collectors
                .toMap(Map.Entry::getKey, entry -> entry.getValue().asString())));

        String tomorrow = Instant.parse(now()).plusSeconds(86_400).toString();
        String queued = aws.text("savingsplans", "create-savings-plan", "--savings-plan-offering-id", offering,
                "--commitment", "0.050", "--purchase-time", tomorrow, "--query", "savingsPlanId");
        assertEquals("queued", aws.text("savingsplans", "describe-savings-plans", "--savings-plan-ids", queued,
                "--query", "savingsPlans[0].state"));
        aws.text("savingsplans", "delete-queued-savings-plan", "--savings-plan-id", queued);
        assertEquals("queued-deleted", aws.text("savingsplans", "describe-savings-plans", "--savings-plan-ids",
                queued, "--query", "savingsPlans[0].state"));
        String[] describe = {"savingsplans", "describe-savings-plans", "--query",
                "savingsPlans[].[savingsPlanId,offeringId,commitment,upfrontPaymentAmount,start,end,state,tags.env]"};
        String before = aws.text(describe);
        server.kill();
        server.restart();
        // the plans come back as they were, their states too (they follow the clock, which resumes where it was)
        assertEquals(before, aws.text(describe));
        assertTrue(before.contains(id) && before.contains(queued), before);

        aws.assertServerErrors(List.of(
                List.of("ValidationException", "savingsplans", "delete-queued-savings-plan", "--savings-plan-id", id),
                List.of("ResourceNotFoundException", "savingsplans", "describe-savings-plan-rates",
                        "--savings-plan-id", "11111111-2222-4333-8444-555555555555"),
                List.of("ValidationException", "savingsplans", "create-savings-plan", "--savings-plan-offering-id",
                        offering, "--commitment", "-1"),
                List.of("ValidationException", "savingsplans", "create-savings-plan", "--savings-plan-offering-id",
                        offering, "--commitment", "1000000.001"),
                List.of("ValidationException", "savingsplans", "create-savings-plan", "--savings-plan-offering-id",
                        offering, "--commitment", "1", "--upfront-payment-amount", "100")));
    }

    @Test
    void errorsComeInTheRestJsonEnvelope() {
        HttpResponse<byte[]> missing = post("/CreateSavingsPlan", "{\"commitment\":\"1\"}");
        assertEquals(400, missing.statusCode());
        assertEquals("ValidationException", missing.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertTrue(body(missing).contains("\"message\""), body(missing));

        HttpResponse<byte[]> unknown = post("/CreateSavingsPlan",
                "{\"savingsPlanOfferingId\":\"00000000-0000-0000-0000-000000000000\",\"commitment\":\"1\"}");
        assertEquals(404, unknown.statusCode());
        assertEquals("ResourceNotFoundException", unknown.headers().firstValue("x-amzn-ErrorType").orElse(null));

        HttpResponse<byte[]> badArn = post("/TagResource", "{\"resourceArn\":\"arn:aws:ec2:::nothing\","
                + "\"tags\":{\"a\":\"b\"}}");
        assertEquals(400, badArn.statusCode());
        assertEquals("ValidationException", badArn.headers().firstValue("x-amzn-ErrorType").orElse(null));

        HttpResponse<byte[]> numberForString = post("/CreateSavingsPlan", "{\"savingsPlanOfferingId\":"
                + "\"00000000-0000-0000-0000-000000000000\",\"commitment\":1}");
        assertEquals(400, numberForString.statusCode());
        assertEquals("SerializationException", numberForString.headers().firstValue("x-amzn-ErrorType").orElse(null),
                "commitment is a string in the model");

        for (String[] refused : new String[][] {{"/DescribeSavingsPlansOfferings", "{\"filters\":[{}]}"},
                {"/DescribeSavingsPlansOfferingRates", "{\"filters\":[{\"values\":[\"us-east-1\"]}]}"},
                {"/CreateSavingsPlan", "{\"savingsPlanOfferingId\":\"x\",\"commitment\":\"1\",\"purchaseTime\":1e20}"}}) {
            HttpResponse<byte[]> answer = post(refused[0], refused[1]);
            assertEquals(400, answer.statusCode(), refused[1] + ": " + body(answer));
            assertEquals("ValidationException", answer.headers().firstValue("x-amzn-ErrorType").orElse(null));
        }
        HttpResponse<byte[]> trailing = post("/DescribeSavingsPlans", "{\"states\":[]}garbage");
        assertEquals(400, trailing.statusCode(), "text after the object is not JSON: " + body(trailing));

        HttpResponse<byte[]> notJson = post("/DescribeSavingsPlans", "{nope");
        assertEquals(400, notJson.statusCode());
        assertEquals("SerializationException", notJson.headers().firstValue("x-amzn-ErrorType").orElse(null));

        HttpResponse<byte[]> noSuchOperation = post("/Frobnicate", "{}");
        assertEquals(400, noSuchOperation.statusCode());
        assertEquals("UnknownOperationException",
                noSuchOperation.headers().firstValue("x-amzn-ErrorType").orElse(null));
    }

    @Test
    void theBillAndCostExplorerShowThePlan() {
        String offering = computeOffering("No Upfront");
        String id = aws.text("savingsplans", "create-savings-plan", "--savings-plan-offering-id", offering,
                "--commitment", "0.050", "--query", "savingsPlanId");
        String small = aws.text("savingsplans", "create-savings-plan", "--savings-plan-offering-id", offering,
                "--commitment", "0.001", "--query", "savingsPlanId");
        try (Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            String debian = Ec2PlatformIT.debianImage(ec2);
            String instance = ec2.runInstances(r -> r.imageId(debian).instanceType("m7i.large").minCount(1)
                    .maxCount(1)).instances().get(0).instanceId();
            server.advanceClock(3600);
            ec2.terminateInstances(r -> r.instanceIds(instance));
            server.advanceClock(60);
        }
        String month = now().substring(0, 7);
        String start = month + "-01";
        String end = java.time.YearMonth.parse(month).plusMonths(1) + "-01";
        String bill = server.admin("GET", "/_gureum/bill?month=" + month);
        assertTrue(bill.contains("\"lineItemType\":\"SavingsPlanCoveredUsage\""), bill);
        assertTrue(bill.contains("\"lineItemType\":\"SavingsPlanRecurringFee\""), bill);
        BigDecimal billed = new BigDecimal(field(bill, "totalUsd"));

        JsonNode costs = aws.json("ce", "get-cost-and-usage", "--time-period", "Start=" + start + ",End=" + end,
                "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "AmortizedCost", "--group-by",
                "Type=DIMENSION,Key=PURCHASE_TYPE");
        BigDecimal unblended = BigDecimal.ZERO;
        BigDecimal amortized = BigDecimal.ZERO;
        Map<String, BigDecimal> byPurchaseType = new java.util.TreeMap<>();
        for (JsonNode group : costs.field("ResultsByTime").get().asArray().get(0).field("Groups").get().asArray()) {
            JsonNode metrics = group.field("Metrics").get();
            BigDecimal cost = new BigDecimal(metrics.field("UnblendedCost").get().field("Amount").get().asString());
            byPurchaseType.put(group.field("Keys").get().asArray().get(0).asString(), cost);
            unblended = unblended.add(cost);
            amortized = amortized.add(new BigDecimal(metrics.field("AmortizedCost").get().field("Amount").get()
                    .asString()));
        }
        assertEquals(List.of("On Demand Instances", "Savings Plans"), List.copyOf(byPurchaseType.keySet()));
        assertEquals(0, billed.compareTo(unblended), "Cost Explorer's numbers are the bill's: " + unblended);

        // the Savings Plans operations take no End after today: a day later, today is the End
        server.advanceClock(86_400);
        String today = now().substring(0, 10);
        AwsCli.assertServerError("ValidationException", aws.run("ce", "get-savings-plans-utilization",
                "--time-period", "Start=" + start + ",End=" + java.time.LocalDate.parse(today).plusDays(1)));
        JsonNode utilization = aws.json("ce", "get-savings-plans-utilization", "--time-period",
                "Start=" + start + ",End=" + today, "--granularity", "MONTHLY").field("Total").get();
        BigDecimal commitment = new BigDecimal(utilization.field("Utilization").get().field("TotalCommitment").get()
                .asString());
        BigDecimal used = new BigDecimal(utilization.field("Utilization").get().field("UsedCommitment").get()
                .asString());
        BigDecimal unused = new BigDecimal(utilization.field("Utilization").get().field("UnusedCommitment").get()
                .asString());
        // the plan was in force 3,660 s (and more while the instance shut down) at 0.050 an hour
        assertTrue(commitment.compareTo(new BigDecimal("0.0508")) > 0, commitment.toString());
        assertTrue(used.signum() > 0 && used.compareTo(commitment) <= 0, used + " of " + commitment);
        assertEquals(0, commitment.compareTo(used.add(unused)));
        String arn = aws.text("savingsplans", "describe-savings-plans", "--savings-plan-ids", id, "--query",
                "savingsPlans[0].savingsPlanArn");
        String smallArn = aws.text("savingsplans", "describe-savings-plans", "--savings-plan-ids", small, "--query",
                "savingsPlans[0].savingsPlanArn");
        JsonNode details = aws.json("ce", "get-savings-plans-utilization-details", "--time-period",
                "Start=" + start + ",End=" + today, "--sort-by", "Key=TotalCommitment,SortOrder=DESCENDING");
        List<JsonNode> plans = details.field("SavingsPlansUtilizationDetails").get().asArray();
        assertEquals(List.of(arn, smallArn), plans.stream().map(plan -> plan.field("SavingsPlanArn").get().asString())
                .toList(), "the larger commitment first");
        BigDecimal detailed = BigDecimal.ZERO;
        for (JsonNode plan : plans) {
            detailed = detailed.add(new BigDecimal(plan.field("Utilization").get().field("TotalCommitment").get()
                    .asString()));
            assertTrue(plan.field("Savings").isPresent() && plan.field("AmortizedCommitment").isPresent());
        }
        assertEquals(0, commitment.compareTo(detailed), "the plans' commitments add up to the total");
        assertEquals(commitment.toPlainString(), new BigDecimal(details.field("Total").get().field("Utilization").get()
                .field("TotalCommitment").get().asString()).toPlainString());
        assertEquals(start, details.field("TimePeriod").get().field("Start").get().asString());
        JsonNode firstPage = aws.json("ce", "get-savings-plans-utilization-details", "--time-period",
                "Start=" + start + ",End=" + today, "--data-type", "UTILIZATION", "--max-results", "1",
                "--sort-by", "Key=TotalCommitment", "--no-paginate");
        JsonNode smallest = firstPage.field("SavingsPlansUtilizationDetails").get().asArray().get(0);
        assertEquals(smallArn, smallest.field("SavingsPlanArn").get().asString(), "ascending by default");
        assertTrue(smallest.field("Savings").isEmpty(), "only the data type asked for");
        assertEquals(arn, aws.text("ce", "get-savings-plans-utilization-details", "--time-period", "Start=" + start
                + ",End=" + today, "--max-results", "1", "--sort-by", "Key=TotalCommitment", "--no-paginate",
                "--next-token", firstPage.field("NextToken").get().asString(), "--query",
                "SavingsPlansUtilizationDetails[0].SavingsPlanArn"), "the next page");
        JsonNode onlySmall = aws.json("ce", "get-savings-plans-utilization-details", "--time-period", "Start=" + start
                + ",End=" + today, "--filter", "{\"Dimensions\":{\"Key\":\"SAVINGS_PLAN_ARN\",\"Values\":[\""
                + smallArn + "\"]}}");
        assertEquals(List.of(smallArn), onlySmall.field("SavingsPlansUtilizationDetails").get().asArray().stream()
                .map(plan -> plan.field("SavingsPlanArn").get().asString()).toList());
        assertEquals(plans.get(1).field("Utilization").get().field("TotalCommitment").get().asString(), onlySmall
                .field("Total").get().field("Utilization").get().field("TotalCommitment").get().asString(),
                "the total is of the plans the filter keeps");
        AwsCli.assertServerError("ValidationException", aws.run("ce", "get-savings-plans-utilization",
                "--time-period", "Start=" + start + ",End=" + today, "--filter", "{\"Or\":[{\"Dimensions\":"
                        + "{\"Key\":\"SAVINGS_PLAN_ARN\",\"Values\":[\"" + arn + "\"]}},{\"Dimensions\":"
                        + "{\"Key\":\"SAVINGS_PLAN_ARN\",\"Values\":[\"" + smallArn + "\"]}}]}"));
        AwsCli.assertServerError("InvalidNextTokenException", aws.run("ce", "get-savings-plans-coverage",
                "--time-period", "Start=" + start + ",End=" + today, "--next-token", firstPage.field("NextToken")
                        .get().asString()));
        AwsCli.assertServerError("ValidationException", aws.run("ce", "get-savings-plans-utilization-details",
                "--time-period", "Start=" + start + ",End=" + today, "--data-type", "ATTRIBUTES"));
        AwsCli.assertServerError("ValidationException", aws.run("ce", "get-savings-plans-utilization-details",
                "--time-period", "Start=" + start + ",End=" + today, "--sort-by", "Key=Region"));
        List<BigDecimal> usedByDay = aws.json("ce", "get-savings-plans-utilization", "--time-period", "Start=" + start
                + ",End=" + today, "--granularity", "DAILY", "--sort-by", "Key=UsedCommitment,SortOrder=DESCENDING")
                .field("SavingsPlansUtilizationsByTime").get().asArray().stream().map(day -> new BigDecimal(day
                        .field("Utilization").get().field("UsedCommitment").get().asString())).toList();
        assertEquals(usedByDay.stream().sorted(java.util.Comparator.reverseOrder()).toList(), usedByDay,
                "most used day first");
        AwsCli.assertServerError("ValidationException", aws.run("ce", "get-savings-plans-utilization",
                "--time-period", "Start=" + start + ",End=" + today, "--sort-by", "Key=AmortizedUpfrontCommitment"));
        AwsCli.assertServerError("InvalidNextTokenException", aws.run("ce", "get-savings-plans-utilization-details",
                "--time-period", "Start=" + start + ",End=" + today, "--next-token", "garbage"));
        BigDecimal planCost = BigDecimal.ZERO;
        for (JsonNode bucket : aws.json("ce", "get-cost-and-usage", "--time-period", "Start=" + start + ",End="
                + today, "--granularity", "MONTHLY", "--metrics", "UnblendedCost", "--filter",
                "{\"Dimensions\":{\"Key\":\"PURCHASE_TYPE\",\"Values\":[\"Savings Plans\"]}}")
                .field("ResultsByTime").get().asArray()) {
            planCost = planCost.add(new BigDecimal(bucket.field("Total").get().field("UnblendedCost").get()
                    .field("Amount").get().asString()));
        }
        assertEquals(0, commitment.compareTo(planCost),
                "unblended, a plan costs its commitment (covered usage and its negation cancel)");
        BigDecimal onDemandPart = byPurchaseType.get("On Demand Instances");
        assertTrue(onDemandPart.signum() > 0, "0.050 an hour cannot pay an m7i.large hour at 0.0726 (and the "
                + "root volume is on demand)");
        assertEquals(0, amortized.compareTo(unblended), "no upfront: amortized equals unblended, " + amortized);

        AwsCli.assertServerError("ValidationException", aws.run("ce", "get-savings-plans-coverage", "--time-period",
                "Start=" + start + ",End=" + today, "--group-by", "Type=DIMENSION,Key=INSTANCE_TYPE_FAMILY",
                "--granularity", "DAILY"));
        JsonNode coverage = aws.json("ce", "get-savings-plans-coverage", "--time-period",
                "Start=" + start + ",End=" + today, "--group-by", "Type=DIMENSION,Key=INSTANCE_TYPE_FAMILY");
        JsonNode first = coverage.field("SavingsPlansCoverages").get().asArray().get(0);
        assertEquals("m7i", first.field("Attributes").get().field("instanceFamily").get().asString());
        BigDecimal covered = new BigDecimal(first.field("Coverage").get().field("SpendCoveredBySavingsPlans").get()
                .asString());
        BigDecimal onDemand = new BigDecimal(first.field("Coverage").get().field("OnDemandCost").get().asString());
        assertTrue(covered.signum() > 0, covered.toString());
        String instanceTimeOnDemand = aws.text("ce", "get-cost-and-usage", "--time-period",
                "Start=" + start + ",End=" + end, "--granularity", "MONTHLY", "--metrics", "UnblendedCost",
                "--filter", "{\"And\":[{\"Dimensions\":{\"Key\":\"RECORD_TYPE\",\"Values\":[\"Usage\"]}},"
                        + "{\"Dimensions\":{\"Key\":\"INSTANCE_TYPE\",\"Values\":[\"m7i.large\"]}}]}",
                "--query", "ResultsByTime[0].Total.UnblendedCost.Amount");
        assertEquals(0, onDemand.compareTo(new BigDecimal(instanceTimeOnDemand)),
                "what the plan did not cover is the instance's on-demand cost: " + onDemand);
        JsonNode daily = aws.json("ce", "get-savings-plans-coverage", "--time-period", "Start=" + start + ",End="
                + today, "--granularity", "DAILY", "--sort-by", "Key=TotalCost,SortOrder=DESCENDING");
        List<BigDecimal> totals = daily.field("SavingsPlansCoverages").get().asArray().stream().map(day -> new BigDecimal(
                day.field("Coverage").get().field("TotalCost").get().asString())).toList();
        assertEquals(totals.stream().sorted(java.util.Comparator.reverseOrder()).toList(), totals, "dearest day first");
        for (String[] filter : new String[][] {{"INSTANCE_FAMILY", "m7i", "1"}, {"INSTANCE_FAMILY", "c7i", "0"},
                {"REGION", "us-east-1", "1"}, {"SERVICE", "Amazon Elastic Compute Cloud - Compute", "1"}}) {
            assertEquals(Integer.parseInt(filter[2]), aws.json("ce", "get-savings-plans-coverage", "--time-period",
                    "Start=" + start + ",End=" + today, "--group-by", "Type=DIMENSION,Key=INSTANCE_TYPE_FAMILY",
                    "--filter", "{\"And\":[{\"Dimensions\":{\"Key\":\"" + filter[0] + "\",\"Values\":[\""
                            + filter[1] + "\"]}},{\"Dimensions\":{\"Key\":\"LINKED_ACCOUNT\",\"Values\":"
                            + "[\"000000000000\"]}}]}").field("SavingsPlansCoverages").get().asArray().size(),
                    filter[0] + " = " + filter[1]);
        }
        JsonNode onePerPage = aws.json("ce", "get-savings-plans-coverage", "--time-period", "Start=" + start + ",End="
                + today, "--granularity", "DAILY", "--max-results", "1", "--no-paginate");
        assertEquals(1, onePerPage.field("SavingsPlansCoverages").get().asArray().size());
        assertEquals(totals.size() > 1, onePerPage.field("NextToken").isPresent(), "a token while more remain");
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }

    private HttpResponse<byte[]> post(String path, String json) {
        return SignedRequests.post(server.endpoint(), "savingsplans", path,
                Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private String now() {
        Matcher now = Pattern.compile("\"now\":\"([^\"]+)\"").matcher(server.admin("GET", "/_gureum/health"));
        assertTrue(now.find());
        return now.group(1);
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([0-9.E-]+)\"").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }
}
