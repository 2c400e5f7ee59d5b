package dev.gureum.core.alarm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The timestamp forms CloudWatch writes into alarm texts and JSON. */
final class AlarmTimes {
    /** In state reasons: {@code 29/11/26 10:03:00}. */
    static final DateTimeFormatter REASON = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** In StateReasonData, HistoryData and notifications: {@code 2026-11-29T10:03:00.000+0000}. */
    static final DateTimeFormatter JSON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** In composite alarms' reasons: {@code Sunday 29 November, 2026 10:03:00 UTC}. */
    static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE dd MMMM, yyyy HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private AlarmTimes() {
    }

    static String json(Instant instant) {
        return JSON.format(instant);
    }
}
