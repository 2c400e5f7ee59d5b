package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.billing.BillingRecords;
import dev.gureum.core.billing.InstanceMeter;
import dev.gureum.core.billing.PublicAddressMeter;
import dev.gureum.core.billing.UsageMigration;
import dev.gureum.core.billing.Bills;
import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import dev.gureum.core.billing.RateCard;
import dev.gureum.core.billing.StorageCharge;
import dev.gureum.core.billing.UsagePeriod;
import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.WriteBatch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Instance time metered from lifecycle transitions and priced per second, on the manual clock: exact money. */
class InstanceBillingTest {
    private static final BigDecimal T3_MICRO_HOURLY = new BigDecimal("0.0104");
    private static final RateCard RATES = new RateCard() {
        @Override
        public Optional<BigDecimal> instanceHourly(String region, String instanceType) {
            return "t3.micro".equals(instanceType) ? Optional.of(T3_MICRO_HOURLY) : Optional.empty();
        }

        @Override
        public Optional<BigDecimal> volumeGbMonth(String region, String volumeType) {
            return Optional.empty();
        }

        @Override
        public Optional<BigDecimal> publicIpv4Hourly(String region) {
            return Optional.of(IPV4_HOURLY);
        }

        @Override
        public Optional<BigDecimal> storage(String region, StorageCharge charge) {
            return Optional.empty();
        }
    };
    private static final BigDecimal IPV4_HOURLY = new BigDecimal("0.005");

    private final InstanceWorld world = new InstanceWorld();
    private final Bills bills = new Bills(world.store, RATES, world.clock);

    @Test
    void ninetySecondsOfRunningAreBilledAsNinetySeconds() {
        String id = runningInstance("t3.micro");
        world.clock.advance(Duration.ofSeconds(90));
        stop(id);
        world.clock.advance(Duration.ofHours(5));
        assertEquals(List.of(cost(90)), costs(id), "pending and stopped time are free");
    }

    @Test
    void anotherOperatingSystemsTimeIsMeteredWithoutLinuxsPrice() {
        LaunchRequest linux = InstanceWorld.request("t3.micro", 1, 1);
        String id = world.launches.launch(world.context(), new LaunchRequest(FakeLaunchCatalog.WINDOWS_IMAGE,
                "t3.micro", 1, 1, null, null, null, null, null, null, null, null, null, null, null, linux.instanceTags(),
                null, List.of())).get(0).id();
        world.observe(id, InstanceEvent.OBSERVED_RUNNING);
        world.clock.advance(Duration.ofSeconds(90));
        stop(id);
        List<LineItem> windows = items().stream().filter(item -> item.resourceId().equals(id)).toList();
        assertEquals(1, windows.size());
        assertEquals("BoxUsage:t3.micro", windows.get(0).usageType());
        assertEquals(0, new BigDecimal("0.025").compareTo(windows.get(0).usageQuantity()));
        assertNull(windows.get(0).unblendedCost(), "Windows' price is not known here: a gap, not Linux's price");
    }

    @Test
    void aThirtySecondRunIsBilledTheLinuxMinimumOfSixtySeconds() {
        String id = runningInstance("t3.micro");
        world.clock.advance(Duration.ofSeconds(30));
        stop(id);
        assertEquals(List.of(cost(60)), costs(id));
    }

    @Test
    void stopAndStartMakeTwoPeriodsEachWithItsOwnMinimum() {
        String id = runningInstance("t3.micro");
        world.clock.advance(Duration.ofSeconds(10));
        stop(id);
        world.clock.advance(Duration.ofMinutes(10));
        world.commands.apply(world.context(), List.of(id), InstanceEvent.START);
        world.observe(id, InstanceEvent.OBSERVED_RUNNING);
        world.clock.advance(Duration.ofSeconds(120));
        world.commands.apply(world.context(), List.of(id), InstanceEvent.TERMINATE);
        world.observe(id, InstanceEvent.OBSERVED_GONE);
        assertEquals(cost(60).add(cost(120)), costs(id).stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aStopAndAStartWriteNoUsageRecordOfTheirOwnOnlyLedgerEntries() {
        String id = runningInstance("t3.micro");
        int records = world.records.size();
        world.clock.advance(Duration.ofSeconds(70));
        stop(id);
        world.commands.apply(world.context(), List.of(id), InstanceEvent.START);
        world.observe(id, InstanceEvent.OBSERVED_RUNNING);
        assertEquals(records, world.records.size(), "the open running time and address ride in their records");
        List<UsagePeriod> closed = world.store.ledger(BillingRecords.LEDGER, InstanceWorld.ACCOUNT)
                .get(InstanceWorld.REGION).stream().map(UsagePeriod.class::cast).toList();
        assertEquals(List.of("BoxUsage:t3.micro", "USE1-PublicIPv4:InUseAddress"),
                closed.stream().map(UsagePeriod::usageType).sorted().toList());
        UsagePeriod run = closed.stream().filter(period -> period.usageType().startsWith("BoxUsage")).findFirst()
                .orElseThrow();
        assertEquals(70, Duration.between(run.start(), run.end()).toSeconds());
        assertEquals(List.of(run.end()), closed.stream().map(UsagePeriod::end).distinct().toList(),
                "the address, held since the launch, is given back with the stop");
    }

    @Test
    void aRunningInstanceIsBilledUpToNowAndARepeatedReportBillsNothingTwice() {
        String id = runningInstance("t3.micro");
        world.clock.advance(Duration.ofSeconds(45));
        world.observe(id, InstanceEvent.OBSERVED_RUNNING);
        assertEquals(List.of(cost(45)), costs(id), "open: the seconds so far, no minimum yet");
    }

    @Test
    void aTypeWithoutAKnownPriceShowsItsUsageWithoutACost() {
        String id = runningInstance("m7i.large");
        world.clock.advance(Duration.ofMinutes(2));
        stop(id);
        LineItem item = items().stream().filter(line -> line.usageType().startsWith("BoxUsage")).findFirst()
                .orElseThrow();
        assertEquals("BoxUsage:m7i.large", item.usageType());
        assertEquals(0, new BigDecimal("2").divide(new BigDecimal("60"), java.math.MathContext.DECIMAL64)
                .compareTo(item.usageQuantity()));
        assertNull(item.unblendedCost(), "a missing price is a visible gap, not a zero");
    }

    @Test
    void usageIsCutAtHourBoundaries() {
        world.clock.advance(Duration.ofMinutes(59).minusSeconds(7));
        String id = runningInstance("t3.micro");
        assertEquals(Instant.parse("2026-11-29T10:59:00Z"), world.clock.now());
        world.clock.advance(Duration.ofMinutes(2));
        stop(id);
        List<LineItem> hourly = bills.lineItems(InstanceWorld.ACCOUNT, Instant.EPOCH, world.clock.now().plusSeconds(1),
                Granularity.HOURLY);
        assertEquals(List.of(cost(60), cost(60)), hourly.stream().filter(item -> item.usageType().startsWith("BoxUsage"))
                .map(LineItem::unblendedCost).toList());
    }

    @Test
    void aRunCutAtABoundaryOffTheWholeSecondIsBilledItsWholeSecondsAndItsMinimum() {
        world.clock.advance(Duration.ofMinutes(59).plusSeconds(23).plusMillis(343));
        String id = runningInstance("t3.micro");
        assertEquals(Instant.parse("2026-11-29T10:59:30.343Z"), world.clock.now());
        world.clock.advance(Duration.ofSeconds(50));
        stop(id);
        List<LineItem> hourly = bills.lineItems(InstanceWorld.ACCOUNT, Instant.EPOCH, world.clock.now().plusSeconds(1),
                Granularity.HOURLY).stream().filter(item -> item.usageType().startsWith("BoxUsage")).toList();
        assertEquals(2, hourly.size(), "cut at the hour");
        assertEquals(0, hourly.stream().map(LineItem::usageQuantity).reduce(BigDecimal.ZERO, BigDecimal::add)
                .multiply(BigDecimal.valueOf(3600)).setScale(6, java.math.RoundingMode.HALF_UP)
                .compareTo(BigDecimal.valueOf(60)),
                "50 s (29.657 + 20.343, rounded down apiece they made 49) and the minimum's 10: " + hourly);
    }

    @Test
    void aPublicAddressIsBilledPerSecondFromLaunchUntilTheStopGivesItBack() {
        String id = runningInstance("t3.micro");
        world.clock.advance(Duration.ofMinutes(90));
        stop(id);
        world.clock.advance(Duration.ofHours(3));
        List<LineItem> addresses = items().stream().filter(item -> item.usageType().contains("PublicIPv4")).toList();
        assertEquals(List.of("USE1-PublicIPv4:InUseAddress"), addresses.stream().map(LineItem::usageType).toList());
        BigDecimal seconds = BigDecimal.valueOf(7 + 90 * 60);
        assertEquals(IPV4_HOURLY.multiply(seconds).divide(BigDecimal.valueOf(3600), java.math.MathContext.DECIMAL64)
                .setScale(10, java.math.RoundingMode.HALF_UP), addresses.get(0).unblendedCost(),
                "held from the launch (pending included), given back at the stop");
    }

    @Test
    void usageADataDirectoryRecordedBeforeTheLedgerMovesIntoTodaysPlacesOnce() {
        String id = runningInstance("t3.micro");
        world.clock.advance(Duration.ofSeconds(100));
        List<LineItem> expected = items();
        // the layout before the ledger: open periods as usage-open records, closed ones as usage records
        var instance = world.store.get(InstanceRecords.INSTANCES, new RecordKey(InstanceWorld.ACCOUNT,
                InstanceWorld.REGION, id)).orElseThrow();
        var claim = world.store.listAll(NetworkRecords.PUBLIC_ADDRESSES).get(0);
        UsagePeriod run = InstanceMeter.openPeriod(instance.value());
        UsagePeriod held = PublicAddressMeter.openPeriod(InstanceWorld.REGION, claim.value());
        UsagePeriod earlier = new UsagePeriod("i-0000000000000000e", "BoxUsage:t3.micro",
                UsagePeriod.PricedAs.INSTANCE_HOURS, "t3.micro", "OnDemand", "us-east-1a", 1,
                world.clock.now().minusSeconds(3600), world.clock.now().minusSeconds(3000), 60);
        world.store.apply(new WriteBatch()
                .put(InstanceRecords.INSTANCES, instance.key(), instance.version(), instance.value().withUsage(null))
                .put(NetworkRecords.PUBLIC_ADDRESSES, claim.key(), claim.version(),
                        new NetworkRecords.AddressClaim(claim.value().holderId(), null, false, null))
                .put(BillingRecords.OPEN, new RecordKey(InstanceWorld.ACCOUNT, InstanceWorld.REGION, "run"),
                        WriteBatch.ABSENT, run)
                .put(BillingRecords.OPEN, new RecordKey(InstanceWorld.ACCOUNT, InstanceWorld.REGION, "held"),
                        WriteBatch.ABSENT, held)
                .put(RecordKind.of("usage", UsagePeriod.class), new RecordKey(InstanceWorld.ACCOUNT,
                        InstanceWorld.REGION, "earlier"), WriteBatch.ABSENT, earlier));

        assertEquals(3, UsageMigration.run(world.store, world.clock.now()));
        assertEquals(0, UsageMigration.run(world.store, world.clock.now()), "once");
        List<LineItem> migrated = items();
        assertEquals(expected.size() + 1, migrated.size());
        assertTrue(migrated.containsAll(expected), "the open periods bill as before: " + migrated);
        assertEquals(List.of(cost(600)), costs("i-0000000000000000e"));
        world.clock.advance(Duration.ofSeconds(20));
        stop(id);
        assertEquals(List.of(cost(120)), costs(id), "the moved running time closes with the stop");
    }

    private String runningInstance(String type) {
        String id = world.launches.launch(world.context(), InstanceWorld.request(type, 1, 1)).get(0).id();
        world.clock.advance(Duration.ofSeconds(7));
        world.observe(id, InstanceEvent.OBSERVED_RUNNING);
        return id;
    }

    private void stop(String id) {
        world.commands.apply(world.context(), List.of(id), InstanceEvent.STOP);
        world.observe(id, InstanceEvent.OBSERVED_STOPPED);
    }

    private List<LineItem> items() {
        return bills.lineItems(InstanceWorld.ACCOUNT, Instant.EPOCH, world.clock.now().plusSeconds(1),
                Granularity.MONTHLY);
    }

    private List<BigDecimal> costs(String id) {
        return items().stream().filter(item -> item.resourceId().equals(id)).map(LineItem::unblendedCost).toList();
    }

    @Test
    void volumesAreBilledByTheGibMonthWhetherTheirInstanceRunsOrNot() {
        String id = runningInstance("t3.micro");
        stop(id);
        world.clock.advance(Duration.ofDays(1));
        LineItem root = items().stream().filter(item -> item.usageType().equals("EBS:VolumeUsage.gp3")).findFirst()
                .orElseThrow();
        long seconds = Duration.ofDays(1).toSeconds() + 7;
        BigDecimal expected = BigDecimal.valueOf(8L * seconds).divide(BigDecimal.valueOf(30L * 86_400),
                java.math.MathContext.DECIMAL64);
        assertEquals(0, expected.compareTo(root.usageQuantity()), "8 GiB for a day and 7 s of a 30-day month, from its creation at launch");
    }

    private static BigDecimal cost(long seconds) {
        return T3_MICRO_HOURLY.multiply(BigDecimal.valueOf(seconds)).divide(BigDecimal.valueOf(3600),
                java.math.MathContext.DECIMAL64).setScale(10, java.math.RoundingMode.HALF_UP);
    }
}
