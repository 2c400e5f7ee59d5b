package dev.gureum.core.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeState;
import dev.gureum.core.storage.VolumeType;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A volume's GiB, IOPS and throughput metered for a month at us-east-1 list prices: exact money. */
class VolumeMeterTest {
    private static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");

    private final FakeStore store = new FakeStore();
    private final ManualClock clock = new ManualClock(NOVEMBER);
    private final VolumeMeter meter = new VolumeMeter(new Meter(store));
    private final Bills bills = new Bills(store, PriceCatalog.load(), clock);

    @Test
    void gp3ChargesItsIopsAndThroughputAboveTheFreeBaseline() {
        provision(volume(VolumeType.GP3, 100, 6_000, 250));
        clock.advance(Duration.ofDays(30));

        assertEquals(Map.of("EBS:VolumeUsage.gp3", new BigDecimal("8.00"), "EBS:VolumeP-IOPS.gp3", new BigDecimal("15.00"),
                "EBS:VolumeP-Throughput.gp3", new BigDecimal("5.00")), costs(),
                "100 GiB × $0.08, 3,000 IOPS above 3,000 × $0.005, 125 MiB/s above 125 × $0.04, a whole month");
        MonthlyBill.Charge throughput = bills.month("000000000000", YearMonth.of(2026, 11)).charges().stream()
                .filter(charge -> charge.usageType().equals("EBS:VolumeP-Throughput.gp3")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("0.1220703125").compareTo(throughput.quantity().setScale(10,
                java.math.RoundingMode.HALF_UP)), "in AWS's unit, GiBps-mo: 125 / 1,024 of one for the month");
        assertEquals("GiBps-mo", throughput.unit());
    }

    @Test
    void io2ChargesItsIopsInThreeTiers() {
        provision(volume(VolumeType.IO2, 10, 70_000, null));
        clock.advance(Duration.ofDays(30));

        assertEquals(Map.of("EBS:VolumeUsage.io2", new BigDecimal("1.25"), "EBS:VolumeP-IOPS.io2", new BigDecimal("2080.00"),
                "EBS:VolumeP-IOPS.io2.tier2", new BigDecimal("1456.00"), "EBS:VolumeP-IOPS.io2.tier3",
                new BigDecimal("191.10")), costs(), "32,000 × $0.065, 32,000 × $0.0455, 6,000 × $0.03185");
    }

    @Test
    void aModificationEndsTheOldChargesAndStartsTheNewOnesWhereItHappens() {
        Volume baseline = volume(VolumeType.GP3, 100, 3_000, 125);
        provision(baseline);
        clock.advance(Duration.ofDays(15));
        Volume faster = volume(VolumeType.GP3, 100, 4_000, 125);
        WriteBatch batch = new WriteBatch();
        meter.reshaped(batch, baseline, faster, clock.now());
        store.apply(batch);
        clock.advance(Duration.ofDays(15));

        assertEquals(Map.of("EBS:VolumeUsage.gp3", new BigDecimal("8.00"), "EBS:VolumeP-IOPS.gp3", new BigDecimal("2.50")),
                costs(), "the size all month; 1,000 IOPS above the baseline for half of it");
        assertEquals(1, store.listAll(BillingRecords.OPEN).stream()
                .filter(open -> open.value().usageType().equals("EBS:VolumeUsage.gp3")).count(), "the size goes on");
    }

    @Test
    void aMeterThatIsOffRecordsNothing() {
        VolumeMeter off = new VolumeMeter(Meter.off(store));
        WriteBatch batch = new WriteBatch();
        off.provisioned(batch, volume(VolumeType.GP3, 100, 6_000, 250), clock.now());
        store.apply(batch);
        clock.advance(Duration.ofDays(30));

        assertEquals(Map.of(), costs(), "gureum serve --metering off: no usage, an empty bill");
        assertEquals(List.of(), store.listAll(BillingRecords.OPEN));
    }

    private void provision(Volume volume) {
        WriteBatch batch = new WriteBatch();
        meter.provisioned(batch, volume, clock.now());
        store.apply(batch);
    }

    private Map<String, BigDecimal> costs() {
        return bills.month("000000000000", YearMonth.of(2026, 11)).charges().stream()
                .collect(Collectors.toMap(MonthlyBill.Charge::usageType,
                        charge -> charge.cost().setScale(2, java.math.RoundingMode.HALF_UP)));
    }

    private static Volume volume(VolumeType type, int size, Integer iops, Integer throughput) {
        return new Volume("vol-0123456789abcdef0", "000000000000", "us-east-1", "us-east-1a", size, type, iops, throughput,
                false, null, null, false, NOVEMBER, VolumeState.AVAILABLE, List.of(), List.of(), false);
    }
}
