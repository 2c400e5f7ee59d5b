package dev.gureum.protocol.xml;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * AWS timestamps: written as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} (EC2 and aws-query XML), read leniently
 * because clients differ: ISO-8601 with or without fraction and offset, a bare date, or epoch seconds
 * (botocore sends any of these depending on the parameter and version).
 */
public final class Timestamps {
    private static final long SECONDS_PER_DAY = 86_400;

    private Timestamps() {
    }

    /** Writes the instant truncated to milliseconds, without DateTimeFormatter on the hot path. */
    public static void write(Instant instant, XmlOutput out) {
        long epochSecond = instant.getEpochSecond();
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        out.padded(date.getYear(), 4).ascii("-").padded(date.getMonthValue(), 2).ascii("-")
                .padded(date.getDayOfMonth(), 2).ascii("T")
                .padded(secondOfDay / 3600, 2).ascii(":").padded(secondOfDay / 60 % 60, 2).ascii(":")
                .padded(secondOfDay % 60, 2).ascii(".").padded(instant.getNano() / 1_000_000, 3).ascii("Z");
    }

    public static String format(Instant instant) {
        XmlOutput out = new XmlOutput(32);
        write(instant, out);
        return new String(out.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * @throws IllegalArgumentException when the text is none of the accepted forms
     */
    public static Instant parse(String text) {
        String value = text.trim();
        try {
            if (!value.isEmpty() && value.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-')
                    && value.indexOf('-', 1) < 0) {
                return epochSeconds(value);
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (value.endsWith("Z") || value.endsWith("z") || hasOffset(value)) {
                return OffsetDateTime.parse(value.replace('z', 'Z')).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("not a timestamp: " + text, e);
        }
    }

    private static boolean hasOffset(String value) {
        int t = value.indexOf('T');
        return t > 0 && (value.indexOf('+', t) > 0 || value.indexOf('-', t) > 0);
    }

    private static Instant epochSeconds(String value) {
        java.math.BigDecimal seconds = new java.math.BigDecimal(value);
        long whole = seconds.longValueExact();
        int nanos = seconds.subtract(java.math.BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole, nanos);
    }
}
