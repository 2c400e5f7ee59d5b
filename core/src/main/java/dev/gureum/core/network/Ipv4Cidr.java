package dev.gureum.core.network;

import dev.gureum.core.error.Ec2Error;

/**
 * An IPv4 CIDR block in canonical form (no host bits set), e.g. {@code 10.0.1.0/24}. Addresses are held
 * as the unsigned value of their 32 bits in a {@code long}, so arithmetic never overflows.
 */
public record Ipv4Cidr(long network, int prefixLength) implements Comparable<Ipv4Cidr> {
    public static final Ipv4Cidr ANYWHERE = new Ipv4Cidr(0, 0);

    public Ipv4Cidr {
        if (prefixLength < 0 || prefixLength > 32 || network < 0 || network > 0xFFFF_FFFFL
                || (network & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException("not a canonical IPv4 CIDR block: " + network + "/" + prefixLength);
        }
    }

    /** Parses {@code a.b.c.d/n}; null when the text is not an IPv4 CIDR block or has host bits set. */
    public static Ipv4Cidr parseOrNull(String text) {
        return parse(text, false);
    }

    /**
     * Parses {@code a.b.c.d/n} the way security group rules take it: host bits are cleared rather than
     * refused ({@code 10.0.0.28/29} is {@code 10.0.0.24/29}); null when the text is not an IPv4 block.
     */
    public static Ipv4Cidr parseMaskedOrNull(String text) {
        return parse(text, true);
    }

    private static Ipv4Cidr parse(String text, boolean clearHostBits) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash == text.length() - 1) {
            return null;
        }
        long address = parseAddress(text.substring(0, slash));
        String prefix = text.substring(slash + 1);
        if (address < 0 || prefix.length() > 2 || !prefix.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int length = Integer.parseInt(prefix);
        if (length > 32 || (!clearHostBits && (address & ~mask(length)) != 0)) {
            return null;
        }
        return new Ipv4Cidr(address & mask(length), length);
    }

    /**
     * Parses a CIDR block a caller gave as {@code parameter}.
     *
     * @throws dev.gureum.core.error.CloudException {@code InvalidParameterValue} in EC2's words otherwise
     */
    public static Ipv4Cidr parse(String text, String parameter) {
        Ipv4Cidr cidr = parseOrNull(text);
        if (cidr == null) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + text + ") for parameter " + parameter
                    + " is invalid. This is not a valid CIDR block.");
        }
        return cidr;
    }

    /** The value of a dotted-quad address, or -1 when the text is not one. */
    public static long parseAddress(String text) {
        if (text == null) {
            return -1;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    public static String formatAddress(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /** How many addresses the block spans, network and broadcast included. */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /** The address at {@code offset} from the start of the block. */
    public long addressAt(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IndexOutOfBoundsException(offset + " is outside " + this);
        }
        return network + offset;
    }

    public boolean contains(long address) {
        return (address & mask(prefixLength)) == network;
    }

    public boolean contains(Ipv4Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.network);
    }

    public boolean overlaps(Ipv4Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The {@code index}-th block of {@code length} inside this one (e.g. the default VPC's /20 subnets). */
    public Ipv4Cidr subBlock(int length, int index) {
        Ipv4Cidr block = new Ipv4Cidr(network + ((long) index << (32 - length)), length);
        if (!contains(block)) {
            throw new IndexOutOfBoundsException(block + " is outside " + this);
        }
        return block;
    }

    @Override
    public int compareTo(Ipv4Cidr other) {
        int byNetwork = Long.compare(network, other.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(prefixLength, other.prefixLength);
    }

    @Override
    public String toString() {
        return formatAddress(network) + "/" + prefixLength;
    }

    private static long mask(int length) {
        return length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
    }
}
