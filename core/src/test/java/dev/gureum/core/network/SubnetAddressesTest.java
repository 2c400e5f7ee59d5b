package dev.gureum.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A subnet's addresses: EC2's five reserved ones (network, router, DNS, future use, broadcast) are never
 * handed out, the lowest free ones are, and the free count is exact as addresses come and go.
 */
class SubnetAddressesTest {

    @Test
    void aSlash28HasElevenAddressesToGive() {
        Subnet subnet = subnet("10.0.0.0/28");
        assertEquals(11, subnet.availableAddressCount());
        List<Long> free = subnet.freeAddresses(20);
        assertEquals(11, free.size());
        assertEquals("10.0.0.4", Ipv4Cidr.formatAddress(free.get(0)));
        assertEquals("10.0.0.14", Ipv4Cidr.formatAddress(free.get(10)));
        for (String reserved : List.of("10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.15")) {
            assertFalse(subnet.isAssignable(Ipv4Cidr.parseAddress(reserved)), reserved);
        }
        assertFalse(subnet.isAssignable(Ipv4Cidr.parseAddress("10.0.0.16")), "outside the block");
    }

    @Test
    void takenAddressesAreSkippedAndComeBackWhenFreed() {
        Subnet subnet = subnet("10.0.1.0/24");
        long fourth = Ipv4Cidr.parseAddress("10.0.1.4");
        long fifth = Ipv4Cidr.parseAddress("10.0.1.5");
        Subnet taken = subnet.withAllocated(List.of(fourth, fifth), true);
        assertEquals(249, taken.availableAddressCount());
        assertTrue(taken.isAllocated(fourth));
        assertEquals("10.0.1.6", Ipv4Cidr.formatAddress(taken.freeAddresses(1).get(0)));
        Subnet freed = taken.withAllocated(List.of(fourth), false);
        assertEquals(250, freed.availableAddressCount());
        assertEquals("10.0.1.4", Ipv4Cidr.formatAddress(freed.freeAddresses(1).get(0)));
        assertEquals(251, subnet.availableAddressCount(), "the original record is unchanged");
    }

    private static Subnet subnet(String cidr) {
        return new Subnet("subnet-0123456789abcdef0", "000000000000", "us-east-1", "vpc-0123456789abcdef0", cidr,
                "us-east-1a", "use1-az1", false, false, null, List.of());
    }
}
