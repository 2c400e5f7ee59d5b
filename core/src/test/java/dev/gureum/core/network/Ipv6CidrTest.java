package dev.gureum.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IPv6 blocks as security group rules keep them: host bits cleared, RFC 5952 text. */
class Ipv6CidrTest {

    @Test
    void writesTheCanonicalForm() {
        assertEquals("::/0", Ipv6Cidr.parseOrNull("::/0").toString());
        assertEquals("::/0", Ipv6Cidr.parseOrNull("0:0:0:0:0:0:0:0/0").toString());
        assertEquals("2001:db8::/32", Ipv6Cidr.parseOrNull("2001:DB8:0000::/32").toString());
        assertEquals("2001:db8::/32", Ipv6Cidr.parseOrNull("2001:db8:ffff::1/32").toString());
        assertEquals("2001:db8:0:1::/64", Ipv6Cidr.parseOrNull("2001:db8:0:1:2:3:4:5/64").toString());
        assertEquals("2001:db8::1:0:0:1/128", Ipv6Cidr.parseOrNull("2001:db8:0:0:1:0:0:1/128").toString());
        assertEquals("2001:0:0:1::1/128", Ipv6Cidr.parseOrNull("2001:0:0:1:0:0:0:1/128").toString());
        assertEquals("2001:db8:0:1:1:1:1:1/128", Ipv6Cidr.parseOrNull("2001:db8:0:1:1:1:1:1/128").toString());
        assertEquals("::ffff:c000:201/128", Ipv6Cidr.parseOrNull("::ffff:192.0.2.1/128").toString());
        assertEquals("fe80::/10", Ipv6Cidr.parseOrNull("fe80::1/10").toString());
        assertEquals("::1/128", Ipv6Cidr.parseOrNull("::1/128").toString());
        assertEquals("1::/16", Ipv6Cidr.parseOrNull("1::/16").toString());
    }

    @Test
    void refusesWhatIsNotABlock() {
        for (String text : List.of("::", "::/129", "1:2:3:4:5:6:7:8:9/64", "1::2::3/64", "12345::/16", "g::/16",
                "1:2:3:4:5:6:7/64", "1:2:3:4:5:6:7:8::/64", "10.0.0.0/8", "/64", "::/", ":::/0", "1:/16")) {
            assertNull(Ipv6Cidr.parseOrNull(text), text);
        }
    }
}
