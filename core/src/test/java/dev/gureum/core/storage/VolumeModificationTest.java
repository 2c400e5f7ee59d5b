package dev.gureum.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A modification modifies until applied, then optimizes a second per 64 GiB added, then is completed. */
class VolumeModificationTest {
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void movesThroughItsStatesOnTheClock() {
        VolumeModification modification = new VolumeModification("vol-0123456789abcdef0", START, false, 8,
                VolumeType.GP2, 100, null, false, 264, VolumeType.GP3, 3000, 125, false, List.of(START));
        assertEquals("modifying", modification.state(START.plusSeconds(60)));
        VolumeModification applied = modification.asApplied();
        assertEquals("optimizing", applied.state(START.plusSeconds(1)));
        assertEquals(25, applied.progress(START.plusSeconds(1)));
        assertEquals("completed", applied.state(START.plusSeconds(4)));
        assertEquals(100, applied.progress(START.plusSeconds(10)));
    }
}
