package dev.gureum.core.reserved;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * AWS's normalization factors for instance size flexibility (EC2 User Guide, "How Reserved Instances are
 * applied", the table of instance sizes): nano 0.25, micro 0.5, small 1, medium 2, large 4, xlarge 8, and
 * {@code N}xlarge 8 × N (2xlarge 16 … 48xlarge 384, 112xlarge 896). A bare-metal size counts as the
 * family's largest virtualized size (m5.metal as m5.24xlarge, 192; i3.metal as i3.16xlarge, 128); a
 * {@code metal-Nxl} size as {@code N}xlarge. Size flexibility applies to regional Linux/UNIX reservations of
 * default tenancy, except in the families AWS names (G4ad, G4dn, G5, G5g, Inf1).
 */
public final class NormalizationFactors {
    private static final Set<String> INFLEXIBLE_FAMILIES = Set.of("g4ad", "g4dn", "g5", "g5g", "inf1");

    private final Function<String, Optional<String>> largestSizeOfFamily;

    /** @param largestSizeOfFamily the largest non-metal size of a family (e.g. {@code 24xlarge} for m5) */
    public NormalizationFactors(Function<String, Optional<String>> largestSizeOfFamily) {
        this.largestSizeOfFamily = largestSizeOfFamily;
    }

    /** Factors for a list of instance type names, a metal size taking its family's largest listed size. */
    public static NormalizationFactors of(java.util.Collection<String> instanceTypes) {
        java.util.Map<String, String> largest = new java.util.HashMap<>();
        java.util.Map<String, BigDecimal> largestFactor = new java.util.HashMap<>();
        for (String type : instanceTypes) {
            int dot = type.indexOf('.');
            if (dot < 0) {
                continue;
            }
            String size = type.substring(dot + 1);
            ofSize(size).ifPresent(factor -> {
                BigDecimal known = largestFactor.get(family(type));
                if (known == null || factor.compareTo(known) > 0) {
                    largestFactor.put(family(type), factor);
                    largest.put(family(type), size);
                }
            });
        }
        return new NormalizationFactors(family -> Optional.ofNullable(largest.get(family)));
    }

    /** The factor of a type, empty for a size the table does not know. */
    public Optional<BigDecimal> of(String instanceType) {
        int dot = instanceType.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String size = instanceType.substring(dot + 1);
        if (size.equals("metal")) {
            return largestSizeOfFamily.apply(family(instanceType)).flatMap(NormalizationFactors::ofSize);
        }
        if (size.startsWith("metal-") && size.endsWith("xl")) {
            return ofSize(size.substring("metal-".length(), size.length() - 2) + "xlarge");
        }
        return ofSize(size);
    }

    /** Whether a regional reservation of this type may cover other sizes of its family. */
    public static boolean sizeFlexible(String instanceType) {
        return !INFLEXIBLE_FAMILIES.contains(family(instanceType));
    }

    public static String family(String instanceType) {
        int dot = instanceType.indexOf('.');
        return dot < 0 ? instanceType : instanceType.substring(0, dot);
    }

    static Optional<BigDecimal> ofSize(String size) {
        return switch (size) {
            case "nano" -> Optional.of(new BigDecimal("0.25"));
            case "micro" -> Optional.of(new BigDecimal("0.5"));
            case "small" -> Optional.of(BigDecimal.ONE);
            case "medium" -> Optional.of(BigDecimal.valueOf(2));
            case "large" -> Optional.of(BigDecimal.valueOf(4));
            case "xlarge" -> Optional.of(BigDecimal.valueOf(8));
            default -> {
                if (size.endsWith("xlarge") && size.length() > "xlarge".length()
                        && size.substring(0, size.length() - "xlarge".length()).chars().allMatch(Character::isDigit)) {
                    yield Optional.of(BigDecimal.valueOf(8L * Long.parseLong(
                            size.substring(0, size.length() - "xlarge".length()))));
                }
                yield Optional.empty();
            }
        };
    }
}
