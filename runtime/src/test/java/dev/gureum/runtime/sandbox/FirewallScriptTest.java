package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.runtime.VpcFirewall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirewallScriptTest {
    static final VpcFirewall SAMPLE = new VpcFirewall("111122223333", "us-east-1", "vpc-0a1b2c3d4e5f60718",
            List.of(new VpcFirewall.InterfaceRules("eni-0aaa", "i-0123456789abcdef0", 0, "02:00:00:00:00:01",
                            List.of("10.7.0.5", "10.7.0.6"),
                            List.of(new VpcFirewall.Rule("tcp", 22, 22, "0.0.0.0/0", null),
                                    new VpcFirewall.Rule("tcp", 8000, 8010, "10.7.0.9/32", null),
                                    new VpcFirewall.Rule("udp", 53, 53, null, "sg-0bbb"),
                                    new VpcFirewall.Rule("icmp", 8, -1, "10.0.0.0/8", null),
                                    new VpcFirewall.Rule("icmpv6", -1, -1, "0.0.0.0/0", null),
                                    new VpcFirewall.Rule("-1", -1, -1, null, "sg-0ccc")),
                            List.of(new VpcFirewall.Rule("-1", -1, -1, "0.0.0.0/0", null))),
                    new VpcFirewall.InterfaceRules("eni-0ddd", null, -1, "02:00:00:00:00:02", List.of("10.7.0.9"),
                            List.of(), List.of())),
            Map.of("sg-0bbb", List.of("10.7.0.9"), "sg-0ccc", List.of()));

    @Test
    void rulesBecomeMatchesOnTheirPeer() {
        Map<String, List<String>> members = SAMPLE.groupMembers();
        assertEquals("meta l4proto tcp th dport 22 meta nfproto ipv4",
                FirewallScript.match(new VpcFirewall.Rule("tcp", 22, 22, "0.0.0.0/0", null), "saddr", members));
        assertEquals("meta l4proto tcp th dport 8000-8010 ip saddr 10.7.0.9/32",
                FirewallScript.match(new VpcFirewall.Rule("tcp", 8000, 8010, "10.7.0.9/32", null), "saddr", members));
        assertEquals("meta l4proto udp ip daddr @g_0bbb",
                FirewallScript.match(new VpcFirewall.Rule("udp", 0, 65535, null, "sg-0bbb"), "daddr", members));
        assertEquals("meta l4proto icmp icmp type 8 ip saddr 10.0.0.0/8",
                FirewallScript.match(new VpcFirewall.Rule("icmp", 8, -1, "10.0.0.0/8", null), "saddr", members));
        assertEquals("meta l4proto 47 ip saddr 10.0.0.0/8",
                FirewallScript.match(new VpcFirewall.Rule("47", -1, -1, "10.0.0.0/8", null), "saddr", members));
        assertNull(FirewallScript.match(new VpcFirewall.Rule("icmpv6", -1, -1, "0.0.0.0/0", null), "saddr", members));
        assertNull(FirewallScript.match(new VpcFirewall.Rule("-1", -1, -1, null, "sg-0eee"), "saddr", members),
                "a group of no interface of this VPC matches nothing");
    }

    @Test
    void theScriptReplacesBothTablesAndPinsEachPortToItsAddresses() {
        String script = FirewallScript.render(SAMPLE);
        assertTrue(script.startsWith("table inet gureum\ndelete table inet gureum\n"), script);
        assertTrue(script.contains("ip saddr vmap { 10.7.0.5 : jump out_0aaa, 10.7.0.6 : jump out_0aaa, 10.7.0.9 : jump out_0ddd }"), script);
        assertTrue(script.contains("set g_0bbb { type ipv4_addr; elements = { 10.7.0.9 }; }"), script);
        assertTrue(script.contains("iifname \"vi56789abcdef0\" jump port_0aaa"), script);
        assertTrue(script.contains("ether type ip ip saddr != { 10.7.0.5, 10.7.0.6 } counter drop"), script);
        assertTrue(script.contains("iifname \"vi*\" drop"), script);
        assertTrue(!script.contains("port_0ddd"), "a detached interface has no port");
    }

    @Test
    void nothingButIdsAndAddressesReachesTheScript() {
        VpcFirewall smuggled = new VpcFirewall("a", "r", "vpc-1", List.of(new VpcFirewall.InterfaceRules(
                "eni-1; flush ruleset", null, -1, null, List.of("10.0.0.1"), List.of(), List.of())), Map.of());
        assertThrows(SandboxException.class, () -> FirewallScript.render(smuggled));
        VpcFirewall badAddress = new VpcFirewall("a", "r", "vpc-1", List.of(new VpcFirewall.InterfaceRules(
                "eni-1", null, -1, null, List.of("10.0.0.1 }"), List.of(), List.of())), Map.of());
        assertThrows(SandboxException.class, () -> FirewallScript.render(badAddress));
    }
}
