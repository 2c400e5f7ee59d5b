package dev.gureum.server.ce;

import dev.gureum.core.error.CostExplorerError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The pages of Cost Explorer's whole answers: a token is where the next page begins, opaque to the caller
 * (base64 of {@code values:<offset>}); one that is not such a token, or points past the answer, is
 * {@code InvalidNextTokenException}.
 */
final class CostPages {
    private static final String TOKEN_PREFIX = "values:";

    private CostPages() {
    }

    /** A page of {@code all}: up to {@code size} items from where {@code token} (null: the first page) says. */
    record Page<T>(List<T> items, String nextToken) {
    }

    static <T> Page<T> page(List<T> all, String token, int size) {
        int from = offset(token, all.size());
        int to = (int) Math.min(all.size(), (long) from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? token(to) : null);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, int size) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the refusal below
        }
        throw CostExplorerError.INVALID_NEXT_TOKEN.exception("The NextPageToken " + token + " is not valid.");
    }
}
