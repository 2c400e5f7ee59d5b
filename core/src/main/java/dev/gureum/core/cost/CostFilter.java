package dev.gureum.core.cost;

import dev.gureum.core.billing.LineItem;
import java.util.List;

/**
 * Cost Explorer's filter expression: a dimension's values or a tag's values (exact, case-sensitive, Cost
 * Explorer's default match; a tag filter may also match usage of resources without the tag, its ABSENT option),
 * or And, Or and Not of expressions.
 */
public sealed interface CostFilter {
    CostFilter ALL = new And(List.of());

    boolean matches(LineItem item, CostScope scope);

    /** Whether the expression reads tags anywhere (only then are the account's resources' tags looked up). */
    default boolean readsTags() {
        return switch (this) {
            case Dimension unused -> false;
            case Tag unused -> true;
            case And and -> and.all().stream().anyMatch(CostFilter::readsTags);
            case Or or -> or.any().stream().anyMatch(CostFilter::readsTags);
            case Not not -> not.filter().readsTags();
        };
    }

    /** Whether the expression reads {@code dimension} anywhere. */
    default boolean readsDimension(CostDimension dimension) {
        return switch (this) {
            case Dimension own -> own.dimension() == dimension;
            case Tag unused -> false;
            case And and -> and.all().stream().anyMatch(part -> part.readsDimension(dimension));
            case Or or -> or.any().stream().anyMatch(part -> part.readsDimension(dimension));
            case Not not -> not.filter().readsDimension(dimension);
        };
    }

    /**
     * Whether every item the expression passes has {@code value} in {@code dimension}: the expression is that
     * dimension's filter with that one value, or an And with such a filter among its parts.
     */
    default boolean requires(CostDimension dimension, String value) {
        return switch (this) {
            case Dimension own -> own.dimension() == dimension && own.values().equals(List.of(value));
            case And and -> and.all().stream().anyMatch(part -> part.requires(dimension, value));
            case Tag unused -> false;
            case Or unused -> false;
            case Not unused -> false;
        };
    }

    record Dimension(CostDimension dimension, List<String> values) implements CostFilter {
        @Override
        public boolean matches(LineItem item, CostScope scope) {
            return values.contains(dimension.valueOf(item, scope));
        }
    }

    /**
     * The tag {@code key} with one of {@code values}, or, when {@code absent}, no tag {@code key} at all. Without
     * values it is the key's absence alone, and without a key too, the absence of any tag: "If Key is provided and
     * Values isn't specified, the ABSENT MatchOption is applied to the tag Key only ... If Values and Key aren't
     * specified, the ABSENT MatchOption is applied to all tags."
     */
    record Tag(String key, List<String> values, boolean absent) implements CostFilter {
        @Override
        public boolean matches(LineItem item, CostScope scope) {
            if (key == null) {
                return item.resourceId() == null || scope.tags().of(item.resourceId()).isEmpty();
            }
            String value = scope.tags().value(item, key);
            return value == null ? absent || values.isEmpty() : values.contains(value);
        }
    }

    record And(List<CostFilter> all) implements CostFilter {
        @Override
        public boolean matches(LineItem item, CostScope scope) {
            return all.stream().allMatch(filter -> filter.matches(item, scope));
        }
    }

    record Or(List<CostFilter> any) implements CostFilter {
        @Override
        public boolean matches(LineItem item, CostScope scope) {
            return any.stream().anyMatch(filter -> filter.matches(item, scope));
        }
    }

    record Not(CostFilter filter) implements CostFilter {
        @Override
        public boolean matches(LineItem item, CostScope scope) {
            return !filter.matches(item, scope);
        }
    }
}
