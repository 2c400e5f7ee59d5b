package dev.gureum.core.alarm;

import dev.gureum.core.error.CloudWatchError;
import dev.gureum.core.page.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * CloudWatch's paging of alarms and history: MaxRecords 1..100, a NextToken naming the last key shown;
 * a token that is not ours is {@code InvalidNextToken}.
 */
final class AlarmPages {
    private static final String PREFIX = "gureum-alarms1:";

    private AlarmPages() {
    }

    static <T> Page<T> page(List<T> ordered, Function<T, String> key, Integer maxRecords, int defaultSize,
                            String nextToken) {
        if (maxRecords != null && (maxRecords < 1 || maxRecords > 100)) {
            throw AlarmValidation.constraint(maxRecords, "maxRecords", maxRecords < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 100");
        }
        int start = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            String after = decode(nextToken);
            int found = -1;
            for (int i = 0; i < ordered.size(); i++) {
                if (key.apply(ordered.get(i)).equals(after)) {
                    found = i;
                    break;
                }
            }
            start = found + 1;
            if (found < 0) {
                // the entry it named is gone: continue after where it would have been
                start = 0;
                while (start < ordered.size() && key.apply(ordered.get(start)).compareTo(after) <= 0) {
                    start++;
                }
            }
        }
        int size = Math.min(maxRecords == null ? defaultSize : maxRecords, ordered.size() - start);
        List<T> items = List.copyOf(ordered.subList(start, start + size));
        return new Page<>(items, start + size < ordered.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key.apply(items.get(size - 1)))
                .getBytes(StandardCharsets.UTF_8)) : null);
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return text.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below
        }
        throw CloudWatchError.INVALID_NEXT_TOKEN.exception("The service cannot recognize the next token: " + token);
    }
}
