package dev.gureum.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's ledger appends, grouped by ledger as they come. */
class WriteBatchTest {
    private static final LedgerKind<String> NOTES = LedgerKind.of("notes", String.class, new LedgerKind.Codec<>() {
        @Override
        public byte[] encode(List<String> entries) {
            return String.join("\n", entries).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public List<String> decode(byte[] bytes) {
            return List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
        }
    });

    @Test
    void appendsAreGroupedPerLedgerInTheOrderEachWasFirstAppendedTo() {
        WriteBatch batch = new WriteBatch()
                .append(NOTES, "111122223333", "us-east-1", "a")
                .append(NOTES, "111122223333", "eu-west-1", "b")
                .append(NOTES, "111122223333", "us-east-1", "c")
                .append(NOTES, "444455556666", "us-east-1", "d")
                .append(NOTES, "111122223333", "eu-west-1", "e");
        assertEquals(List.of(
                new WriteBatch.LedgerAppends(NOTES, "111122223333", "us-east-1", List.of("a", "c")),
                new WriteBatch.LedgerAppends(NOTES, "111122223333", "eu-west-1", List.of("b", "e")),
                new WriteBatch.LedgerAppends(NOTES, "444455556666", "us-east-1", List.of("d"))), batch.appends());
        assertThrows(UnsupportedOperationException.class, () -> batch.appends().clear());
    }
}
