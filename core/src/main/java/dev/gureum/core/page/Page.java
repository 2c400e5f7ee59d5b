package dev.gureum.core.page;

import java.util.List;

/** One page of a Describe call's results and the token for the next page (null on the last page). */
public record Page<T>(List<T> items, String nextToken) {
}
