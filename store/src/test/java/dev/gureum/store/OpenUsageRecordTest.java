package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.usage.OpenUsage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An open usage stretch in its record: an array of its fields, and the object of them that older records hold. */
class OpenUsageRecordTest {
    private static final Instant SINCE = Instant.parse("2026-11-30T05:43:02.927593524Z");
    private final RecordCodec codec = new RecordCodec();

    @Test
    void aStretchIsStoredAsAnArrayOfItsFields() {
        assertEquals("{\"holderId\":\"eni-1\",\"account\":\"000000000000\",\"inUse\":true,"
                + "\"usage\":[\"2026-11-30T05:43:02.927593524Z\",null,0]}", json(claim(new OpenUsage(SINCE, null, 0))));
        assertEquals("[\"2026-11-30T05:43:02.927593524Z\",\"0.0123\",17]", usageJson(new OpenUsage(SINCE, "0.0123", 17)));
    }

    @Test
    void everyStretchReadsBack() {
        for (OpenUsage usage : new OpenUsage[] {new OpenUsage(SINCE, null, 0), new OpenUsage(SINCE, null, 60),
                new OpenUsage(SINCE, "0.0123", 17), new OpenUsage(SINCE, "m7i.large-spot", 0),
                new OpenUsage(Instant.parse("+10000-01-01T00:00:00Z"), "a b+1s", 5),
                new OpenUsage(Instant.EPOCH, "", 0)}) {
            NetworkRecords.AddressClaim claim = claim(usage);
            assertEquals(claim, codec.decode(codec.encode(claim), NetworkRecords.AddressClaim.class));
        }
        byte[] startless = "{\"holderId\":\"eni-1\",\"usage\":[null,null,0]}".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class, () -> codec.decode(startless, NetworkRecords.AddressClaim.class));
    }

    @Test
    void aRecordWrittenBeforeTheTextFormStillReads() {
        byte[] older = ("{\"holderId\":\"eni-1\",\"account\":\"000000000000\",\"inUse\":true,\"usage\":{\"since\":"
                + "\"2026-11-30T05:43:02.927593524Z\",\"sku\":\"0.0123\",\"minimumSeconds\":60}}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(claim(new OpenUsage(SINCE, "0.0123", 60)), codec.decode(older, NetworkRecords.AddressClaim.class));
        byte[] withoutSku = ("{\"holderId\":\"eni-1\",\"account\":\"000000000000\",\"inUse\":true,\"usage\":{\"since\":"
                + "\"2026-11-30T05:43:02.927593524Z\",\"minimumSeconds\":0}}").getBytes(StandardCharsets.UTF_8);
        assertEquals(claim(new OpenUsage(SINCE, null, 0)), codec.decode(withoutSku, NetworkRecords.AddressClaim.class));
    }

    private static NetworkRecords.AddressClaim claim(OpenUsage usage) {
        return new NetworkRecords.AddressClaim("eni-1", "000000000000", true, usage);
    }

    private String json(Object value) {
        String json = new String(codec.encode(value), StandardCharsets.UTF_8);
        assertEquals(new String(RecordCodec.jackson(value), StandardCharsets.UTF_8), json, "as Jackson writes it");
        return json;
    }

    private String usageJson(OpenUsage usage) {
        String json = json(claim(usage));
        return json.substring(json.indexOf("\"usage\":") + "\"usage\":".length(), json.length() - 1);
    }
}
