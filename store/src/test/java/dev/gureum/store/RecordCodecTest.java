package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON form of stored values: compact, components only, tolerant of added and removed fields. */
class RecordCodecTest {
    private final RecordCodec codec = new RecordCodec();

    enum State { RUNNING, STOPPED }

    record Attachment(String volume, int index) {
    }

    record Machine(String id, State state, Instant launched, Duration grace, Map<String, String> tags,
            List<Attachment> attachments, String note) {

        public boolean isRunning() {
            return state == State.RUNNING;
        }
    }

    private static final Machine MACHINE = new Machine("i-1", State.RUNNING, Instant.parse("2025-01-02T03:04:05.5Z"),
            Duration.ofSeconds(90), Map.of("Name", "web"), List.of(new Attachment("vol-1", 0)), null);

    @Test
    void writesComponentsOnlyAndLeavesOutNulls() {
        assertEquals("{\"id\":\"i-1\",\"state\":\"RUNNING\",\"launched\":\"2025-01-02T03:04:05.500Z\",\"grace\":\"PT1M30S\","
                + "\"tags\":{\"Name\":\"web\"},\"attachments\":[{\"volume\":\"vol-1\",\"index\":0}]}",
                new String(codec.encode(MACHINE), StandardCharsets.UTF_8));
    }

    @Test
    void readsBackWhatItWrote() {
        assertEquals(MACHINE, codec.decode(codec.encode(MACHINE), Machine.class));
    }

    @Test
    void ignoresUnknownFieldsAndLeavesMissingOnesNull() {
        byte[] older = "{\"id\":\"i-2\",\"retired\":true}".getBytes(StandardCharsets.UTF_8);

        assertEquals(new Machine("i-2", null, null, null, null, null, null), codec.decode(older, Machine.class));
    }
}
