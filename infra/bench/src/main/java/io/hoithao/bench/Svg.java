package io.hoithao.bench;

import java.util.List;
import java.util.Locale;

/** Self-contained SVG plots: latency over time (a dot per request, at the moment it was answered; black: 5xx or no answer) and answers per second. */
final class Svg {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int W = 560;
    private static final int H = 300;
    private static final int L = 60;
    private static final int R = 20;
    private static final int T = 20;
    private static final int B = 50;

    private Svg() {
    }

    static String latencyOverTime(List<Series> series) {
        double maxX = 0.001;
        double maxY = 1;
        for (Series s : series) {
            long t0 = s.firstStart();
            for (Sample sample : s.samples()) {
                maxX = Math.max(maxX, (sample.endNanos() - t0) / 1e9);
                maxY = Math.max(maxY, sample.latencyMillis());
            }
        }
        StringBuilder svg = frame(maxX, maxY, "seconds since the first request", "latency (ms)");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            long t0 = s.firstStart();
            String colour = COLOURS[i % COLOURS.length];
            int step = Math.max(1, s.count() / 4000); // at most ~4,000 dots a series
            for (int j = 0; j < s.count(); j += step) {
                Sample sample = s.samples().get(j);
                double x = x((sample.endNanos() - t0) / 1e9, maxX);
                double y = y(sample.latencyMillis(), maxY);
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.6\" fill=\"%s\" fill-opacity=\"0.55\"%s/>",
                        x, y, sample.status() >= 500 || sample.status() == 0 ? "#000" : colour, ""));
            }
        }
        legend(svg, series);
        return svg.append("</svg>").toString();
    }

    static String throughput(List<Series> series) {
        double maxX = 0.001;
        for (Series s : series) {
            maxX = Math.max(maxX, (s.lastEnd() - s.firstStart()) / 1e9);
        }
        double bucket = Math.max(0.1, maxX / 40);
        int buckets = (int) Math.ceil(maxX / bucket) + 1;
        double maxY = 1;
        double[][] counts = new double[series.size()][buckets];
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            long t0 = s.firstStart();
            for (Sample sample : s.samples()) {
                int b = (int) ((sample.endNanos() - t0) / 1e9 / bucket);
                counts[i][Math.min(buckets - 1, b)] += 1 / bucket;
            }
            for (double c : counts[i]) {
                maxY = Math.max(maxY, c);
            }
        }
        StringBuilder svg = frame(buckets * bucket, maxY, "seconds since the first request", "answers per second");
        for (int i = 0; i < series.size(); i++) {
            StringBuilder points = new StringBuilder();
            for (int b = 0; b < buckets; b++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x((b + 0.5) * bucket, buckets * bucket), y(counts[i][b], maxY)));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"1.8\" stroke=\"").append(COLOURS[i % COLOURS.length])
                    .append("\" points=\"").append(points).append("\"/>");
        }
        legend(svg, series);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder frame(double maxX, double maxY, String xLabel, String yLabel) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\" role=\"img\" aria-label=\"%s by %s\">", W, H, W, H, yLabel, xLabel));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", L, H - B, W - R, H - B));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", L, T, L, H - B));
        for (int i = 0; i <= 4; i++) {
            double vx = maxX * i / 4;
            double vy = maxY * i / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x(vx, maxX), H - B + 15, num(vx)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", L - 5, y(vy, maxY) + 4, num(vy)));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", L + 1, y(vy, maxY), W - R, y(vy, maxY)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", (L + W - R) / 2, H - 12, xLabel));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>",
                (T + H - B) / 2, (T + H - B) / 2, yLabel));
        return svg;
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        for (int i = 0; i < series.size(); i++) {
            int y = T + 12 + i * 14;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", W - R - 190, y - 9,
                    COLOURS[i % COLOURS.length]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", W - R - 175, y, Report.esc(series.get(i).name())));
        }
    }

    private static double x(double value, double max) {
        return L + (W - L - R) * value / max;
    }

    private static double y(double value, double max) {
        return H - B - (H - T - B) * value / max;
    }

    private static String num(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return v >= 1 || v == 0 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
