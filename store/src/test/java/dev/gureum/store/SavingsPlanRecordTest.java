package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.Term;
import dev.gureum.core.savings.PlanType;
import dev.gureum.core.savings.SavingsPlan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Savings Plan survives the store's JSON form unchanged: amounts keep their scale, tags, nulls left out. */
class SavingsPlanRecordTest {

    @Test
    void aSavingsPlanRoundTripsThroughTheRecordCodec() {
        Instant start = Instant.parse("2026-11-02T00:00:00.123Z");
        RecordCodec codec = new RecordCodec();
        for (SavingsPlan plan : new SavingsPlan[] {
                new SavingsPlan("5f3c2a1e-8d4b-4c6a-9e7f-0123456789ab", "02020000-004e-9519-1ec3-04286318eb1a",
                        PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.PARTIAL_UPFRONT, null, null,
                        new BigDecimal("0.100"), new BigDecimal("438.00"), new BigDecimal("0.05"), start,
                        start.plusSeconds(Term.ONE_YEAR.seconds()), false, Map.of("team", "billing", "empty", ""),
                        "token-1"),
                new SavingsPlan("6f3c2a1e-8d4b-4c6a-9e7f-0123456789ab", "020a1700-2255-7079-2f21-70862ad39dcd",
                        PlanType.EC2_INSTANCE, Term.THREE_YEARS, PaymentOption.NO_UPFRONT, "us-east-1", "m7i",
                        new BigDecimal("1"), BigDecimal.ZERO, new BigDecimal("1"), start,
                        start.plusSeconds(Term.THREE_YEARS.seconds()), true, Map.of(), null)}) {
            byte[] json = codec.encode(plan);
            SavingsPlan read = codec.decode(json, SavingsPlan.class);
            assertEquals(plan, read);
            assertEquals(plan.commitment().scale(), read.commitment().scale());
            assertArrayEquals(RecordCodec.jackson(plan), json, "the planned writer writes what Jackson writes");
        }
    }
}
