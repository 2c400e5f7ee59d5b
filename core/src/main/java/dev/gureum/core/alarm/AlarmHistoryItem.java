package dev.gureum.core.alarm;

import java.time.Instant;

/**
 * One entry of an alarm's history as DescribeAlarmHistory shows it: ConfigurationUpdate, StateUpdate or
 * Action, with CloudWatch's summary sentence and HistoryData JSON. Kept two weeks, also after the alarm is gone.
 */
public record AlarmHistoryItem(String alarmName, AlarmType alarmType, Instant timestamp, HistoryItemType type,
                               String summary, String data) {

    /** The kinds of history entries, with their wire names. */
    public enum HistoryItemType {
        CONFIGURATION_UPDATE("ConfigurationUpdate"), STATE_UPDATE("StateUpdate"), ACTION("Action");

        private final String wireName;

        HistoryItemType(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static HistoryItemType fromWire(String value) {
            for (HistoryItemType type : values()) {
                if (type.wireName.equals(value)) {
                    return type;
                }
            }
            return null;
        }
    }
}
