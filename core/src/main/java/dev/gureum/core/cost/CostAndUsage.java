package dev.gureum.core.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GetCostAndUsage's answer: one result per time bucket, with the total of each metric when nothing is
 * grouped, or one group per combination of the groupings' values. {@code estimated} marks a bucket
 * that holds time of the month being billed (or later), whose bill is not final yet: a day of this month that has
 * ended is still an estimate, as Cost Explorer shows it.
 */
public record CostAndUsage(List<CostGrouping> groupDefinitions, List<Period> results) {

    /** An amount and its unit (USD for costs; the usage unit, or N/A when several are summed). */
    public record Amount(BigDecimal amount, String unit) {
    }

    public record Group(List<String> keys, Map<String, Amount> metrics) {
    }

    public record Period(Instant start, Instant end, Map<String, Amount> total, List<Group> groups,
                         boolean estimated) {
    }
}
