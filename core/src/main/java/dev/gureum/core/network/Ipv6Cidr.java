package dev.gureum.core.network;

import java.util.ArrayList;
import java.util.List;

/**
 * An IPv6 CIDR block in canonical form: host bits cleared and written as RFC 5952 text (lower-case hex,
 * no leading zeros, the longest run of two or more zero groups as {@code ::}), which is how EC2 shows the
 * blocks of security group rules. The 128 bits are held as two unsigned halves.
 */
public record Ipv6Cidr(long high, long low, int prefixLength) {
    private static final int GROUPS = 8;

    public Ipv6Cidr {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("not an IPv6 prefix length: " + prefixLength);
        }
    }

    /** Parses {@code address/n}, clearing any host bits; null when the text is not an IPv6 block. */
    public static Ipv6Cidr parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int length = Integer.parseInt(prefix);
        int[] groups = parseAddress(text.substring(0, slash));
        if (groups == null || length > 128) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < GROUPS; i++) {
            if (i < 4) {
                high = (high << 16) | groups[i];
            } else {
                low = (low << 16) | groups[i];
            }
        }
        return new Ipv6Cidr(high & mask(length), low & mask(length - 64), length);
    }

    /** The eight 16-bit groups of an IPv6 address (with at most one {@code ::}), or null. */
    private static int[] parseAddress(String text) {
        int gap = text.indexOf("::");
        if (text.isEmpty() || (gap >= 0 && text.indexOf("::", gap + 1) >= 0)) {
            return null;
        }
        List<Integer> head = gap < 0 ? groups(text) : groups(text.substring(0, gap));
        List<Integer> tail = gap < 0 ? List.of() : groups(text.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int given = head.size() + tail.size();
        if (gap < 0 ? given != GROUPS : given >= GROUPS) {
            return null;
        }
        int[] all = new int[GROUPS];
        for (int i = 0; i < head.size(); i++) {
            all[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            all[GROUPS - tail.size() + i] = tail.get(i);
        }
        return all;
    }

    /** Colon-separated hex groups, the last of which may be a dotted IPv4 address (two groups). */
    private static List<Integer> groups(String text) {
        List<Integer> groups = new ArrayList<>();
        if (text.isEmpty()) {
            return groups;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.indexOf('.') >= 0) {
                long address = Ipv4Cidr.parseAddress(part);
                if (address < 0) {
                    return null;
                }
                groups.add((int) (address >> 16));
                groups.add((int) (address & 0xFFFF));
            } else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(Ipv6Cidr::isHex)) {
                return null;
            } else {
                groups.add(Integer.parseInt(part, 16));
            }
        }
        return groups;
    }

    private static long mask(int length) {
        if (length <= 0) {
            return 0;
        }
        return length >= 64 ? -1L : -1L << (64 - length);
    }

    @Override
    public String toString() {
        int[] groups = new int[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            long half = i < 4 ? high : low;
            groups[i] = (int) ((half >>> (16 * (3 - i % 4))) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < GROUPS; start++) {
            int end = start;
            while (end < GROUPS && groups[end] == 0) {
                end++;
            }
            if (end - start > bestLength) {
                bestStart = start;
                bestLength = end - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.append('/').append(prefixLength).toString();
    }

    private static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
