package dev.gureum.core.sns.filter;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Literal IPv4 and IPv6 addresses as bytes, without ever resolving a name. */
final class IpAddresses {
    private IpAddresses() {
    }

    /** The address's bytes, or null when the text is not a literal IPv4 or IPv6 address. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean ipv4 = text.matches("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
        boolean ipv6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static boolean samePrefix(byte[] address, byte[] network, int prefixLength) {
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
