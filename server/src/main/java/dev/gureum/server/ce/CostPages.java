package dev.gureum.server.ce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.server.dispatch.JsonMembers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The pages of Cost Explorer's whole answers: a token is where the next page begins in the operation that handed it
 * out, opaque to the caller (base64 of {@code <operation>:<offset>}); one that is not such a token, comes from
 * another operation, or points past the answer, is {@code InvalidNextTokenException}.
 */
final class CostPages {
    private CostPages() {
    }

    /** A page of an answer: its items, and the token of the next page (null on the last). */
    record Page<T>(List<T> items, String nextToken) {
    }

    /**
     * The page of up to {@code size} items of {@code all} that the request's {@code member} (NextToken or
     * NextPageToken; the first page without it) asks for.
     */
    static <T> Page<T> page(List<T> all, JsonNode input, String member, String operation, int size) {
        int from = offset(JsonMembers.string(input, member), member, operation, all.size());
        int to = (int) Math.min(all.size(), (long) from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? token(operation, to) : null);
    }

    private static String token(String operation, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((operation + ":" + offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String member, String operation, int size) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(operation + ":")) {
                int offset = Integer.parseInt(text.substring(operation.length() + 1));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the refusal below
        }
        throw CostExplorerError.INVALID_NEXT_TOKEN.exception("The " + member + " " + token + " is not valid.");
    }
}
