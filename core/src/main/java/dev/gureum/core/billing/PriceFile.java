package dev.gureum.core.billing;

import dev.gureum.core.tsv.TsvResource;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a tab-separated price file beside this package: '#' lines are comments, the first other line names
 * the columns, and every row must have exactly those columns.
 */
final class PriceFile {
    private PriceFile() {
    }

    /** The rows after the column names, which must be {@code columns}. */
    static List<String[]> rows(String resource, String... columns) {
        List<String[]> rows = TsvResource.rows(PriceFile.class, resource);
        if (rows.isEmpty() || !Arrays.equals(rows.get(0), columns)) {
            throw new IllegalStateException(resource + ": columns must be " + String.join(" ", columns));
        }
        for (String[] row : rows) {
            if (row.length != columns.length) {
                throw new IllegalStateException(resource + ": " + String.join(" ", row) + " has " + row.length
                        + " cells, not " + columns.length);
            }
        }
        return rows.subList(1, rows.size());
    }

    /** A price cell: a plain decimal above zero (an unknown price is a missing row, never a zero). */
    static BigDecimal price(String cell, String where) {
        BigDecimal price;
        try {
            price = new BigDecimal(cell);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(where + ": price '" + cell + "' is not a decimal", e);
        }
        if (price.signum() <= 0) {
            throw new IllegalStateException(where + ": price " + cell + " must be above zero");
        }
        return price;
    }
}
