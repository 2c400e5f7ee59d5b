package dev.gureum.core.sns;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.error.SnsError;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import java.util.List;
import java.util.function.Function;

/** SNS's lists: a hundred a page, and a NextToken that was not ours is SNS's "Invalid parameter: NextToken". */
final class SnsPages {
    static final int PAGE_SIZE = 100;

    private SnsPages() {
    }

    static <T> Page<T> page(String listing, List<T> ordered, Function<T, String> key, String nextToken) {
        try {
            return Pages.page(listing, ordered, key, PAGE_SIZE, nextToken, 1, PAGE_SIZE);
        } catch (CloudException e) {
            if (e.code() == Ec2Error.INVALID_PAGINATION_TOKEN) {
                throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: NextToken");
            }
            throw e;
        }
    }
}
