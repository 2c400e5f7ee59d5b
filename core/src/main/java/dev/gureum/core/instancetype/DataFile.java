package dev.gureum.core.instancetype;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a tab-separated data file beside this package; lines starting with '#' are comments. */
final class DataFile {
    private DataFile() {
    }

    static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = DataFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
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
