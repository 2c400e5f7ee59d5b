package dev.gureum.core.savings;

import dev.gureum.core.error.SavingsPlansError;
import dev.gureum.core.page.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Savings Plans' pagination: {@code maxResults} within the operation's bounds (a page of {@link #DEFAULT} when
 * absent or 0), {@code nextToken} an opaque base64 token (the model's pattern {@code [A-Za-z0-9/=+]+}) naming the
 * position of the next page in a stable order. A token that is not ours is a ValidationException.
 */
final class SavingsPages {
    static final int DEFAULT = 1000;
    private static final String PREFIX = "gureum-sp:";

    private SavingsPages() {
    }

    static <T> Page<T> page(List<T> ordered, Integer maxResults, String nextToken, int minimum, int maximum) {
        if (maxResults != null && (maxResults < minimum || maxResults > maximum)) {
            throw SavingsPlansError.VALIDATION.exception("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between " + minimum
                    + " and " + maximum);
        }
        int size = maxResults == null || maxResults == 0 ? DEFAULT : maxResults;
        int start = nextToken == null || nextToken.isEmpty() ? 0 : position(nextToken);
        if (start > ordered.size()) {
            throw invalidToken();
        }
        int end = Math.min(ordered.size(), start + size);
        return new Page<>(List.copyOf(ordered.subList(start, end)), end < ordered.size() ? token(end) : null);
    }

    private static String token(int position) {
        return Base64.getEncoder().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int position(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                throw invalidToken();
            }
            int position = Integer.parseInt(decoded.substring(PREFIX.length()));
            if (position < 0) {
                throw invalidToken();
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
    }

    private static RuntimeException invalidToken() {
        return SavingsPlansError.VALIDATION.exception("The nextToken is not valid.");
    }
}
