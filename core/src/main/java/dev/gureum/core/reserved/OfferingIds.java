package dev.gureum.core.reserved;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Offering ids shaped like AWS's (a UUID, {@code 8-4-4-4-12} hex digits) that name an offering's coordinates,
 * so that an offering is found again from its id without any offering being stored. The 16 bytes are: a
 * format byte, the region's index, the zone's index (0 for a regional offering), class, term and payment in
 * one byte, the instance type's index (two bytes), then the first ten bytes of the SHA-256 of the
 * coordinates spelled out: an id that was not made here, or that the indexes no longer decode to (a type or
 * region list that changed), is simply not an offering.
 */
final class OfferingIds {
    private static final byte FORMAT = 1;
    private static final HexFormat HEX = HexFormat.of();

    private final List<String> regions;
    private final List<String> types;
    private final ZoneLookup zones;

    /** The zones of a region in which zonal offerings of a type are sold, in a stable order. */
    interface ZoneLookup {
        List<String> zones(String region);
    }

    OfferingIds(List<String> regions, List<String> types, ZoneLookup zones) {
        this.regions = List.copyOf(regions);
        this.types = List.copyOf(types);
        this.zones = zones;
    }

    String encode(OfferingCoordinates offering) {
        int region = regions.indexOf(offering.region());
        int type = types.indexOf(offering.instanceType());
        int zone = offering.availabilityZone() == null ? 0
                : zones.zones(offering.region()).indexOf(offering.availabilityZone()) + 1;
        if (region < 0 || type < 0 || zone < 0) {
            throw new IllegalArgumentException("not an offering of the price list: " + offering);
        }
        byte[] bytes = new byte[16];
        bytes[0] = FORMAT;
        bytes[1] = (byte) region;
        bytes[2] = (byte) zone;
        bytes[3] = (byte) (offering.offeringClass().ordinal() << 3 | offering.term().ordinal() << 2
                | offering.payment().ordinal());
        bytes[4] = (byte) (type >> 8);
        bytes[5] = (byte) type;
        System.arraycopy(digest(offering), 0, bytes, 6, 10);
        String hex = HEX.formatHex(bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    Optional<OfferingCoordinates> decode(String id) {
        if (id == null || id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
                || id.charAt(23) != '-') {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = HEX.parseHex(id.replace("-", "").toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int region = bytes[1] & 0xff;
        int zone = bytes[2] & 0xff;
        int packed = bytes[3] & 0xff;
        int type = (bytes[4] & 0xff) << 8 | bytes[5] & 0xff;
        if (bytes[0] != FORMAT || region >= regions.size() || type >= types.size() || packed >> 4 != 0
                || (packed & 3) >= PaymentOption.values().length) {
            return Optional.empty();
        }
        String regionName = regions.get(region);
        List<String> regionZones = zones.zones(regionName);
        if (zone > regionZones.size()) {
            return Optional.empty();
        }
        OfferingCoordinates coordinates = new OfferingCoordinates(regionName, types.get(type),
                zone == 0 ? null : regionZones.get(zone - 1), OfferingClass.values()[packed >> 3 & 1],
                Term.values()[packed >> 2 & 1], PaymentOption.values()[packed & 3]);
        return Arrays.equals(Arrays.copyOfRange(bytes, 6, 16), Arrays.copyOf(digest(coordinates), 10))
                ? Optional.of(coordinates) : Optional.empty();
    }

    private static byte[] digest(OfferingCoordinates offering) {
        String spelled = String.join("|", offering.region(), offering.instanceType(),
                String.valueOf(offering.availabilityZone()), offering.offeringClass().name(), offering.term().name(),
                offering.payment().name());
        try {
            return MessageDigest.getInstance("SHA-256").digest(spelled.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
