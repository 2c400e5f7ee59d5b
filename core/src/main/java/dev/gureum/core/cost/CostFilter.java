package dev.gureum.core.cost;

import dev.gureum.core.billing.LineItem;
import java.util.List;

/**
 * Cost Explorer's filter expression: a dimension's values (exact, case-sensitive, Cost Explorer's default
 * match), or And, Or and Not of expressions.
 */
public sealed interface CostFilter {
    CostFilter ALL = new And(List.of());

    boolean matches(LineItem item);

    record Dimension(CostDimension dimension, List<String> values) implements CostFilter {
        @Override
        public boolean matches(LineItem item) {
            return values.contains(dimension.valueOf(item));
        }
    }

    record And(List<CostFilter> all) implements CostFilter {
        @Override
        public boolean matches(LineItem item) {
            return all.stream().allMatch(filter -> filter.matches(item));
        }
    }

    record Or(List<CostFilter> any) implements CostFilter {
        @Override
        public boolean matches(LineItem item) {
            return any.stream().anyMatch(filter -> filter.matches(item));
        }
    }

    record Not(CostFilter filter) implements CostFilter {
        @Override
        public boolean matches(LineItem item) {
            return !filter.matches(item);
        }
    }
}
