package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetadataScriptTest {
    @Test
    void metadataConnectionsAreDnatedToTheListenerAndMarkedAnswersGetTheirHopLimitAsTtl() {
        String script = MetadataScript.render("169.254.12.1", 40123);
        assertTrue(script.startsWith("table inet gureum_imds\ndelete table inet gureum_imds\n"), script);
        assertTrue(script.contains("iifname != \"uplink\" ip daddr 169.254.169.254 tcp dport 80"
                + " dnat ip to 169.254.12.1:40123\n"), script);
        assertTrue(script.contains("iifname \"uplink\" ip saddr 169.254.12.1 tcp sport 40123 ip dscp 1 ip ttl set 1"
                + " ip dscp set cs0\n"), script);
        assertTrue(script.contains("ip dscp 62 ip ttl set 62 ip dscp set cs0\n"), script);
        assertEquals(MetadataScript.MARKED_HOPS, script.lines().filter(line -> line.contains("ip ttl set")).count());
    }

    @Test
    void onlyAddressesAndPortsAreWritten() {
        assertThrows(SandboxException.class, () -> MetadataScript.render("169.254.12.1; flush ruleset", 80));
        assertThrows(SandboxException.class, () -> MetadataScript.render("169.254.12.1", 0));
    }

    @Test
    void answersGoBackThroughTheirVpcsOwnTable() {
        assertEquals("4200000", VpcMetadata.table("169.254.0.1"));
        assertEquals("4200003", VpcMetadata.table("169.254.0.13"));
        assertEquals("4208191", VpcMetadata.table("169.254.127.253"));
    }
}
