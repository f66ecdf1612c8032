package io.hoithao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.hoithao.devstack.App;
import io.hoithao.devstack.ChildProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * F5, the soak: mixed load (registrations, bookings, reads, withdrawn bookings, cancelled registrations)
 * through the gateway for a long while, with Netty's paranoid leak detection in every JVM of the stack.
 * Every minute each app's heap after a full collection, its metaspace and its resident set are printed
 * ({@link MemorySample}); at the end no log holds a leak report, memory is flat (the last minutes against
 * the first ones after the warm-up, {@link #HEAP_TOLERANCE}, {@link #RSS_TOLERANCE}) and the
 * {@link Invariants} hold. Not part of {@code ./mvnw verify}: {@code -Dit.test=SoakIT} runs it, 2 minutes;
 * with {@code -Dfaults.full=true} 30 minutes; {@code -Dfaults.soak.minutes=N} any other length.
 */
class SoakIT {

    static final String PARANOID = "-Dio.netty.leakDetection.level=paranoid";
    static final List<App> APPS = List.of(App.IDENTITY, App.EVENTS, App.REGISTRATIONS, App.OBSERVATIONS, App.GATEWAY);
    static final double RATE = 4; // operations per second: leaks and memory need time and variety, not throughput
    /** Heap after a full collection may end at most this much above where it stood after the warm-up: 20% and 16 MB. */
    static final Tolerance HEAP_TOLERANCE = new Tolerance(1.20, 16 * 1024);
    /** The resident set (heap committed, code cache, direct buffers, thread stacks): 15% and 48 MB. */
    static final Tolerance RSS_TOLERANCE = new Tolerance(1.15, 48 * 1024);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps its logs (logs/<app>.log)
    static Path dataDir;

    static FaultStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new FaultStack(dataDir, APPS, PARANOID);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void f5MixedLoadLeaksNothingAndMemoryStaysFlat() throws Exception {
        Duration length = Duration.ofMinutes(Long.getLong("faults.soak.minutes", FaultStack.full() ? 30 : 2));
        // a sample every minute; the short form's two minutes get one every 20 s, else there is nothing to compare
        Duration every = length.toMinutes() >= 10 ? Duration.ofMinutes(1) : Duration.ofSeconds(20);
        // the first sixth of the run is warm-up (classes loaded, code compiled, heap and pools grown to their working size)
        int warmUp = (int) (length.toSeconds() / 6 / every.toSeconds());

        Map<String, Long> pids = new LinkedHashMap<>();
        for (ChildProcess child : stack.stack.processes()) {
            pids.put(child.app().id(), child.pid());
        }
        for (Map.Entry<String, Long> app : pids.entrySet()) {
            assertThat(MemorySample.commandLine(app.getValue())).as("leak detection of " + app.getKey()).contains(PARANOID);
        }
        assertThat(pids.keySet()).as("apps watched").hasSize(APPS.size());

        FaultStack.Scenario scenario = stack.openEvent("F5 soak", 6);
        Workload workload = new Workload(stack, scenario, "f5");
        int operations = (int) (length.toSeconds() * RATE);
        Map<String, List<MemorySample>> samples = new TreeMap<>();
        long t0 = System.nanoTime();
        // sampled on a thread of its own, so the jcmd calls never hold up the load's pace
        java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        int[] n = {0};
        List<Throwable> samplingFailed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable takeSample = () -> {
            try {
                sample(pids, samples, n[0]++, (System.nanoTime() - t0) / 1e9);
            } catch (RuntimeException e) {
                samplingFailed.add(e);
            }
        };
        sampler.scheduleAtFixedRate(takeSample, 0, every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            workload.runMixed(operations, RATE, i -> { });
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        }
        takeSample.run();
        assertThat(samplingFailed).as("samples that failed").isEmpty();

        FaultStack.report("F5 %s; %d reads answered 200, %d bookings withdrawn (%d more answered 5xx), %d registrations cancelled",
                workload.summary(), workload.reads.get(), workload.bookingsCancelled.get(), workload.withdrawalsUnknown.get(),
                workload.registrationsCancelled.get());

        // zero leak reports in every JVM's log (the apps', the broker's and the database's)
        Map<String, Long> leaks = new TreeMap<>();
        Path logs = stack.stack.config().logDir();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                leaks.put(log.getFileName().toString(), lines.stream().filter(l -> l.contains("LEAK:")).count());
            }
        }
        FaultStack.report("F5 leak reports per log: %s", leaks);
        assertThat(leaks.keySet()).as("logs scanned").containsAll(pids.keySet().stream().map(id -> id + ".log").toList());
        assertThat(leaks.values()).as("leak reports (LEAK:) in " + logs).allMatch(count -> count == 0);

        // flat memory: the median of the last three samples against the median of the three after the warm-up
        List<String> verdicts = new ArrayList<>();
        Map<String, long[]> judged = new TreeMap<>(); // app -> heap first, heap last, RSS first, RSS last
        for (Map.Entry<String, List<MemorySample>> app : samples.entrySet()) {
            List<MemorySample> series = app.getValue();
            assertThat(series.size()).as("samples of " + app.getKey()).isGreaterThanOrEqualTo(warmUp + 4);
            List<MemorySample> first = series.subList(warmUp, warmUp + 3);
            List<MemorySample> last = series.subList(series.size() - 3, series.size());
            long[] figures = {median(first.stream().mapToLong(MemorySample::heapAfterGcKb).toArray()),
                    median(last.stream().mapToLong(MemorySample::heapAfterGcKb).toArray()),
                    median(first.stream().mapToLong(MemorySample::rssKb).toArray()),
                    median(last.stream().mapToLong(MemorySample::rssKb).toArray())};
            judged.put(app.getKey(), figures);
            verdicts.add(String.format(java.util.Locale.ROOT, "%s heap after GC %,d -> %,d kB (bound %,d), RSS %,d -> %,d kB (bound %,d)",
                    app.getKey(), figures[0], figures[1], HEAP_TOLERANCE.bound(figures[0]), figures[2], figures[3],
                    RSS_TOLERANCE.bound(figures[2])));
        }
        FaultStack.report("F5 memory, after the warm-up -> the end: %s", verdicts);
        judged.forEach((app, figures) -> {
            assertThat(figures[1]).as("heap after GC of %s at the end, kB (%s)", app, samples.get(app))
                    .isLessThanOrEqualTo(HEAP_TOLERANCE.bound(figures[0]));
            assertThat(figures[3]).as("RSS of %s at the end, kB (%s)", app, samples.get(app))
                    .isLessThanOrEqualTo(RSS_TOLERANCE.bound(figures[2]));
        });
        Invariants.check(stack, scenario, workload, FaultsIT.CONVERGE);
    }

    private static void sample(Map<String, Long> pids, Map<String, List<MemorySample>> samples, int n, double seconds) {
        StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "F5 sample %d at %.0f s:", n, seconds));
        for (Map.Entry<String, Long> app : pids.entrySet()) {
            MemorySample sample = MemorySample.of(app.getValue());
            samples.computeIfAbsent(app.getKey(), k -> new ArrayList<>()).add(sample);
            line.append(' ').append(app.getKey()).append(' ').append(sample);
        }
        FaultStack.report("%s", line);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** At most {@code factor} times the start plus {@code slackKb}. */
    record Tolerance(double factor, long slackKb) {
        long bound(long startKb) {
            return (long) (startKb * factor) + slackKb;
        }
    }
}
