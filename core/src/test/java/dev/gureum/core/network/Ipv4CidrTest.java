package dev.gureum.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IPv4 blocks as VPCs and subnets hold them: canonical only, with containment and overlap exact. */
class Ipv4CidrTest {

    @Test
    void parsesCanonicalBlocksAndRefusesTheRest() {
        assertEquals("10.0.0.0/16", Ipv4Cidr.parseOrNull("10.0.0.0/16").toString());
        assertEquals("0.0.0.0/0", Ipv4Cidr.parseOrNull("0.0.0.0/0").toString());
        assertEquals("255.255.255.255/32", Ipv4Cidr.parseOrNull("255.255.255.255/32").toString());
        for (String text : List.of("10.0.0.1/16", "10.0.0.0", "10.0.0.0/33", "10.0.0/16", "256.0.0.0/8",
                "010.0.0.0/8", "10.0.0.0/", "a.b.c.d/8", "10.0.0.0/+8", "")) {
            assertNull(Ipv4Cidr.parseOrNull(text), text);
        }
        CloudException refused = assertThrows(CloudException.class, () -> Ipv4Cidr.parse("10.0.0.1/16", "cidrBlock"));
        assertEquals("Value (10.0.0.1/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.",
                refused.getMessage());
    }

    @Test
    void containsAndOverlapsAsBlocksDo() {
        Ipv4Cidr vpc = Ipv4Cidr.parseOrNull("10.0.0.0/16");
        Ipv4Cidr subnet = Ipv4Cidr.parseOrNull("10.0.1.0/24");
        assertTrue(vpc.contains(subnet));
        assertFalse(subnet.contains(vpc));
        assertTrue(subnet.overlaps(vpc) && vpc.overlaps(subnet));
        assertFalse(subnet.overlaps(Ipv4Cidr.parseOrNull("10.0.2.0/24")));
        assertTrue(subnet.overlaps(Ipv4Cidr.parseOrNull("10.0.1.128/25")));
        assertTrue(Ipv4Cidr.ANYWHERE.contains(Ipv4Cidr.parseAddress("203.0.113.7")));
        assertEquals(256, subnet.size());
        assertEquals("10.0.1.255", Ipv4Cidr.formatAddress(subnet.addressAt(255)));
        assertThrows(IndexOutOfBoundsException.class, () -> subnet.addressAt(256));
    }

    @Test
    void dividesABlockIntoEqualParts() {
        Ipv4Cidr vpc = DefaultVpcs.CIDR;
        assertEquals("172.31.0.0/20", vpc.subBlock(20, 0).toString());
        assertEquals("172.31.16.0/20", vpc.subBlock(20, 1).toString());
        assertEquals("172.31.240.0/20", vpc.subBlock(20, 15).toString());
        assertThrows(IndexOutOfBoundsException.class, () -> vpc.subBlock(20, 16));
    }
}
