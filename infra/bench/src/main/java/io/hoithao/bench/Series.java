package io.hoithao.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The samples of one measured series (one path, one run) and the figures computed from them. */
public final class Series {

    private final String name;
    private final List<Sample> samples;

    public Series(String name, List<Sample> samples) {
        this.name = name;
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        this.samples = Collections.unmodifiableList(sorted);
    }

    public String name() {
        return name;
    }

    public List<Sample> samples() {
        return samples;
    }

    public int count() {
        return samples.size();
    }

    /** Nearest-rank percentile of the latencies in milliseconds (NaN without samples). */
    public double percentile(double p) {
        return percentile(latencies(), p);
    }

    public static double percentile(double[] sortedValues, double p) {
        if (sortedValues.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedValues.length);
        return sortedValues[Math.max(0, Math.min(sortedValues.length - 1, rank - 1))];
    }

    public double[] latencies() {
        double[] values = samples.stream().mapToDouble(Sample::latencyMillis).toArray();
        Arrays.sort(values);
        return values;
    }

    /** Answers per second from the first request sent to the last answer received. */
    public double throughput() {
        if (samples.isEmpty()) {
            return 0;
        }
        double seconds = (lastEnd() - firstStart()) / 1e9;
        return seconds <= 0 ? Double.NaN : samples.size() / seconds;
    }

    public long firstStart() {
        return samples.stream().mapToLong(Sample::startNanos).min().orElse(0);
    }

    public long lastEnd() {
        return samples.stream().mapToLong(Sample::endNanos).max().orElse(0);
    }

    public long countStatus(int status) {
        return samples.stream().filter(s -> s.status() == status).count();
    }

    public long serverErrors() {
        return samples.stream().filter(Sample::isServerError).count();
    }

    public long noAnswers() {
        return samples.stream().filter(Sample::isNoAnswer).count();
    }

    public long countOutcome(String outcome) {
        return samples.stream().filter(s -> outcome.equals(s.outcome())).count();
    }

    /** "201 ×1950, 503 ×50" */
    public String statusSummary() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Sample s : samples) {
            counts.merge(s.isNoAnswer() ? "no answer" : Integer.toString(s.status()), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((status, n) -> text.append(text.length() == 0 ? "" : ", ").append(status).append(" ×").append(n));
        return text.toString();
    }
}
