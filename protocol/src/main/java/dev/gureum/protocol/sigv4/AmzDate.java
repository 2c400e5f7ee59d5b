package dev.gureum.protocol.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The signing time of a request in SigV4's ISO-8601 basic form {@code yyyyMMdd'T'HHmmss'Z'} and as epoch
 * seconds. Clients send it in {@code X-Amz-Date}; a plain HTTP {@code Date} header (RFC 1123, or the basic
 * form) is accepted as the fallback AWS allows, and is signed in its basic form.
 */
record AmzDate(String basic, long epochSecond) {
    private static final int BASIC_LENGTH = 16;

    /** The day part {@code yyyyMMdd}, which the credential scope must repeat. */
    String day() {
        return basic.substring(0, 8);
    }

    static Optional<AmzDate> parseBasic(String value) {
        if (value.length() != BASIC_LENGTH || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            return Optional.empty();
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 4, 6);
        int day = digits(value, 6, 8);
        int hour = digits(value, 9, 11);
        int minute = digits(value, 11, 13);
        int second = digits(value, 13, 15);
        if ((year | month | day | hour | minute | second) < 0) {
            return Optional.empty();
        }
        try {
            long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
            return Optional.of(new AmzDate(value, epochSecond));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    /** Reads an HTTP {@code Date} header: the basic form, else RFC 1123 ({@code Sun, 30 Aug 2015 12:36:00 GMT}). */
    static Optional<AmzDate> parseHttpDate(String value) {
        Optional<AmzDate> basicForm = parseBasic(value);
        if (basicForm.isPresent()) {
            return basicForm;
        }
        try {
            LocalDateTime time = LocalDateTime.ofInstant(
                    DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from), ZoneOffset.UTC);
            return Optional.of(new AmzDate(basicOf(time), time.toEpochSecond(ZoneOffset.UTC)));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    private static String basicOf(LocalDateTime time) {
        StringBuilder basic = new StringBuilder(BASIC_LENGTH);
        appendPadded(basic, time.getYear(), 4);
        appendPadded(basic, time.getMonthValue(), 2);
        appendPadded(basic, time.getDayOfMonth(), 2);
        basic.append('T');
        appendPadded(basic, time.getHour(), 2);
        appendPadded(basic, time.getMinute(), 2);
        appendPadded(basic, time.getSecond(), 2);
        return basic.append('Z').toString();
    }

    private static void appendPadded(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        out.repeat('0', width - digits.length()).append(digits);
    }

    /** The non-negative number written in {@code value[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int index = from; index < to; index++) {
            char character = value.charAt(index);
            if (character < '0' || character > '9') {
                return -1;
            }
            number = number * 10 + (character - '0');
        }
        return number;
    }
}
