package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.store.RecordKey;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

    @Test
    void asciiAndOtherNamesComeBackAsWritten() throws IOException {
        List<Change> changes = List.of(
                Change.put("instance", new RecordKey("000000000000", "us-east-1", "i-0123456789abcdef0"), 3, json("{}")),
                Change.put("kind-é", new RecordKey("계정", "us-east-1", "id-🙂"), 1, json("{\"a\":1}")),
                Change.remove("volume", new RecordKey("000000000000", "eu-west-1", "vol-1")));

        LogEntry.Batch decoded = (LogEntry.Batch) roundTrip(new LogEntry.Batch(changes));

        assertEquals(changes.size(), decoded.changes().size());
        for (int i = 0; i < changes.size(); i++) {
            Change expected = changes.get(i);
            Change actual = decoded.changes().get(i);
            assertEquals(List.of(expected.kind(), expected.key(), expected.version()),
                    List.of(actual.kind(), actual.key(), actual.version()));
            if (expected.isRemoval()) {
                assertNull(actual.json());
            } else {
                assertArrayEquals(expected.json(), actual.json());
            }
        }
    }

    @Test
    void sizeBoundsWhatWriteWritesInAnyScript() throws IOException {
        LogEntry.Batch batch = new LogEntry.Batch(List.of(
                Change.put("instance", new RecordKey("000000000000", "us-east-1", "i-1"), 1, json("{}")),
                Change.put("kind-é", new RecordKey("계정", "us-east-1", "id-\ud83c\udf29"), 2, json("{}"))),
                List.of(new LogEntry.LedgerBlock("usage-ledger", "계정", "ap-northeast-2",
                        List.of(new byte[] {3, 1}, new byte[0]))));
        ByteBuffer buffer = ByteBuffer.allocate(EntryCodec.size(batch));

        EntryCodec.write(batch, buffer);

        assertTrue(buffer.position() <= EntryCodec.size(batch));
        LogEntry.Batch read = (LogEntry.Batch) EntryCodec.decode(Arrays.copyOf(buffer.array(), buffer.position()));
        assertEquals(batch.changes().stream().map(Change::key).toList(), read.changes().stream().map(Change::key).toList());
        assertEquals("kind-é", read.changes().get(1).kind());
        LogEntry.LedgerBlock block = read.appended().getFirst();
        assertEquals(List.of("usage-ledger", "계정", "ap-northeast-2"), List.of(block.kind(), block.account(), block.region()));
        assertArrayEquals(new byte[] {3, 1}, block.entries().get(0));
        assertEquals(0, block.entries().get(1).length);
    }

    @Test
    void ledgerEntriesAnOlderLogWroteAsChangesAreReadAsBlocksInTheirOrder() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(4);
            legacyChange(out, "instance", "us-east-1", "i-1", 5, "{}");
            legacyChange(out, "usage-ledger", "us-east-1", "", -2, "a");
            legacyChange(out, "usage-ledger", "eu-west-1", "", -2, "b");
            legacyChange(out, "usage-ledger", "eu-west-1", "", -2, "c");
        }

        LogEntry.Batch read = (LogEntry.Batch) EntryCodec.decode(bytes.toByteArray());

        assertEquals(List.of(new RecordKey("000000000000", "us-east-1", "i-1")),
                read.changes().stream().map(Change::key).toList());
        assertEquals(List.of("us-east-1", "eu-west-1"), read.appended().stream().map(LogEntry.LedgerBlock::region).toList());
        assertEquals(List.of("b", "c"), read.appended().get(1).entries().stream()
                .map(entry -> new String(entry, StandardCharsets.UTF_8)).toList());
    }

    private static void legacyChange(DataOutputStream out, String kind, String region, String id, long version,
                                     String body) throws IOException {
        for (String name : List.of(kind, "000000000000", region, id)) {
            out.writeInt(name.length());
            out.write(name.getBytes(StandardCharsets.UTF_8));
        }
        out.writeLong(version);
        out.writeInt(body.length());
        out.write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static LogEntry roundTrip(LogEntry entry) throws IOException {
        ByteBuffer frame = Frames.frame(List.of(entry), null);
        return EntryCodec.decode(Arrays.copyOfRange(frame.array(), 8, frame.limit()));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
