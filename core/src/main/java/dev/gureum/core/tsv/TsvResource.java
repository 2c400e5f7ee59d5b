package dev.gureum.core.tsv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated data files Gureum ships beside its classes (regions, instance types, images,
 * prices): blank lines and lines starting with '#' (the header naming the sources) are skipped; every other
 * line is one row of cells, empty cells kept.
 */
public final class TsvResource {
    private TsvResource() {
    }

    /** The rows of {@code resource}, found beside {@code anchor}'s package; a missing file is a build error. */
    public static List<String[]> rows(Class<?> anchor, String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
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
}
