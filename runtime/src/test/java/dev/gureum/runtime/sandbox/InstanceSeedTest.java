package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InstanceSeedTest {
    @Test
    void valuesAreSingleQuotedSoTheInitShellExpandsNothing() {
        assertEquals("'i-0123'", InstanceSeed.quoted("i-0123"));
        assertEquals("'$(reboot)'", InstanceSeed.quoted("$(reboot)"));
        assertEquals("'it'\\''s'", InstanceSeed.quoted("it's"));
        assertEquals("''", InstanceSeed.quoted(null));
    }
}
