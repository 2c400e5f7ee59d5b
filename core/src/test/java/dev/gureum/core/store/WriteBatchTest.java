package dev.gureum.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.billing.BillingRecords;
import dev.gureum.core.billing.UsageEntry;
import dev.gureum.core.billing.UsageWaiver;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's ledger appends, grouped by ledger as they come. */
class WriteBatchTest {
    private static UsageEntry entry(String resourceId) {
        return new UsageWaiver(resourceId, "BoxUsage:t3.micro", Instant.EPOCH);
    }

    @Test
    void appendsAreGroupedPerLedgerInTheOrderEachWasFirstAppendedTo() {
        WriteBatch batch = new WriteBatch()
                .append(BillingRecords.LEDGER, "111122223333", "us-east-1", entry("a"))
                .append(BillingRecords.LEDGER, "111122223333", "eu-west-1", entry("b"))
                .append(BillingRecords.LEDGER, "111122223333", "us-east-1", entry("c"))
                .append(BillingRecords.LEDGER, "444455556666", "us-east-1", entry("d"))
                .append(BillingRecords.LEDGER, "111122223333", "eu-west-1", entry("e"));
        assertEquals(List.of(
                new WriteBatch.LedgerAppends(BillingRecords.LEDGER, "111122223333", "us-east-1",
                        List.of(entry("a"), entry("c"))),
                new WriteBatch.LedgerAppends(BillingRecords.LEDGER, "111122223333", "eu-west-1",
                        List.of(entry("b"), entry("e"))),
                new WriteBatch.LedgerAppends(BillingRecords.LEDGER, "444455556666", "us-east-1", List.of(entry("d")))),
                batch.appends());
        assertThrows(UnsupportedOperationException.class, () -> batch.appends().clear());
        assertThrows(UnsupportedOperationException.class, () -> batch.appends().get(0).entries().clear());
    }
}
