package io.hoithao.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The CPU time each app of the stack (and the Mongo-wire server) spends on a piece of work, less what it
 * spends when idle (its background passes). Work that a request starts and that goes on after its answer
 * (the outbox relay, the consumers of its messages) is counted by waiting, after the last answer, until
 * the stack is back to its idle use. On a machine shared with other work, CPU time per request changes
 * far less with the load than requests per second do.
 */
final class CpuUse {

    /** Past this much CPU above idle per second (all apps), the stack is still working. */
    private static final double BUSY_MS_PER_SECOND = 60;
    private static final Duration STEP = Duration.ofMillis(500);

    private final Target target;
    private final Map<String, Double> idlePerSecond;

    private CpuUse(Target target, Map<String, Double> idlePerSecond) {
        this.target = target;
        this.idlePerSecond = idlePerSecond;
    }

    /**
     * Measures each app's idle use over {@code window}, once the stack has finished what it was doing (its use
     * below {@value #BUSY_MS_PER_SECOND} ms a second, or after 20 s).
     */
    static CpuUse idleOver(Target target, Duration window) throws InterruptedException {
        Snapshot last = Snapshot.of(target);
        for (int i = 0; i < 40; i++) {
            Thread.sleep(STEP.toMillis());
            Snapshot now = Snapshot.of(target);
            double perSecond = total(last.until(now)) / ((now.nanos - last.nanos) / 1e9);
            last = now;
            if (perSecond < BUSY_MS_PER_SECOND) {
                break;
            }
        }
        Snapshot start = Snapshot.of(target);
        Thread.sleep(window.toMillis());
        Map<String, Double> ms = start.until(Snapshot.of(target));
        double seconds = window.toNanos() / 1e9;
        Map<String, Double> perSecond = new LinkedHashMap<>();
        ms.forEach((process, used) -> perSecond.put(process, used / seconds));
        return new CpuUse(target, perSecond);
    }

    Snapshot snapshot() {
        return Snapshot.of(target);
    }

    /**
     * The CPU milliseconds each process spent since {@code start} above its idle use, once the stack is back to
     * idle (at most {@code settleAtMost} after now).
     */
    Map<String, Double> sinceSettled(Snapshot start, Duration settleAtMost) throws InterruptedException {
        long deadline = System.nanoTime() + settleAtMost.toNanos();
        double idleTotal = idlePerSecond.values().stream().mapToDouble(Double::doubleValue).sum();
        Snapshot last = Snapshot.of(target);
        while (System.nanoTime() < deadline) {
            Thread.sleep(STEP.toMillis());
            Snapshot now = Snapshot.of(target);
            double seconds = (now.nanos - last.nanos) / 1e9;
            double busy = last.until(now).values().stream().mapToDouble(Double::doubleValue).sum() / seconds - idleTotal;
            last = now;
            if (busy < BUSY_MS_PER_SECOND) {
                break;
            }
        }
        double seconds = (last.nanos - start.nanos) / 1e9;
        Map<String, Double> used = new LinkedHashMap<>();
        start.until(last).forEach((process, ms) ->
                used.put(process, Math.max(0, ms - idlePerSecond.getOrDefault(process, 0.0) * seconds)));
        return used;
    }

    /** "registrations 12.3 · gateway 4.5 · ..." milliseconds per unit of work, every process. */
    static String perUnit(Map<String, Double> ms, long units) {
        StringJoiner all = new StringJoiner(" · ");
        ms.forEach((process, used) -> all.add(String.format(Locale.ROOT, "%s %.1f", process, used / units)));
        return all.toString();
    }

    static double total(Map<String, Double> ms) {
        return ms.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The CPU time used so far by each process, and when it was read. */
    record Snapshot(long nanos, Map<String, Duration> used) {

        static Snapshot of(Target target) {
            return new Snapshot(System.nanoTime(), target.cpu());
        }

        Map<String, Double> until(Snapshot later) {
            Map<String, Double> ms = new LinkedHashMap<>();
            later.used.forEach((process, used) -> ms.put(process,
                    (used.toNanos() - this.used.getOrDefault(process, Duration.ZERO).toNanos()) / 1e6));
            return ms;
        }
    }
}
