package io.hoithao.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a run found: one table of figures, each beside its reference measured in the same run, the
 * invariants checked (exact seats, no 5xx), and the series behind the plots of the HTML report.
 */
public final class Report {

    /** One line of the table: a figure, the reference it is compared with, and the comparison. */
    public record Row(String scenario, String figure, String measured, String reference, String comparison) {
    }

    /** An invariant: it must hold in every run, whatever the timings. */
    public record Check(String scenario, String invariant, boolean holds, String detail) {
    }

    public record Chart(String title, List<Series> series) {
    }

    private final List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    private final List<Check> checks = Collections.synchronizedList(new ArrayList<>());
    private final List<Chart> charts = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final String title;

    public Report(String title) {
        this.title = title;
    }

    public void row(String scenario, String figure, String measured, String reference, String comparison) {
        rows.add(new Row(scenario, figure, measured, reference, comparison));
    }

    public void check(String scenario, String invariant, boolean holds, String detail) {
        checks.add(new Check(scenario, invariant, holds, detail));
    }

    public void chart(String title, List<Series> series) {
        charts.add(new Chart(title, series));
    }

    public void note(String note) {
        notes.add(note);
    }

    /** In scenario order (P1 to P6), each scenario's rows in the order they were added. */
    public List<Row> rows() {
        List<Row> sorted = new ArrayList<>(List.copyOf(rows));
        sorted.sort(java.util.Comparator.comparing(Row::scenario));
        return sorted;
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public List<Check> failedChecks() {
        return checks().stream().filter(c -> !c.holds()).toList();
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    // ------------------------------------------------------------------ text

    public String table() {
        String[] header = {"", "figure", "measured", "reference (same run)", "comparison"};
        List<String[]> lines = new ArrayList<>();
        lines.add(header);
        for (Row r : rows()) {
            lines.add(new String[] {r.scenario(), r.figure(), r.measured(), r.reference(), r.comparison()});
        }
        int[] width = new int[header.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            String[] line = lines.get(l);
            s.append("| ");
            for (int i = 0; i < line.length; i++) {
                s.append(pad(line[i], width[i])).append(i == line.length - 1 ? " |" : " | ");
            }
            s.append(System.lineSeparator());
            if (l == 0) {
                s.append("|");
                for (int w : width) {
                    s.append("-".repeat(w + 2)).append("|");
                }
                s.append(System.lineSeparator());
            }
        }
        return s.toString();
    }

    public void print(PrintStream out) {
        out.println();
        out.println(title);
        out.print(table());
        out.println();
        out.println("Invariants (must hold in every run):");
        for (Check c : checks()) {
            out.printf(Locale.ROOT, "  %-4s %-3s %s: %s%n", c.holds() ? "ok" : "FAIL", c.scenario(), c.invariant(), c.detail());
        }
        for (String note : notes()) {
            out.println("  note: " + note);
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    // ------------------------------------------------------------------ HTML

    public Path writeHtml(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:DejaVu Sans,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left}")
                .append("th{background:#eee}.fail{color:#b00020;font-weight:bold}.ok{color:#1b5e20}")
                .append("figure{margin:1.5em 0}svg{background:#fff;border:1px solid #ddd}</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1><p>Generated ").append(Instant.now()).append("</p>");
        h.append("<h2>Figures</h2><table><tr><th></th><th>figure</th><th>measured</th><th>reference (same run)</th><th>comparison</th></tr>");
        for (Row r : rows()) {
            h.append("<tr><td>").append(esc(r.scenario())).append("</td><td>").append(esc(r.figure())).append("</td><td>")
                    .append(esc(r.measured())).append("</td><td>").append(esc(r.reference())).append("</td><td>")
                    .append(esc(r.comparison())).append("</td></tr>");
        }
        h.append("</table><h2>Invariants</h2><ul>");
        for (Check c : checks()) {
            h.append("<li class=\"").append(c.holds() ? "ok" : "fail").append("\">").append(c.holds() ? "ok" : "FAIL").append(" ")
                    .append(esc(c.scenario())).append(" ").append(esc(c.invariant())).append(": ").append(esc(c.detail())).append("</li>");
        }
        h.append("</ul>");
        if (!notes().isEmpty()) {
            h.append("<h2>Notes</h2><ul>");
            notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
            h.append("</ul>");
        }
        h.append("<h2>Plots</h2>");
        for (Chart chart : List.copyOf(charts)) {
            h.append("<figure><figcaption><strong>").append(esc(chart.title())).append("</strong>: latency of each request at the time")
                    .append(" it was answered (black: 5xx or no answer), then answers per second</figcaption>");
            h.append(Svg.latencyOverTime(chart.series())).append(Svg.throughput(chart.series())).append("</figure>");
        }
        h.append("</body></html>");
        Path file = dir.resolve("report.html");
        Files.writeString(file, h, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("table.md"), table(), StandardCharsets.UTF_8);
        return file;
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ------------------------------------------------------------------ formatting helpers

    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** A difference with its sign: "+12.3 ms", "-4.0 ms". */
    public static String delta(double millis) {
        return Double.isNaN(millis) ? "n/a" : (millis >= 0 ? "+" : "-") + ms(Math.abs(millis));
    }

    public static String perSecond(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f/s", value);
    }

    public static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.2f×", value);
    }
}
