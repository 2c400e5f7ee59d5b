package dev.gureum.core.billing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The usage ledger's entries: their bytes, and which closed periods still bill after the waivers. */
class UsageLedgerTest {
    private static final Instant START = Instant.parse("2026-11-30T01:02:03.456789012Z");
    private final UsageEntryCodec codec = new UsageEntryCodec();

    private static UsagePeriod period(String resource, String usageType, Instant start, String zone) {
        return new UsagePeriod(resource, usageType, UsagePeriod.PricedAs.SPOT_HOURS, "0.0123", "Spot", zone, 1, start,
                start.plusSeconds(30), 60);
    }

    @Test
    void everyEntryReadsBackEqualToWhatWasWritten() {
        List<UsageEntry> entries = List.of(period("i-0123456789abcdef0", "SpotUsage:c7i.large", START, "us-east-1a"),
                period("eipalloc-1", "USE1-PublicIPv4:IdleAddress", START, null),
                new UsagePeriod("vol-1", "EBS:VolumeUsage.gp3", UsagePeriod.PricedAs.VOLUME_GIB_MONTHS, "gp3", "OnDemand",
                        "eu-west-1b", 16_384, START, START.plusSeconds(86_400 * 40L), 0),
                new UsageWaiver("i-0123456789abcdef0", "SpotUsage:c7i.large", START.minusNanos(1)));
        for (UsageEntry entry : entries) {
            byte[] bytes = codec.encode(entry);
            assertEquals(entry, codec.decode(bytes));
            assertArrayEquals(bytes, codec.encode(codec.decode(bytes)));
        }
        assertThrows(IllegalArgumentException.class, () -> codec.decode(new byte[] {9}));
    }

    @Test
    void aWaiverTakesBackOnlyTheMatchingPeriodsClosedBeforeIt() {
        UsagePeriod early = period("i-1", "SpotUsage:c7i.large", START.minusSeconds(10), "us-east-1a");
        UsagePeriod first = period("i-1", "SpotUsage:c7i.large", START, "us-east-1a");
        UsagePeriod otherType = period("i-1", "USE1-PublicIPv4:InUseAddress", START, null);
        UsagePeriod otherInstance = period("i-2", "SpotUsage:c7i.large", START, "us-east-1a");
        UsagePeriod after = period("i-1", "SpotUsage:c7i.large", START.plusSeconds(100), "us-east-1a");
        List<UsagePeriod> charged = Bills.charged(List.of(early, first, otherType, otherInstance,
                new UsageWaiver("i-1", "SpotUsage:c7i.large", START), after));
        assertEquals(List.of(early, otherType, otherInstance, after), charged);
    }
}
