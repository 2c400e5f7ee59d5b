package dev.gureum.core.alarm;

import dev.gureum.core.store.RecordKind;

/** Where alarms keep their records. The names are persisted: never change them. */
public final class AlarmRecords {
    /** Metric and composite alarms, keyed by account, region and alarm name. */
    public static final RecordKind<Alarm> ALARMS = RecordKind.of("cloudwatch-alarm", Alarm.class);
    /** History entries, keyed by account, region and {@code <epoch millis, 13 digits>-<sequence>-<alarm name>}. */
    public static final RecordKind<AlarmHistoryItem> HISTORY = RecordKind.of("cloudwatch-alarm-history",
            AlarmHistoryItem.class);

    private AlarmRecords() {
    }
}
