package dev.gureum.core.instancetype;

import dev.gureum.core.tsv.TsvResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a tab-separated data file beside this package; lines starting with '#' are comments. */
final class DataFile {
    private DataFile() {
    }

    static List<String[]> rows(String resource) {
        return TsvResource.rows(DataFile.class, resource);
    }

    /** The rows after the first, each keyed by the column names the first row gives. */
    static List<Map<String, String>> namedRows(String resource) {
        List<String[]> rows = rows(resource);
        String[] names = rows.get(0);
        List<Map<String, String>> named = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            if (row.length != names.length) {
                throw new IllegalStateException(resource + ": " + row[0] + " has " + row.length + " cells, not "
                        + names.length);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                cells.put(names[i], row[i]);
            }
            named.add(cells);
        }
        return named;
    }
}
