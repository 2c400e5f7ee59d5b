package dev.gureum.core.cost;

import dev.gureum.core.billing.LineItem;

/**
 * What GetCostAndUsage groups by: a dimension ({@link CostDimension}), whose group keys are its values, or a cost
 * allocation tag, whose group keys are {@code <key>$<value>} and {@code <key>$} for usage of resources without the
 * tag, as Cost Explorer writes them.
 */
public sealed interface CostGrouping permits CostDimension, CostGrouping.Tag {
    /** {@code DIMENSION} or {@code TAG}, as the request's and the answer's GroupDefinitions name the type. */
    String type();

    /** The dimension's name or the tag's key. */
    String key();

    String valueOf(LineItem item, CostScope scope);

    record Tag(String key) implements CostGrouping {
        @Override
        public String type() {
            return "TAG";
        }

        @Override
        public String valueOf(LineItem item, CostScope scope) {
            String value = scope.tags().value(item, key);
            return key + "$" + (value == null ? "" : value);
        }
    }
}
