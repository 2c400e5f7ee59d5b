package dev.gureum.core.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
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
    void everyEntryReadsBackEqualToWhatWasWritten() throws IOException {
        List<UsageEntry> entries = List.of(period("i-0123456789abcdef0", "SpotUsage:c7i.large", START, "us-east-1a"),
                period("eipalloc-1", "USE1-PublicIPv4:IdleAddress", START, null),
                period("vol-\u00fcber-\u4e91-\ud83c\udf29-\u0000", "EBS:VolumeUsage.gp3", START, "z\u00e9"),
                new UsagePeriod("vol-1", "EBS:VolumeUsage.gp3", UsagePeriod.PricedAs.VOLUME_GIB_MONTHS, "gp3", "OnDemand",
                        "eu-west-1b", 16_384, START, START.plusSeconds(86_400 * 40L), 0),
                new UsageWaiver("i-0123456789abcdef0", "SpotUsage:c7i.large", START.minusNanos(1)),
                period("i-0123456789abcdef0", "SpotUsage:c7i.large", START.minusSeconds(5), "us-east-1a"));
        byte[] block = codec.encode(entries);
        assertEquals(entries, codec.decode(block));
        for (UsageEntry entry : entries) {
            assertEquals(List.of(entry), codec.decode(codec.encode(List.of(entry))));
            assertEquals(List.of(entry), codec.decode(dataOutput(entry)), "an entry of the first layout still reads");
        }
        assertThrows(IllegalArgumentException.class, () -> codec.decode(new byte[] {9}));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(List.of(
                new UsagePeriod("i-1", "BoxUsage:t3.micro", UsagePeriod.PricedAs.INSTANCE_HOURS, "t3.micro", "OnDemand",
                        "us-east-1a", 1, START, null, 60))), "an open period has no place in the ledger");
    }

    @Test
    void aStopOfAHundredInstancesTakesAboutThirtyBytesAPeriod() {
        List<UsageEntry> stops = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Instant start = START.plusNanos(1_700L * i);
            stops.add(new UsagePeriod("i-0123456789abcd%03d".formatted(i), "BoxUsage:t3.micro",
                    UsagePeriod.PricedAs.INSTANCE_HOURS, "t3.micro", "OnDemand", "us-east-1a", 1, start,
                    start.plusSeconds(3_600).plusNanos(900L * i), 60));
        }
        byte[] block = codec.encode(stops);
        assertEquals(stops, codec.decode(block));
        assertTrue(block.length < 30 * 100 + 100, block.length + " bytes");
    }

    @Test
    void numbersOfAnySignAndInstantsAtTheEndsOfTimeReadBack() {
        List<UsageEntry> odd = List.of(
                new UsagePeriod("r", "u", UsagePeriod.PricedAs.STORED_BYTE_MONTHS, "", "OnDemand", null,
                        Long.MIN_VALUE, Instant.MIN, Instant.MAX, Long.MAX_VALUE),
                new UsagePeriod("r", "u", UsagePeriod.PricedAs.STORED_BYTE_MONTHS, null, "OnDemand", "z", -1,
                        Instant.MAX, Instant.MIN, -1));
        assertEquals(odd, codec.decode(codec.encode(odd)));
    }

    /** The same fields as the first layout (tags 1 and 2) wrote them, with a {@link DataOutputStream}. */
    private static byte[] dataOutput(UsageEntry entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            switch (entry) {
                case UsagePeriod period -> {
                    out.writeByte(1);
                    for (String text : List.of(period.resourceId(), period.usageType(), period.pricedAs().name(),
                            period.sku(), period.purchaseOption())) {
                        out.writeUTF(text);
                    }
                    out.writeBoolean(period.availabilityZone() != null);
                    if (period.availabilityZone() != null) {
                        out.writeUTF(period.availabilityZone());
                    }
                    out.writeLong(period.quantity());
                    for (Instant instant : List.of(period.start(), period.end())) {
                        out.writeLong(instant.getEpochSecond());
                        out.writeInt(instant.getNano());
                    }
                    out.writeLong(period.minimumSeconds());
                }
                case UsageWaiver waiver -> {
                    out.writeByte(2);
                    out.writeUTF(waiver.resourceId());
                    out.writeUTF(waiver.usageType());
                    out.writeLong(waiver.since().getEpochSecond());
                    out.writeInt(waiver.since().getNano());
                }
            }
        }
        return bytes.toByteArray();
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
