package dev.gureum.core.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.core.share.Permissions;
import dev.gureum.core.storage.Snapshot;
import dev.gureum.core.storage.SnapshotState;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots cost the GB-months their stored bytes take, from their start until they are deleted: exact money. */
class SnapshotMeterTest {
    private static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");

    private final FakeStore store = new FakeStore();
    private final ManualClock clock = new ManualClock(NOVEMBER);
    private final SnapshotMeter meter = new SnapshotMeter(new Meter(store));
    private final Bills bills = new Bills(store, PriceCatalog.load(), clock);

    @Test
    void twoStoredGibibytesForHalfOfNovemberCostHalfOfTwoGbMonths() {
        Snapshot snapshot = new Snapshot("snap-0123456789abcdef0", "000000000000", null, "us-east-1",
                "vol-0123456789abcdef0", 100, "", NOVEMBER, SnapshotState.COMPLETED, false, null, Permissions.PRIVATE,
                List.of());
        WriteBatch stored = new WriteBatch();
        meter.stored(stored, snapshot, 2L << 30);
        store.apply(stored);
        clock.advance(Duration.ofDays(15));
        WriteBatch deleted = new WriteBatch();
        meter.released(deleted, snapshot, clock.now());
        store.apply(deleted);
        clock.advance(Duration.ofDays(10));

        MonthlyBill.Charge charge = bills.month("000000000000", YearMonth.of(2026, 11)).charges().get(0);
        assertEquals("EBS:SnapshotUsage", charge.usageType());
        assertEquals(0, BigDecimal.ONE.compareTo(charge.quantity()), "2 GiB for half a month, not the volume's 100");
        assertEquals(0, new BigDecimal("0.05").compareTo(charge.cost()), "$0.05 per GB-month");
    }
}
