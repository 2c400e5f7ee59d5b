package dev.gureum.core.savings;

import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.Term;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Offering ids shaped like AWS's (a UUID, {@code 8-4-4-4-12} lower-case hex digits) that name an offering's
 * coordinates, so an offering is found again from its id without being stored (as EC2's reserved offering ids
 * are). The 16 bytes: a format byte, plan type, term and payment in one byte, the region's index + 1 (0 for
 * none), the family's index + 1 (two bytes), then the first eleven bytes of the SHA-256 of the coordinates
 * spelled out, so an id not made here, or one the lists no longer decode to, is no offering.
 */
final class SavingsOfferingIds {
    private static final byte FORMAT = 2;
    private static final HexFormat HEX = HexFormat.of();

    private final List<String> regions;
    private final List<String> families;

    SavingsOfferingIds(List<String> regions, List<String> families) {
        this.regions = List.copyOf(regions);
        this.families = List.copyOf(families);
    }

    String encode(SavingsOffering offering) {
        int region = offering.region() == null ? 0 : regions.indexOf(offering.region()) + 1;
        int family = offering.family() == null ? 0 : families.indexOf(offering.family()) + 1;
        if (offering.region() != null && region == 0 || offering.family() != null && family == 0) {
            throw new IllegalArgumentException("not an offering of the price list: " + offering);
        }
        byte[] bytes = new byte[16];
        bytes[0] = FORMAT;
        bytes[1] = (byte) (offering.planType().ordinal() << 3 | offering.term().ordinal() << 2
                | offering.payment().ordinal());
        bytes[2] = (byte) region;
        bytes[3] = (byte) (family >> 8);
        bytes[4] = (byte) family;
        System.arraycopy(digest(offering), 0, bytes, 5, 11);
        String hex = HEX.formatHex(bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    Optional<SavingsOffering> decode(String id) {
        if (id == null || id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
                || id.charAt(23) != '-') {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = HEX.parseHex(id.replace("-", "").toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int packed = bytes[1] & 0xff;
        int region = bytes[2] & 0xff;
        int family = (bytes[3] & 0xff) << 8 | bytes[4] & 0xff;
        if (bytes[0] != FORMAT || packed >> 4 != 0 || (packed & 3) >= PaymentOption.values().length
                || region > regions.size() || family > families.size()) {
            return Optional.empty();
        }
        SavingsOffering offering = new SavingsOffering(PlanType.values()[packed >> 3 & 1],
                Term.values()[packed >> 2 & 1], PaymentOption.values()[packed & 3],
                region == 0 ? null : regions.get(region - 1), family == 0 ? null : families.get(family - 1));
        return Arrays.equals(Arrays.copyOfRange(bytes, 5, 16), Arrays.copyOf(digest(offering), 11))
                ? Optional.of(offering) : Optional.empty();
    }

    private static byte[] digest(SavingsOffering offering) {
        String spelled = String.join("|", "savings-plan", offering.planType().name(), offering.term().name(),
                offering.payment().name(), String.valueOf(offering.region()), String.valueOf(offering.family()));
        try {
            return MessageDigest.getInstance("SHA-256").digest(spelled.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
