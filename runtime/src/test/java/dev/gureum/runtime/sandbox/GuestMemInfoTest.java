package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuestMemInfoTest {
    private static final long GIB = 1L << 30;

    @Test
    void aBootingInstanceHasItsTypesMemoryFreeAndNoSwap() {
        String text = GuestMemInfo.text(GIB, GuestMemInfo.Use.NOTHING);
        assertTrue(text.startsWith("MemTotal:        1048576 kB\nMemFree:         1048576 kB\n"), text);
        assertTrue(text.contains("\nSwapTotal:             0 kB\n"), text);
    }

    @Test
    void whatTheCgroupUsesIsNotFreeAndPageCacheIsAvailable() {
        GuestMemInfo.Use use = new GuestMemInfo.Use(300L << 20, Map.of("file", 100L << 20, "shmem", 20L << 20,
                "anon", 200L << 20, "slab_reclaimable", 4L << 20));
        Map<String, Long> values = values(GuestMemInfo.text(GIB, use));
        assertEquals(1_048_576L - 307_200, values.get("MemFree"));
        assertEquals(102_400L, values.get("Cached"));
        assertEquals(values.get("MemFree") + 81_920 + 4_096, values.get("MemAvailable"),
                "free, plus page cache that is not shared memory, plus reclaimable slab");
        assertEquals(20_480L, values.get("Shmem"));
    }

    @Test
    void everyLineKeepsItsLengthWhateverTheNumbers() {
        List<Integer> empty = lengths(GuestMemInfo.text(768 * GIB, GuestMemInfo.Use.NOTHING));
        List<Integer> full = lengths(GuestMemInfo.text(768 * GIB, new GuestMemInfo.Use(768 * GIB,
                Map.of("anon", 700 * GIB))));
        assertEquals(empty, full, "a file rewritten in place never leaves a tail of the text before");
    }

    private static Map<String, Long> values(String text) {
        return Arrays.stream(text.split("\n")).map(line -> line.split(":\\s+"))
                .collect(java.util.stream.Collectors.toMap(parts -> parts[0],
                        parts -> Long.parseLong(parts[1].replace(" kB", "").trim())));
    }

    private static List<Integer> lengths(String text) {
        return Arrays.stream(text.split("\n")).map(String::length).toList();
    }
}
