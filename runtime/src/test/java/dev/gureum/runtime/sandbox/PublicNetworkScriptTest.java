package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.runtime.VpcFirewall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 1:1 NAT of a VPC's internet gateway and its subnets' network ACLs as nftables scripts. */
class PublicNetworkScriptTest {
    static final VpcFirewall SAMPLE = new VpcFirewall("111122223333", "us-east-1", "vpc-0a1b2c3d4e5f60718",
            FirewallScriptTest.SAMPLE.interfaces(), FirewallScriptTest.SAMPLE.groupMembers(),
            List.of(new VpcFirewall.PublicMapping("198.18.0.7", "10.7.0.5", "eni-0aaa"),
                    new VpcFirewall.PublicMapping("198.18.4.1", "10.7.0.6", "eni-0aaa")),
            List.of(new VpcFirewall.SubnetAcl("subnet-0123456789abcdef0", "10.7.0.0/24", "acl-0f",
                    List.of(new VpcFirewall.AclRule(90, "6", "0.0.0.0/0", false, 22, 22, -1, -1),
                            new VpcFirewall.AclRule(100, "-1", "0.0.0.0/0", true, -1, -1, -1, -1),
                            new VpcFirewall.AclRule(32767, "-1", "0.0.0.0/0", false, -1, -1, -1, -1)),
                    List.of(new VpcFirewall.AclRule(100, "17", "10.8.0.0/16", true, 1024, 65535, -1, -1),
                            new VpcFirewall.AclRule(110, "1", "10.8.0.0/16", true, -1, -1, 8, -1),
                            new VpcFirewall.AclRule(32767, "-1", "0.0.0.0/0", false, -1, -1, -1, -1)))));

    @Test
    void publicAddressesAreTranslatedOnlyAtTheGateway() {
        String script = NatScript.render(SAMPLE);
        assertTrue(script.startsWith("table ip gureum_nat\ndelete table ip gureum_nat\n"), script);
        assertTrue(script.contains("iifname \"igw\" dnat to ip daddr map { 198.18.0.7 : 10.7.0.5, 198.18.4.1 : 10.7.0.6 }"),
                script);
        assertTrue(script.contains("oifname \"igw\" snat to ip saddr map { 10.7.0.5 : 198.18.0.7, 10.7.0.6 : 198.18.4.1 }"),
                script);
        String forward = FirewallScript.render(SAMPLE);
        assertTrue(forward.indexOf("iifname \"igw\" ct status & dnat == 0 drop") < forward.indexOf("ip saddr vmap"),
                "a new connection from the internet must be to a public address: " + forward);
        assertTrue(forward.indexOf("oifname \"igw\" ip saddr { 10.7.0.5, 10.7.0.6 } accept") > forward.indexOf("ip daddr vmap"),
                "only addresses with a public one go out, after their outbound rules: " + forward);
    }

    @Test
    void aVpcWithoutPublicAddressesTranslatesNothingAndLetsNobodyOut() {
        String script = NatScript.render(FirewallScriptTest.SAMPLE);
        assertTrue(!script.contains("dnat to") && !script.contains("snat to"), script);
        assertTrue(!FirewallScript.render(FirewallScriptTest.SAMPLE).contains("oifname \"igw\" ip saddr"));
        assertTrue(NatScript.render(null).contains("table ip gureum_nat {"), "deny-all still declares the table");
    }

    @Test
    void aclEntriesAreCheckedLowestNumberFirstAndTheFirstMatchDecides() {
        String script = AclScript.render(SAMPLE);
        assertTrue(script.startsWith("table inet gureum_acl\ndelete table inet gureum_acl\n"), script);
        assertTrue(script.contains("type filter hook forward priority -10; policy accept;"), script);
        assertTrue(script.contains("iifname \"br56789abcdef0\" oifname != \"br56789abcdef0\" jump egress_0123456789abcdef0"),
                script);
        assertTrue(script.contains("oifname \"br56789abcdef0\" iifname != \"br56789abcdef0\" jump ingress_0123456789abcdef0"),
                script);
        assertEquals("""
                  chain ingress_0123456789abcdef0 {
                    meta l4proto tcp th dport 22 meta nfproto ipv4 drop
                    meta nfproto ipv4 return
                    meta nfproto ipv4 drop
                    drop
                  }
                """, section(script, "  chain ingress_"), "deny 90 comes before allow 100");
        assertEquals("""
                  chain egress_0123456789abcdef0 {
                    meta l4proto udp th dport 1024-65535 ip daddr 10.8.0.0/16 return
                    meta l4proto icmp icmp type 8 ip daddr 10.8.0.0/16 return
                    meta nfproto ipv4 drop
                    drop
                  }
                """, section(script, "  chain egress_"));
    }

    @Test
    void aclEntriesBecomeMatches() {
        assertEquals("meta l4proto tcp ip saddr 10.0.0.0/8",
                AclScript.match(new VpcFirewall.AclRule(1, "6", "10.0.0.0/8", true, 0, 65535, -1, -1), "saddr"));
        assertEquals("meta l4proto icmp icmp type 3 icmp code 4 ip saddr 10.0.0.0/8",
                AclScript.match(new VpcFirewall.AclRule(1, "1", "10.0.0.0/8", true, -1, -1, 3, 4), "saddr"));
        assertEquals("meta l4proto 47 ip daddr 10.0.0.0/8",
                AclScript.match(new VpcFirewall.AclRule(1, "47", "10.0.0.0/8", true, -1, -1, -1, -1), "daddr"));
        assertNull(AclScript.match(new VpcFirewall.AclRule(1, "58", "0.0.0.0/0", true, -1, -1, -1, -1), "saddr"));
    }

    @Test
    void nothingButIdsAndAddressesReachesTheScripts() {
        VpcFirewall smuggled = new VpcFirewall("a", "r", "vpc-1", List.of(), java.util.Map.of(),
                List.of(new VpcFirewall.PublicMapping("198.18.0.1 } ; flush ruleset", "10.0.0.1", "eni-1")), List.of());
        assertThrows(SandboxException.class, () -> NatScript.render(smuggled));
        VpcFirewall badSubnet = new VpcFirewall("a", "r", "vpc-1", List.of(), java.util.Map.of(), List.of(),
                List.of(new VpcFirewall.SubnetAcl("subnet-1\"", "10.0.0.0/24", "acl-1", List.of(), List.of())));
        assertThrows(SandboxException.class, () -> AclScript.render(badSubnet));
    }

    private static String section(String script, String start) {
        int from = script.indexOf(start);
        return script.substring(from, script.indexOf("  }\n", from) + 4);
    }
}
