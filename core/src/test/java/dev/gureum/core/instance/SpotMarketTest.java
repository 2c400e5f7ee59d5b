package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import dev.gureum.core.cost.CostDimension;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.page.Page;
import dev.gureum.core.spot.InterruptionWarning;
import dev.gureum.core.spot.PriceLevel;
import dev.gureum.core.spot.SpotPriceEntry;
import dev.gureum.core.spot.SpotRequest;
import dev.gureum.core.spot.SpotRequestSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Spot market on the manual clock: prices, history, requests, interruptions and exact money. */
class SpotMarketTest {
    private final SpotWorld world = new SpotWorld();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void thePriceRisesStepByStepAsOnDemandFillsThePool() {
        world.market.evaluate();
        assertEquals(new BigDecimal("0.0031"), price(), "an idle zone sells at the floor, 30 % of $0.0104");
        world.onDemand(3);
        BigDecimal previous = price();
        for (int round = 0; round < 7; round++) {
            world.clock.advance(Duration.ofMinutes(5));
            world.market.evaluate();
            assertTrue(price().compareTo(previous) > 0, "round " + round + ": " + price() + " after " + previous);
            previous = price();
        }
        world.clock.advance(Duration.ofMinutes(5));
        world.market.evaluate();
        assertEquals(new BigDecimal("0.6938"), world.market.level(SpotWorld.REGION, SpotWorld.ZONE),
                "6 of 8 vCPUs in use: 0.30 + 0.70 × 0.75²");
        assertEquals(List.of(), world.market.evaluate(), "at its aim, the price stays");
        assertEquals(9, history(null, null, null).items().size(), "the floor and eight changes, each recorded");
    }

    @Test
    void aTypeInDemandCostsMoreThanItsIdleNeighbour() {
        world.market.evaluate();
        for (int count = 0; count < 2; count++) {
            world.observe(describe(request(null).get(0).id()).instanceId(), InstanceEvent.OBSERVED_RUNNING);
        }
        for (int round = 0; round < 5; round++) {
            world.clock.advance(Duration.ofMinutes(5));
            world.market.evaluate();
        }
        assertEquals(new BigDecimal("0.4750"), world.market.level(SpotWorld.REGION, SpotWorld.ZONE),
                "4 of 8 vCPUs in use: 0.30 + 0.70 × 0.5²");
        assertEquals(new BigDecimal("0.7250"), world.market.level(SpotWorld.REGION, SpotWorld.ZONE, "t3.micro"),
                "and t3.micro's Spot Instances hold half the zone: + 0.5 × 0.5");
        assertEquals(new BigDecimal("0.4750"), world.market.level(SpotWorld.REGION, SpotWorld.ZONE, "m7i.large"));
        List<BigDecimal> m7i = world.history.describe(SpotWorld.REGION, List.of("m7i.large"), List.of(),
                SpotWorld.ZONE, null, null, List.of(), null, null).items().stream().map(SpotPriceEntry::price).toList();
        assertEquals(List.of(new BigDecimal("0.0479"), new BigDecimal("0.0454"), new BigDecimal("0.0403"),
                new BigDecimal("0.0353"), new BigDecimal("0.0302")), m7i,
                "a row per change of m7i.large's own price: the level's four steps, none for t3.micro's premium");
    }

    @Test
    void historyIncludesThePriceInForceAtStartTimeAndPages() {
        Instant start = world.clock.now();
        world.market.evaluate();
        world.onDemand(3);
        world.clock.advance(Duration.ofMinutes(5));
        world.market.evaluate();
        world.clock.advance(Duration.ofMinutes(5));
        world.market.evaluate();
        Page<SpotPriceEntry> window = history(start.plus(Duration.ofMinutes(7)), start.plus(Duration.ofMinutes(12)), null);
        assertEquals(List.of(start.plus(Duration.ofMinutes(10)), start.plus(Duration.ofMinutes(5))),
                window.items().stream().map(SpotPriceEntry::time).toList(), "newest first, with the one in force at 7'");
        assertEquals(List.of(new BigDecimal("0.0042"), new BigDecimal("0.0036")),
                window.items().stream().map(SpotPriceEntry::price).toList());
        Page<SpotPriceEntry> first = history(null, null, 2);
        assertNotNull(first.nextToken());
        Page<SpotPriceEntry> second = world.history.describe(SpotWorld.REGION, List.of("t3.micro"), List.of(),
                SpotWorld.ZONE, null, null, List.of(), 2, first.nextToken());
        assertEquals(List.of(start), second.items().stream().map(SpotPriceEntry::time).toList());
        assertNull(second.nextToken());
        assertEquals(List.of(), world.history.describe(SpotWorld.REGION, List.of("t3.micro"), List.of("Windows"),
                SpotWorld.ZONE, null, null, List.of(), null, null).items(), "Gureum prices Linux only");
    }

    @Test
    void aRequestIsFulfilledWithASpotInstance() {
        world.market.evaluate();
        SpotRequest made = request(null).get(0);
        assertEquals("open", made.state());
        assertEquals("pending-evaluation", made.statusCode());
        assertEquals("0.010400", made.spotPrice(), "the maximum defaults to the on-demand price");
        SpotRequest now = describe(made.id());
        assertEquals("active", now.state());
        assertEquals("fulfilled", now.statusCode());
        Instance instance = world.current(now.instanceId());
        assertEquals("spot", instance.lifecycle());
        assertEquals(made.id(), instance.spot().requestId());
        assertEquals(SpotWorld.ZONE, now.launchedAvailabilityZone());
    }

    @Test
    void aMaximumBelowTheSpotPriceWaitsAsPriceTooLow() {
        world.market.evaluate();
        SpotRequest made = request("0.001").get(0);
        SpotRequest now = describe(made.id());
        assertEquals("open", now.state());
        assertEquals("price-too-low", now.statusCode());
        assertNull(now.instanceId());
    }

    @Test
    void aTypeTheZoneDoesNotOfferIsRefusedAsRunInstancesRefusesIt() {
        LaunchRequest p5 = new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "p5.48xlarge", 1, 1, null, null,
                SpotWorld.REGION + "b", null, null, null, null, null, null, null, null, List.of(), null, List.of());
        CloudException refused = assertThrows(CloudException.class, () -> world.requests.request(world.context(),
                new SpotRequestSpec(null, "100", 1, null, null, null, p5, List.of(), null)));
        assertEquals("Unsupported", refused.code().code());
        assertTrue(refused.getMessage().contains("choosing " + SpotWorld.REGION + "a"), refused.getMessage());
    }

    @Test
    void withoutAZoneAMaximumBelowEveryZonesPriceIsPriceTooLowNotCapacity() {
        world.market.evaluate();
        SpotRequest made = world.requests.request(world.context(), new SpotRequestSpec(null, "0.001", 1, null, null,
                null, SpotWorld.spec(null), List.of(), null)).get(0);
        SpotRequest now = describe(made.id());
        assertEquals("open", now.state());
        assertEquals("price-too-low", now.statusCode(), "zones have room; the price is what stands in the way");
    }

    @Test
    void aFullZoneHoldsTheRequestAsCapacityNotAvailable() {
        world.market.evaluate();
        world.onDemand(4);
        SpotRequest now = describe(request(null).get(0).id());
        assertEquals("open", now.state());
        assertEquals("capacity-not-available", now.statusCode());
    }

    @Test
    void aRequestWithoutValidUntilIsValidForSevenDaysThenExpires() {
        world.market.evaluate();
        world.onDemand(4);
        SpotRequest made = request(null).get(0);
        assertEquals(made.createTime().plus(java.time.Duration.ofDays(7)), made.validUntil());
        world.clock.advance(java.time.Duration.ofDays(7));
        world.requests.fulfillOpen();
        assertEquals("schedule-expired", describe(made.id()).statusCode());
        assertThrows(dev.gureum.core.error.CloudException.class, () -> world.requests.request(world.context(),
                new SpotRequestSpec(null, null, 1, world.clock.now().minusSeconds(1), null, null,
                        SpotWorld.spec(SpotWorld.ZONE), List.of(), null)), "a start in the past is refused");
    }

    @Test
    void requestsAreFoundByTheirLaunchSpecificationsGroupsAndDevices() {
        LaunchRequest plain = SpotWorld.spec(SpotWorld.ZONE);
        LaunchRequest withDevice = new LaunchRequest(plain.imageId(), plain.instanceType(), 1, 1, null, null,
                SpotWorld.ZONE, null, null, null, null, null, null, null, null, List.of(),
                new dev.gureum.core.network.LaunchNetwork(null, List.of("sg-0123456789abcdef0"), List.of(), null, null),
                List.of(new dev.gureum.core.image.BlockDevice("/dev/sdf", null, 2, "gp3", true, null, null, null, null,
                        false)));
        String deviced = world.requests.request(world.context(), new SpotRequestSpec(null, null, 1, null, null, null,
                withDevice, List.of(), null)).get(0).id();
        request(null);
        assertEquals(List.of(deviced), found("launch.block-device-mapping.device-name", "/dev/sdf"));
        assertEquals(List.of(deviced), found("launch.block-device-mapping.volume-size", "2"));
        assertEquals(List.of(deviced), found("launch.group-id", "sg-0123456789abcdef0"));
        assertEquals(List.of(), found("network-interface.group-id", "sg-0123456789abcdef0"),
                "the groups were given at the top, not in an interface entry");
        assertEquals(List.of(), found("fault-code", "*"));
    }

    private List<String> found(String filter, String value) {
        return world.requests.describe(world.context(), List.of(), List.of(new dev.gureum.core.filter.Filter(filter,
                List.of(value))), null, null).items().stream().map(SpotRequest::id).toList();
    }

    @Test
    void aFullHostHoldsTheRequestAsCapacityNotAvailableThoughTheZoneHasRoom() {
        world.market.evaluate();
        world.runtime.capacity = java.util.Optional.of(new dev.gureum.core.runtime.HostCapacity(2, 1_000_000));
        world.onDemand(1);
        SpotRequest now = describe(request(null).get(0).id());
        assertEquals("open", now.state());
        assertEquals("capacity-not-available", now.statusCode());
        assertNull(now.instanceId());
    }

    @Test
    void onDemandTakesTheCapacityBackWithATwoMinuteNotice() throws InterruptedException {
        world.market.evaluate();
        SpotRequest made = request(null).get(0);
        String spotId = describe(made.id()).instanceId();
        world.observe(spotId, InstanceEvent.OBSERVED_RUNNING);
        world.onDemand(3);
        Instant noticeTime = world.clock.now();
        world.onDemand(1);
        assertEquals(1, world.warnings.size(), "the fourth on-demand instance needs the Spot Instance's vCPUs");
        InterruptionWarning warning = world.warnings.get(0);
        assertEquals(spotId, warning.instanceId());
        assertEquals("terminate", warning.action());
        assertEquals(noticeTime.plus(Duration.ofMinutes(2)), warning.actionTime());
        assertTrue(warning.eventJson().contains("\"detail-type\": \"EC2 Spot Instance Interruption Warning\""));
        assertTrue(warning.eventJson().contains("\"source\": \"aws.ec2\""));
        assertEquals("instance-terminated-no-capacity", describe(made.id()).statusCode(),
                "to be terminated for capacity: the status says so at once (EC2's status table)");
        assertEquals("closed", describe(made.id()).state());
        assertEquals(spotId, describe(made.id()).instanceId(), "a one-time request keeps its instance");
        assertTrue(world.interruptions.warning(SpotWorld.ACCOUNT, SpotWorld.REGION, spotId).orElseThrow()
                .instanceActionDocument().startsWith("{\"action\": \"terminate\", \"time\": \""));
        world.clock.advance(Duration.ofSeconds(119));
        assertEquals(0, world.interruptions.interruptDue(), "the notice has a second to go");
        assertEquals(InstanceState.RUNNING, world.current(spotId).state());
        world.clock.advance(Duration.ofSeconds(1));
        awaitState(spotId, InstanceState.SHUTTING_DOWN);
        assertEquals("Server.SpotInstanceTermination", world.current(spotId).stateReason().code());
        SpotRequest after = describe(made.id());
        assertEquals("closed", after.state());
        assertEquals("instance-terminated-no-capacity", after.statusCode());
        assertEquals(List.of(), spotLines(spotId, noticeTime.minus(Duration.ofHours(1))),
                "EC2 interrupted it in its first hour: no charge, not even the minute");
    }

    @Test
    void aPersistentRequestWhoseInstanceIsTerminatedForCapacityIsOpenAgainAtOnceAndKeepsNoStaleInstance()
            throws InterruptedException {
        world.market.evaluate();
        SpotRequest made = world.requests.request(world.context(), new SpotRequestSpec(SpotRequest.PERSISTENT, null, 1,
                null, null, "terminate", SpotWorld.spec(SpotWorld.ZONE), List.of(), null)).get(0);
        String spotId = describe(made.id()).instanceId();
        world.observe(spotId, InstanceEvent.OBSERVED_RUNNING);
        world.onDemand(4);
        SpotRequest marked = describe(made.id());
        assertEquals("instance-terminated-no-capacity", marked.statusCode());
        assertEquals("open", marked.state());
        assertNull(marked.instanceId(), "open again, without the instance that is going");
        world.requests.fulfillOpen();
        assertEquals("capacity-not-available", describe(made.id()).statusCode(), "the zone is full");
        world.clock.advance(Duration.ofMinutes(2));
        world.interruptions.interruptDue();
        awaitState(spotId, InstanceState.SHUTTING_DOWN);
        SpotRequest after = describe(made.id());
        assertEquals("open", after.state());
        assertNull(after.instanceId());
    }

    @Test
    void anInterruptionAfterTheFirstHourIsBilledPerSecond() throws InterruptedException {
        Instant start = world.clock.now();
        world.market.evaluate();
        SpotRequest made = request(null).get(0);
        String spotId = describe(made.id()).instanceId();
        world.observe(spotId, InstanceEvent.OBSERVED_RUNNING);
        world.clock.advance(Duration.ofMinutes(90));
        world.onDemand(4);
        world.clock.advance(Duration.ofMinutes(2));
        awaitState(spotId, InstanceState.SHUTTING_DOWN);
        BigDecimal total = spotLines(spotId, start).stream().map(LineItem::unblendedCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(cost("0.0031", 3600).add(cost("0.0031", 1920)), total,
                "92 minutes at the floor price, cut at the clock hour");
    }

    @Test
    void aPersistentRequestStopsItsInstanceAndStartsItAgainWhenRoomReturns() throws InterruptedException {
        world.market.evaluate();
        SpotRequest made = world.requests.request(world.context(), new SpotRequestSpec(SpotRequest.PERSISTENT, null, 1,
                null, null, "stop", SpotWorld.spec(SpotWorld.ZONE), List.of(), null)).get(0);
        String spotId = describe(made.id()).instanceId();
        world.observe(spotId, InstanceEvent.OBSERVED_RUNNING);
        world.onDemand(3);
        List<Instance> fourth = world.onDemand(1);
        assertEquals("stop", world.warnings.get(0).action());
        assertEquals("marked-for-stop", describe(made.id()).statusCode());
        world.clock.advance(Duration.ofMinutes(2));
        awaitState(spotId, InstanceState.STOPPING);
        assertEquals("Server.SpotInstanceShutdown", world.current(spotId).stateReason().code());
        world.observe(spotId, InstanceEvent.OBSERVED_STOPPED);
        assertEquals("disabled", describe(made.id()).state());
        assertEquals("instance-stopped-no-capacity", describe(made.id()).statusCode());
        world.requests.fulfillOpen();
        assertEquals(InstanceState.STOPPED, world.current(spotId).state(), "the zone is still full");
        assertEquals("UnsupportedOperation", org.junit.jupiter.api.Assertions.assertThrows(
                dev.gureum.core.error.CloudException.class, () -> world.commands.apply(world.context(),
                        List.of(spotId), InstanceEvent.START)).code().code(), "only EC2 restarts what it interrupted");
        world.commands.apply(world.context(), List.of(fourth.get(0).id()), InstanceEvent.TERMINATE);
        world.observe(fourth.get(0).id(), InstanceEvent.OBSERVED_GONE);
        world.requests.fulfillOpen();
        assertEquals(InstanceState.PENDING, world.current(spotId).state(), "started again, the same instance");
        assertEquals("active", describe(made.id()).state());
        assertEquals("fulfilled", describe(made.id()).statusCode());
        assertTrue(!world.current(spotId).spot().marked(), "its notice is withdrawn");
    }

    @Test
    void aValidUntilInThePastIsRefusedByRunInstancesAsByRequestSpotInstances() {
        world.market.evaluate();
        java.time.Instant past = world.clock.now().minus(Duration.ofDays(1));
        assertEquals("InvalidParameterValue", org.junit.jupiter.api.Assertions.assertThrows(
                dev.gureum.core.error.CloudException.class, () -> world.requests.runInstances(world.context(),
                        SpotWorld.spec(SpotWorld.ZONE), null, SpotRequest.PERSISTENT, "stop", past, List.of()))
                .code().code());
        assertEquals("InvalidParameterValue", org.junit.jupiter.api.Assertions.assertThrows(
                dev.gureum.core.error.CloudException.class, () -> world.requests.request(world.context(),
                        new SpotRequestSpec(SpotRequest.PERSISTENT, null, 1, null, past, "stop",
                                SpotWorld.spec(SpotWorld.ZONE), List.of(), null))).code().code());
    }

    @Test
    void aRepeatedClientTokenAnswersTheSameRequests() {
        world.market.evaluate();
        SpotRequestSpec spec = new SpotRequestSpec(null, "0.05", 2, null, null, null, SpotWorld.spec(SpotWorld.ZONE),
                List.of(), "token-1");
        List<String> first = world.requests.request(world.context(), spec).stream().map(SpotRequest::id).toList();
        List<SpotRequest> again = world.requests.request(world.context(), spec);
        assertEquals(first, again.stream().map(SpotRequest::id).toList());
        assertEquals(List.of("active", "active"), again.stream().map(SpotRequest::state).toList(),
                "as they are now, not as they were made");
        dev.gureum.core.error.CloudException mismatch = org.junit.jupiter.api.Assertions.assertThrows(
                dev.gureum.core.error.CloudException.class, () -> world.requests.request(world.context(),
                        new SpotRequestSpec(null, "0.06", 2, null, null, null, SpotWorld.spec(SpotWorld.ZONE),
                                List.of(), "token-1")));
        assertEquals("IdempotentParameterMismatch", mismatch.code().code());
    }

    @Test
    void aOneTimeSpotInstanceCannotBeStoppedByItsOwner() {
        world.market.evaluate();
        String spotId = describe(request(null).get(0).id()).instanceId();
        world.observe(spotId, InstanceEvent.OBSERVED_RUNNING);
        dev.gureum.core.error.CloudException refused = org.junit.jupiter.api.Assertions.assertThrows(
                dev.gureum.core.error.CloudException.class,
                () -> world.commands.apply(world.context(), List.of(spotId), InstanceEvent.STOP));
        assertEquals("UnsupportedOperation", refused.code().code());
    }

    @Test
    void anOwnerStoppingAPersistentRequestsInstanceMarksItForStopThenDisablesTheRequest() {
        world.market.evaluate();
        SpotRequest made = world.requests.request(world.context(), new SpotRequestSpec(SpotRequest.PERSISTENT, null, 1,
                null, null, "stop", SpotWorld.spec(SpotWorld.ZONE), List.of(), null)).get(0);
        String spotId = describe(made.id()).instanceId();
        world.observe(spotId, InstanceEvent.OBSERVED_RUNNING);
        world.commands.apply(world.context(), List.of(spotId), InstanceEvent.STOP);
        assertEquals("marked-for-stop", describe(made.id()).statusCode(), "while it stops");
        assertEquals("active", describe(made.id()).state());
        world.observe(spotId, InstanceEvent.OBSERVED_STOPPED);
        assertEquals("instance-stopped-by-user", describe(made.id()).statusCode());
        assertEquals("disabled", describe(made.id()).state());
    }

    private List<LineItem> spotLines(String spotId, Instant from) {
        return world.bills.lineItems(SpotWorld.ACCOUNT, from, from.plus(Duration.ofHours(4)), Granularity.HOURLY)
                .stream().filter(item -> item.resourceId().equals(spotId)).toList();
    }

    @Test
    void aPriceAboveTheMaximumInterruptsTheInstance() throws InterruptedException {
        world.market.evaluate();
        SpotRequest made = request("0.0045").get(0);
        String spotId = describe(made.id()).instanceId();
        world.observe(spotId, InstanceEvent.OBSERVED_RUNNING);
        world.onDemand(3);
        world.clock.advance(Duration.ofMinutes(5));
        world.market.evaluate();
        assertEquals(List.of(), world.warnings, "$0.0042 (0.35 + 0.05 demand) is within the maximum");
        world.clock.advance(Duration.ofMinutes(5));
        world.market.evaluate();
        assertEquals(1, world.warnings.size(), "$0.0052 (0.40 + 0.10 demand) is above it");
        assertEquals("marked-for-termination", describe(made.id()).statusCode());
        assertEquals("active", describe(made.id()).state(), "its instance still runs through the notice");
        world.clock.advance(Duration.ofMinutes(2));
        awaitState(spotId, InstanceState.SHUTTING_DOWN);
        assertEquals("instance-terminated-by-price", describe(made.id()).statusCode());
    }

    @Test
    void spotTimeIsBilledAtThePriceInForceForEachPartOfTheRun() {
        Instant start = world.clock.now();
        world.market.evaluate();
        SpotRequest made = request(null).get(0);
        String spotId = describe(made.id()).instanceId();
        world.observe(spotId, InstanceEvent.OBSERVED_RUNNING);
        world.onDemand(3);
        world.clock.advance(Duration.ofMinutes(5));
        List<PriceLevel> changed = world.market.evaluate();
        assertTrue(changed.stream().anyMatch(level -> level.zone().equals(SpotWorld.ZONE)));
        world.clock.advance(Duration.ofMinutes(10));
        world.commands.apply(world.context(), List.of(spotId), InstanceEvent.TERMINATE);
        List<LineItem> spot = world.bills.lineItems(SpotWorld.ACCOUNT, start, start.plus(Duration.ofHours(1)),
                Granularity.HOURLY).stream().filter(item -> item.resourceId().equals(spotId)).toList();
        assertEquals(List.of("SpotUsage:t3.micro"), spot.stream().map(LineItem::usageType).distinct().toList());
        assertEquals(List.of("Spot Instances"), spot.stream().map(CostDimension.PURCHASE_TYPE::valueOf).distinct()
                .toList());
        BigDecimal total = spot.stream().map(LineItem::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(cost("0.0031", 300).add(cost("0.0042", 600)), total,
                "five minutes at $0.0031 an hour, then ten at $0.0042 (zone 0.35 + 0.05 for the type's own demand)");
        assertEquals("instance-terminated-by-user", describe(made.id()).statusCode());
        assertEquals("closed", describe(made.id()).state());
    }

    @Test
    void aRestartedMarketReadsItsHistoryAndSplitsNothingTwice() {
        Instant start = world.clock.now();
        world.market.evaluate();
        String spotId = describe(request(null).get(0).id()).instanceId();
        world.observe(spotId, InstanceEvent.OBSERVED_RUNNING);
        world.onDemand(3);
        world.clock.advance(Duration.ofMinutes(5));
        world.market.evaluate();
        List<LineItem> before = spotLines(spotId, start);
        dev.gureum.core.spot.SpotMarket restarted = new dev.gureum.core.spot.SpotMarket(world.store, world.clock,
                world.regions, world.usage, SpotWorld.ZONE_VCPUS, (region, type) -> java.util.Optional.ofNullable(
                        SpotWorld.ON_DEMAND.get(type)), world.meter, type -> world.catalog.type(type).vcpus());
        assertEquals(new BigDecimal("0.3500"), restarted.level(SpotWorld.REGION, SpotWorld.ZONE));
        assertEquals(List.of(), restarted.evaluate(), "within five minutes of its last change a zone stays");
        assertEquals(before, spotLines(spotId, start), "the same line items: no period split or billed twice");
    }

    private static BigDecimal cost(String hourly, long seconds) {
        BigDecimal hours = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), MathContext.DECIMAL64);
        return new BigDecimal(hourly).multiply(hours, MathContext.DECIMAL64).setScale(10, RoundingMode.HALF_UP);
    }

    private void awaitState(String id, InstanceState state) throws InterruptedException {
        for (int attempt = 0; attempt < 200 && world.current(id).state() != state; attempt++) {
            Thread.sleep(10);
        }
        assertEquals(state, world.current(id).state());
    }

    private List<SpotRequest> request(String maxPrice) {
        return world.requests.request(world.context(), new SpotRequestSpec(null, maxPrice, 1, null, null, null,
                SpotWorld.spec(SpotWorld.ZONE), List.of(), null));
    }

    private SpotRequest describe(String id) {
        return world.requests.describe(world.context(), List.of(id), List.of(), null, null).items().get(0);
    }

    private BigDecimal price() {
        return world.market.current(SpotWorld.REGION, SpotWorld.ZONE, "t3.micro");
    }

    private Page<SpotPriceEntry> history(Instant start, Instant end, Integer maxResults) {
        return world.history.describe(SpotWorld.REGION, List.of("t3.micro"), List.of(), SpotWorld.ZONE, start, end,
                List.of(), maxResults, null);
    }
}
