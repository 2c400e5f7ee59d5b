package dev.gureum.core.alarm;

import dev.gureum.core.alarm.AlarmHistoryItem.HistoryItemType;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes alarm history entries (into the batch of the change they describe, or on their own for actions)
 * with CloudWatch's summaries and HistoryData JSON, and removes entries older than CloudWatch's two weeks.
 */
public final class AlarmHistory {
    static final Duration RETENTION = Duration.ofDays(14);
    private final Store store;
    private final AtomicLong sequence = new AtomicLong(System.nanoTime() & 0xFFFFFFFL);

    public AlarmHistory(Store store) {
        this.store = store;
    }

    /** Adds an entry to a batch. */
    void add(WriteBatch batch, Alarm alarm, Instant at, HistoryItemType type, String summary, String data) {
        String id = padded(at.toEpochMilli(), 13) + "-" + padded(sequence.incrementAndGet() % 1_000_000_000L, 9) + "-"
                + alarm.name();
        batch.put(AlarmRecords.HISTORY, new RecordKey(alarm.account(), alarm.region(), id), WriteBatch.ABSENT,
                new AlarmHistoryItem(alarm.name(), alarm.type(), at, type, summary, data));
    }

    private static String padded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    void stateUpdate(WriteBatch batch, Alarm alarm, AlarmStatus old, AlarmStatus next) {
        String data = new JsonText().string("version", "1.0").raw("oldState", state(old)).raw("newState", state(next))
                .toString();
        add(batch, alarm, next.updated(), HistoryItemType.STATE_UPDATE,
                "Alarm updated from " + old.value() + " to " + next.value(), data);
    }

    void configuration(WriteBatch batch, Alarm alarm, Alarm before, String verb, Instant at) {
        JsonText data = new JsonText().string("version", "1.0").string("type", switch (verb) {
            case "created" -> "Create";
            case "deleted" -> "Delete";
            default -> "Update";
        });
        data.raw(switch (verb) {
            case "created" -> "createdAlarm";
            case "deleted" -> "deletedAlarm";
            default -> "updatedAlarm";
        }, AlarmDocument.of(alarm));
        if (before != null && verb.equals("updated")) {
            data.raw("originalUpdatedFields", AlarmDocument.changedFields(before, alarm));
        }
        add(batch, alarm, at, HistoryItemType.CONFIGURATION_UPDATE, "Alarm \"" + alarm.name() + "\" " + verb,
                data.toString());
    }

    private static String state(AlarmStatus status) {
        JsonText json = new JsonText().string("stateValue", status.value().name()).string("stateReason", status.reason());
        if (status.reasonData() != null) {
            json.raw("stateReasonData", status.reasonData());
        }
        return json.toString();
    }

    /** Removes entries older than two weeks; answers how many went. */
    public int sweep(Instant now) {
        Instant oldest = now.minus(RETENTION);
        List<Versioned<AlarmHistoryItem>> expired = store.listAll(AlarmRecords.HISTORY).stream()
                .filter(item -> item.value().timestamp().isBefore(oldest)).toList();
        for (int from = 0; from < expired.size(); from += 1000) {
            WriteBatch batch = new WriteBatch();
            expired.subList(from, Math.min(expired.size(), from + 1000))
                    .forEach(item -> batch.delete(AlarmRecords.HISTORY, item.key(), item.version()));
            store.apply(batch);
        }
        return expired.size();
    }
}
