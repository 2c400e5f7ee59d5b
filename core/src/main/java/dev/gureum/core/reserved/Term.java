package dev.gureum.core.reserved;

import java.time.Duration;
import java.util.Optional;

/** The two terms AWS sells, as DescribeReservedInstancesOfferings' Duration spells them: 365 and 3 × 365 days. */
public enum Term {
    ONE_YEAR(31_536_000L), THREE_YEARS(94_608_000L);

    private final long seconds;

    Term(long seconds) {
        this.seconds = seconds;
    }

    public long seconds() {
        return seconds;
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    /** Hours in the term: 8,760 or 26,280. */
    public long hours() {
        return seconds / 3600;
    }

    public static Optional<Term> ofSeconds(long seconds) {
        for (Term term : values()) {
            if (term.seconds == seconds) {
                return Optional.of(term);
            }
        }
        return Optional.empty();
    }
}
