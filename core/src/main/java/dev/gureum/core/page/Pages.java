package dev.gureum.core.page;

import dev.gureum.core.error.Ec2Error;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * EC2-style pagination over results in a stable order: {@code MaxResults} within the operation's bounds,
 * an opaque {@code NextToken} naming the listing it belongs to (the operation) and where its next page starts. A
 * token that was not ours, or that another listing handed out, is {@code InvalidPaginationToken}; an
 * out-of-range {@code MaxResults} is {@code InvalidParameterValue}.
 */
public final class Pages {
    private static final String TOKEN_PREFIX = "gureum2:";

    private Pages() {
    }

    /**
     * @param listing the operation whose results these are, which its tokens name
     * @param ordered every result, sorted by {@code key}
     * @param maxResults the caller's MaxResults, or null for all
     */
    public static <T> Page<T> page(String listing, List<T> ordered, Function<T, String> key, Integer maxResults,
                                   String nextToken, int minimum, int maximum) {
        if (maxResults != null && (maxResults < minimum || maxResults > maximum)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value ( " + maxResults
                    + " ) for parameter maxResults is invalid. Parameter must be between " + minimum + " and "
                    + maximum + ".");
        }
        int start = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            String after = decode(listing, nextToken);
            while (start < ordered.size() && key.apply(ordered.get(start)).compareTo(after) <= 0) {
                start++;
            }
        }
        int size = maxResults == null ? ordered.size() - start : Math.min(maxResults, ordered.size() - start);
        List<T> items = List.copyOf(ordered.subList(start, start + size));
        boolean more = start + size < ordered.size();
        return new Page<>(items, more ? encode(listing, key.apply(items.get(items.size() - 1))) : null);
    }

    /**
     * As {@link #page}, for operations that answer at most {@code maximum} results however many are asked
     * (DescribeVolumes: "if larger than 500, only 500 items are returned"); the AWS CLI asks for 1000.
     */
    public static <T> Page<T> pageAtMost(String listing, List<T> ordered, Function<T, String> key,
                                         Integer maxResults, String nextToken, int minimum, int maximum) {
        Integer capped = maxResults == null || maxResults <= maximum ? maxResults : Integer.valueOf(maximum);
        return page(listing, ordered, key, capped, nextToken, minimum, maximum);
    }

    /** The token of a page that ended at {@code lastKey}: {@code gureum2:<listing>\n<key>}, in URL-safe Base64. */
    private static String encode(String listing, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + listing + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The key a token of {@code listing} names, or InvalidPaginationToken. */
    private static String decode(String listing, String token) {
        String ours = TOKEN_PREFIX + listing + "\n";
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(ours)) {
                return text.substring(ours.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw Ec2Error.INVALID_PAGINATION_TOKEN.exception("Invalid pagination token: " + token);
    }
}
