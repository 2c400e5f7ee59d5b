package dev.gureum.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one benchmark found: a plain-text table for people, then one machine-readable line per figure,
 * {@code RESULT <benchmark> <key> <value> <unit>}, for scripts ({@code grep '^RESULT'}).
 */
final class Report {
    /** One line of the table; {@code shown} is for people, {@code machine} for the RESULT line. */
    private record Row(String key, String label, String shown, String machine, String unit, String note,
                       boolean failed) {
    }

    private final String benchmark;
    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private String skipReason;

    Report(String benchmark, String title) {
        this.benchmark = benchmark;
        this.title = title;
    }

    Report figure(String key, String label, double value, String unit, String note) {
        String text = format(value);
        rows.add(new Row(key, label, text, text, unit, note, false));
        return this;
    }

    /** A condition without which the figures mean nothing (all answers 200); a failed one fails the run. */
    Report check(String key, String label, boolean passed, String note) {
        rows.add(new Row(key, label, passed ? "yes" : "NO", Boolean.toString(passed), "", note, !passed));
        return this;
    }

    /** A figure this host could not measure, and why: {@code RESULT <benchmark> <key> skipped -}. */
    Report unmeasured(String key, String label, String reason) {
        rows.add(new Row(key, label, "skipped", "skipped", "", reason, false));
        return this;
    }

    /** A goal the figures are held to; missing it is reported, not a failure of the run. */
    Report target(String key, String label, boolean met, String note) {
        rows.add(new Row(key, label, met ? "met" : "missed", Boolean.toString(met), "", note, false));
        return this;
    }

    /**
     * A benchmark that cannot run on this host (it needs root, say): it prints why and one
     * {@code RESULT <benchmark> skipped true -} line, and counts as neither passed nor failed.
     */
    static Report skipped(String benchmark, String title, String reason) {
        Report report = new Report(benchmark, title);
        report.skipReason = reason;
        return report;
    }

    /** True when every check in the report passed. */
    boolean checksPassed() {
        return rows.stream().noneMatch(Row::failed);
    }

    void print(PrintStream out) {
        if (skipReason != null) {
            out.println();
            out.println(benchmark + ": " + title);
            out.println("skipped: " + skipReason.strip());
            out.println();
            out.println("RESULT " + benchmark + " skipped true -");
            return;
        }
        int labelWidth = rows.stream().mapToInt(row -> row.label().length()).max().orElse(0);
        int valueWidth = rows.stream().mapToInt(row -> (row.shown() + " " + row.unit()).strip().length()).max().orElse(0);
        out.println();
        out.println(benchmark + ": " + title);
        out.println("-".repeat(labelWidth + valueWidth + 4));
        for (Row row : rows) {
            String value = (row.shown() + " " + row.unit()).strip();
            out.printf("%-" + labelWidth + "s  %" + valueWidth + "s  %s%n", row.label(), value, row.note());
        }
        out.println();
        for (Row row : rows) {
            out.println("RESULT " + benchmark + " " + row.key() + " " + row.machine() + " "
                    + (row.unit().isEmpty() ? "-" : row.unit()));
        }
    }

    private static String format(double value) {
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
