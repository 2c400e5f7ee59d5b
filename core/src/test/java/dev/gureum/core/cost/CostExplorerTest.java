package dev.gureum.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.reserved.ReservedTestWorlds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GetCostAndUsage's numbers are the bill's line items, summed per bucket and group. */
class CostExplorerTest {
    private final ReservedTestWorlds.World world = ReservedTestWorlds.create();
    private final CostExplorer explorer = new CostExplorer(world.bills(), world.clock());

    @Test
    void anEndPastTheBeginningOfNextMonthIsRefused() {
        Instant monthStart = Granularity.MONTHLY.bucketStart(world.clock().now());
        Instant nextMonth = Granularity.MONTHLY.next(monthStart);
        explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, monthStart, nextMonth, Granularity.MONTHLY,
                List.of(CostMetric.UNBLENDED_COST), List.of(), CostFilter.ALL);
        CloudException refused = assertThrows(CloudException.class, () -> explorer.costAndUsage(
                ReservedTestWorlds.ACCOUNT, monthStart, nextMonth.plus(Duration.ofDays(1)), Granularity.DAILY,
                List.of(CostMetric.UNBLENDED_COST), List.of(), CostFilter.ALL));
        assertEquals("end date past the beginning of next month", refused.getMessage());
    }

    @Test
    void everyDayOfTheMonthBeingBilledIsAnEstimateUntilTheMonthEnds() {
        world.run("i-0000000000000000a", "t3.micro", "us-east-1a");
        Instant now = world.clock().now();
        Instant monthStart = Granularity.MONTHLY.bucketStart(now);
        Instant nextMonth = Granularity.MONTHLY.next(monthStart);
        Instant firstDayEnded = monthStart.plus(Duration.ofDays(1)).plusSeconds(1);
        if (now.isBefore(firstDayEnded)) {
            world.clock().advance(Duration.between(now, firstDayEnded));
        }
        CostAndUsage thisMonth = explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, monthStart,
                monthStart.plus(Duration.ofDays(1)), Granularity.DAILY, List.of(CostMetric.UNBLENDED_COST), List.of(),
                CostFilter.ALL);
        assertTrue(thisMonth.results().get(0).estimated(), "a day that has ended, of the month being billed");
        world.clock().advance(Duration.between(world.clock().now(), nextMonth.plus(Duration.ofHours(1))));
        CostAndUsage lastMonth = explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, monthStart,
                monthStart.plus(Duration.ofDays(1)), Granularity.DAILY, List.of(CostMetric.UNBLENDED_COST), List.of(),
                CostFilter.ALL);
        assertFalse(lastMonth.results().get(0).estimated(), "the month's bill is final once it has ended");
        CostAndUsage today = explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, nextMonth,
                nextMonth.plus(Duration.ofDays(1)), Granularity.DAILY, List.of(CostMetric.UNBLENDED_COST), List.of(),
                CostFilter.ALL);
        assertTrue(today.results().get(0).estimated(), "today");
    }

    @Test
    void groupedByPurchaseTypeTheNumbersAreTheLineItems() {
        CostScenarios.oneReservationTwoInstancesTwoHours(world);
        Instant start = CostScenarios.DAY;
        Instant end = CostScenarios.NEXT_DAY;
        CostAndUsage result = explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, start, end, Granularity.DAILY,
                List.of(CostMetric.UNBLENDED_COST, CostMetric.AMORTIZED_COST, CostMetric.USAGE_QUANTITY),
                List.of(CostDimension.PURCHASE_TYPE), CostFilter.ALL);
        assertEquals(1, result.results().size());
        CostAndUsage.Period day = result.results().get(0);
        assertTrue(day.estimated(), "the day is of the month being billed");
        Map<String, CostAndUsage.Amount> onDemand = group(day, "On Demand Instances");
        Map<String, CostAndUsage.Amount> reserved = group(day, "Standard Reserved Instances");
        assertEquals(0, new BigDecimal("0.2016").compareTo(onDemand.get("UnblendedCost").amount()));
        assertEquals(0, new BigDecimal("512").compareTo(reserved.get("UnblendedCost").amount()), "the upfront fee");
        // amortized: no fee, but each of the 2 reserved hours carries 512 / 8760 of it
        assertEquals(0, new BigDecimal("512").multiply(new BigDecimal("2")).divide(new BigDecimal("8760"),
                java.math.MathContext.DECIMAL64).setScale(8, java.math.RoundingMode.HALF_UP).compareTo(
                reserved.get("AmortizedCost").amount().setScale(8, java.math.RoundingMode.HALF_UP)));
        CostAndUsage byRecordType = explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, start, end, Granularity.DAILY,
                List.of(CostMetric.AMORTIZED_COST), List.of(CostDimension.RECORD_TYPE), CostFilter.ALL);
        BigDecimal twoReservedHours = new BigDecimal("512").multiply(new BigDecimal("2"))
                .divide(new BigDecimal("8760"), java.math.MathContext.DECIMAL64).setScale(8,
                        java.math.RoundingMode.HALF_UP);
        assertEquals(0, twoReservedHours.compareTo(group(byRecordType.results().get(0), "DiscountedUsage")
                .get("AmortizedCost").amount().setScale(8, java.math.RoundingMode.HALF_UP)),
                "amortized, the covered hours carry the reservation's effective rate");
        assertEquals(0, BigDecimal.ZERO.compareTo(group(byRecordType.results().get(0), "RIFee").get("AmortizedCost")
                .amount()), "no unused hours");
        assertEquals(0, BigDecimal.ZERO.compareTo(group(byRecordType.results().get(0), "Fee").get("AmortizedCost")
                .amount()), "the upfront fee is spread, not charged at once");
        List<LineItem> items = world.bills().lineItems(ReservedTestWorlds.ACCOUNT, start, end, Granularity.DAILY);
        BigDecimal billed = items.stream().map(LineItem::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, billed.compareTo(onDemand.get("UnblendedCost").amount()
                .add(reserved.get("UnblendedCost").amount())), "the same numbers as the line items");
    }

    @Test
    void theNormalizedUsageAmountIsInstanceHoursTimesTheirNormalizationFactors() {
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.run("i-0000000000000000b", "t3.micro", "us-east-1a");
        world.clock().advance(Duration.ofHours(2));
        CostExplorer normalizing = new CostExplorer(world.bills(), world.clock(), account -> ResourceTags.NONE,
                type -> Optional.ofNullable(Map.of("m7i.large", new BigDecimal("4"), "t3.micro",
                        new BigDecimal("0.5")).get(type)));
        Instant start = Instant.parse("2026-11-02T00:00:00Z");
        CostAndUsage answer = normalizing.costAndUsage(ReservedTestWorlds.ACCOUNT, start, start.plus(Duration.ofDays(1)),
                Granularity.DAILY, List.of(CostMetric.NORMALIZED_USAGE_AMOUNT, CostMetric.USAGE_QUANTITY),
                List.of(CostDimension.INSTANCE_TYPE), CostFilter.ALL);
        Map<List<String>, Map<String, CostAndUsage.Amount>> byType = new java.util.HashMap<>();
        answer.results().get(0).groups().forEach(group -> byType.put(group.keys(), group.metrics()));
        CostAndUsage.Amount large = byType.get(List.of("m7i.large")).get("NormalizedUsageAmount");
        assertEquals(0, new BigDecimal("8").compareTo(large.amount()), "2 h × 4");
        assertEquals("N/A", large.unit());
        assertEquals(0, new BigDecimal("1").compareTo(byType.get(List.of("t3.micro")).get("NormalizedUsageAmount")
                .amount()), "2 h × 0.5");
        assertEquals("Hrs", byType.get(List.of("t3.micro")).get("UsageQuantity").unit());
        assertEquals(0, new BigDecimal("9").compareTo(normalizing.costAndUsage(ReservedTestWorlds.ACCOUNT, start,
                start.plus(Duration.ofDays(1)), Granularity.DAILY, List.of(CostMetric.NORMALIZED_USAGE_AMOUNT),
                List.of(), CostFilter.ALL).results().get(0).total().get("NormalizedUsageAmount").amount()),
                "only instance time counts");
    }

    @Test
    void filtersAndHourlyBucketsNarrowTheSums() {
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.run("i-0000000000000000b", "t3.micro", "us-east-1a");
        world.clock().advance(Duration.ofHours(2));
        Instant start = Instant.parse("2026-11-02T00:00:00Z");
        CostAndUsage hourly = explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, start, start.plus(Duration.ofHours(2)),
                Granularity.HOURLY, List.of(CostMetric.UNBLENDED_COST), List.of(),
                new CostFilter.Dimension(CostDimension.INSTANCE_TYPE, List.of("t3.micro")));
        assertEquals(2, hourly.results().size());
        assertEquals(0, new BigDecimal("0.0104").compareTo(hourly.results().get(1).total().get("UnblendedCost")
                .amount()));
        CostAndUsage notMicro = explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, start, start.plus(Duration.ofDays(1)),
                Granularity.MONTHLY, List.of(CostMetric.UNBLENDED_COST), List.of(CostDimension.SERVICE,
                        CostDimension.USAGE_TYPE), new CostFilter.Not(new CostFilter.Dimension(
                        CostDimension.INSTANCE_TYPE, List.of("t3.micro"))));
        assertEquals(List.of("Amazon Elastic Compute Cloud - Compute", "BoxUsage:m7i.large"),
                notMicro.results().get(0).groups().get(0).keys());
        assertThrows(CloudException.class, () -> explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, start, start,
                Granularity.DAILY, List.of(CostMetric.UNBLENDED_COST), List.of(), CostFilter.ALL));
    }

    @Test
    void costAllocationTagsGroupAndFilterUsageByTheTagsOfItsResource() {
        world.run("i-0000000000000000a", "t3.micro", "us-east-1a");
        world.run("i-0000000000000000b", "t3.micro", "us-east-1a");
        world.run("i-0000000000000000c", "m7i.large", "us-east-1a");
        world.clock().advance(Duration.ofHours(1));
        Map<String, Map<String, String>> tags = Map.of("i-0000000000000000a", Map.of("team", "web"),
                "i-0000000000000000c", Map.of("team", "data"));
        CostExplorer tagged = new CostExplorer(world.bills(), world.clock(),
                account -> resourceId -> tags.getOrDefault(resourceId, Map.of()));
        Instant start = Instant.parse("2026-11-02T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(1));

        CostAndUsage byTeam = tagged.costAndUsage(ReservedTestWorlds.ACCOUNT, start, end, Granularity.DAILY,
                List.of(CostMetric.UNBLENDED_COST), List.of(new CostGrouping.Tag("team")), CostFilter.ALL);
        assertEquals(List.of("team$", "team$data", "team$web"), byTeam.results().get(0).groups().stream()
                .map(group -> group.keys().get(0)).toList(), "untagged usage is the key with no value");
        assertEquals(0, new BigDecimal("0.0104").compareTo(group(byTeam.results().get(0), "team$web")
                .get("UnblendedCost").amount()));
        assertEquals(0, new BigDecimal("0.1008").compareTo(group(byTeam.results().get(0), "team$data")
                .get("UnblendedCost").amount()));

        CostAndUsage untagged = tagged.costAndUsage(ReservedTestWorlds.ACCOUNT, start, end, Granularity.DAILY,
                List.of(CostMetric.UNBLENDED_COST), List.of(CostDimension.INSTANCE_TYPE),
                new CostFilter.Tag("team", List.of(), true));
        assertEquals(List.of(List.of("t3.micro")), untagged.results().get(0).groups().stream()
                .map(CostAndUsage.Group::keys).toList(), "ABSENT: only the instance without the tag");
        CostAndUsage web = tagged.costAndUsage(ReservedTestWorlds.ACCOUNT, start, end, Granularity.DAILY,
                List.of(CostMetric.UNBLENDED_COST), List.of(), new CostFilter.Tag("team", List.of("web"), false));
        assertEquals(0, new BigDecimal("0.0104").compareTo(web.results().get(0).total().get("UnblendedCost")
                .amount()));
    }

    @Test
    void withResourcesEachInstancesCostIsItsOwnGroupAndAddsUpToTheService() {
        CostScenarios.oneReservationTwoInstancesTwoHours(world);
        Instant start = CostScenarios.DAY;
        Instant end = CostScenarios.NEXT_DAY;
        List<CostMetric> metrics = List.of(CostMetric.UNBLENDED_COST, CostMetric.USAGE_QUANTITY);
        CostFilter compute = new CostFilter.Dimension(CostDimension.SERVICE, List.of(CostDimension.COMPUTE));
        CostAndUsage byResource = explorer.costAndUsageWithResources(ReservedTestWorlds.ACCOUNT, start, end,
                Granularity.DAILY, metrics, List.of(CostDimension.RESOURCE_ID), compute);
        CostAndUsage.Period day = byResource.results().get(0);
        List<String> resources = day.groups().stream().map(group -> group.keys().get(0)).toList();
        assertTrue(resources.containsAll(List.of("i-0000000000000000a", "i-0000000000000000b")), resources.toString());
        BigDecimal sum = day.groups().stream().map(group -> group.metrics().get("UnblendedCost").amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal service = explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, start, end, Granularity.DAILY, metrics,
                List.of(), compute).results().get(0).total().get("UnblendedCost").amount();
        assertEquals(0, service.compareTo(sum), "the resources' costs add up to the service's: " + day.groups());
        for (String instance : List.of("i-0000000000000000a", "i-0000000000000000b")) {
            assertEquals(0, new BigDecimal("2").compareTo(group(day, instance).get("UsageQuantity").amount()),
                    instance + " ran two hours, reserved or not");
        }

        CostFilter oneInstance = new CostFilter.And(List.of(compute, new CostFilter.Dimension(CostDimension.RESOURCE_ID,
                List.of("i-0000000000000000a"))));
        assertEquals(0, group(day, "i-0000000000000000a").get("UnblendedCost").amount().compareTo(explorer
                .costAndUsageWithResources(ReservedTestWorlds.ACCOUNT, start, end, Granularity.DAILY, metrics, List.of(),
                        oneInstance).results().get(0).total().get("UnblendedCost").amount()), "filtered by its id");
    }

    @Test
    void resourceLevelDataNeedsItsOwnOperationTheComputeServiceAResourceAndTheLastFourteenDays() {
        world.run("i-0000000000000000a", "t3.micro", "us-east-1a");
        world.clock().advance(Duration.ofHours(1));
        Instant today = Granularity.DAILY.bucketStart(world.clock().now());
        Instant tomorrow = today.plus(Duration.ofDays(1));
        List<CostMetric> cost = List.of(CostMetric.UNBLENDED_COST);
        CostFilter compute = new CostFilter.Dimension(CostDimension.SERVICE, List.of(CostDimension.COMPUTE));
        List<CostGrouping> byResource = List.of(CostDimension.RESOURCE_ID);
        assertEquals("RESOURCE_ID is resource-level data: group or filter by it with GetCostAndUsageWithResources.",
                assertThrows(CloudException.class, () -> explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, today,
                        tomorrow, Granularity.DAILY, cost, byResource, CostFilter.ALL)).getMessage());
        assertThrows(CloudException.class, () -> explorer.costAndUsageWithResources(ReservedTestWorlds.ACCOUNT, today,
                tomorrow, Granularity.DAILY, cost, byResource, CostFilter.ALL), "no SERVICE filter");
        assertThrows(CloudException.class, () -> explorer.costAndUsageWithResources(ReservedTestWorlds.ACCOUNT, today,
                tomorrow, Granularity.DAILY, cost, byResource, new CostFilter.Or(List.of(compute, compute))),
                "SERVICE in an Or does not hold for every item");
        assertThrows(CloudException.class, () -> explorer.costAndUsageWithResources(ReservedTestWorlds.ACCOUNT, today,
                tomorrow, Granularity.DAILY, cost, List.of(CostDimension.USAGE_TYPE), compute), "no RESOURCE_ID");
        assertThrows(CloudException.class, () -> explorer.costAndUsageWithResources(ReservedTestWorlds.ACCOUNT,
                today.minus(Duration.ofDays(15)), tomorrow, Granularity.DAILY, cost, byResource, compute));
        assertEquals(List.of("i-0000000000000000a"), explorer.costAndUsageWithResources(ReservedTestWorlds.ACCOUNT,
                today.minus(Duration.ofDays(14)), tomorrow, Granularity.MONTHLY, cost, byResource, compute).results()
                .stream().flatMap(period -> period.groups().stream()).map(group -> group.keys().get(0)).toList());
    }

    @Test
    void aQueryMayNotStartInTheFutureNorBeforeTheDataCostExplorerKeeps() {
        Instant today = Granularity.DAILY.bucketStart(world.clock().now());
        List<CostMetric> cost = List.of(CostMetric.UNBLENDED_COST);
        assertThrows(CloudException.class, () -> explorer.costAndUsage(ReservedTestWorlds.ACCOUNT,
                today.plus(Duration.ofDays(1)), today.plus(Duration.ofDays(2)), Granularity.DAILY, cost, List.of(),
                CostFilter.ALL));
        assertThrows(CloudException.class, () -> explorer.costAndUsage(ReservedTestWorlds.ACCOUNT,
                today.minus(Duration.ofDays(15)), today, Granularity.HOURLY, cost, List.of(), CostFilter.ALL));
        assertThrows(CloudException.class, () -> explorer.costAndUsage(ReservedTestWorlds.ACCOUNT,
                Instant.parse("0001-01-01T00:00:00Z"), today, Granularity.MONTHLY, cost, List.of(), CostFilter.ALL));
        assertEquals(14 * 24, explorer.costAndUsage(ReservedTestWorlds.ACCOUNT, today.minus(Duration.ofDays(14)),
                today, Granularity.HOURLY, cost, List.of(), CostFilter.ALL).results().size());
    }

    private static Map<String, CostAndUsage.Amount> group(CostAndUsage.Period period, String key) {
        return period.groups().stream().filter(group -> group.keys().equals(List.of(key))).findFirst().orElseThrow()
                .metrics();
    }
}
