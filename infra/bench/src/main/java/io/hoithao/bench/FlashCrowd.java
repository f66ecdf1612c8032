package io.hoithao.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * P1: a crowd of signed-in delegates registering at the same moment for an event of few seats with
 * unit quotas, through the gateway and, beside it, straight at the registrations service. Each run
 * is a fresh event; the seat count and every unit's quota must be exact in each.
 */
final class FlashCrowd extends Scenario {

    /** The first event the gateway filled, for P2's public read. */
    String firstEvent;

    FlashCrowd(Context context) {
        super(context);
    }

    void run() throws Exception {
        int seats = options.p1Seats;
        int quota = (int) Math.ceil(seats * 1.25 / Api.UNITS.size()); // quotas add up to more than the seats
        int attempts = Math.min(options.p1Attempts, delegates.size());

        // What the stack uses when it has nothing to do, measured before any crowd: after one, the consumers of
        // its messages (mails, projections) may go on for a while and would be counted as idle.
        CpuUse cpu = target.started() && options.cpu ? CpuUse.idleOver(target, Duration.ofSeconds(3)) : null;
        // The first crowd on a freshly started stack, reported on its own (cold JIT, key set not yet fetched).
        Map<String, Series> warm = new LinkedHashMap<>();
        for (String path : List.of("gateway", "direct")) {
            String event = api.openEvent("Bench P1 warm-up " + path, options.p1Warmup + 10);
            warm.put(path, new Series(path + " warm-up", crowd(base(path), event, Math.min(options.p1Warmup, delegates.size()))));
        }
        report.row("P1", "first crowd on the fresh stack (" + options.p1Warmup + " at once): 5xx / no answer",
                fivexx(warm.get("gateway")), fivexx(warm.get("direct")), "gateway | direct");
        // More crowds of the measured shape before measuring, so that the JIT has compiled what a decision runs
        // (C2 needs thousands of calls of a method; the first crowd is mostly interpreted).
        for (int i = 1; i <= options.p1Warmups; i++) {
            for (String path : List.of("gateway", "direct")) {
                String event = api.openEvent("Bench P1 warm-up " + i + " " + path, seats);
                crowd(base(path), event, attempts);
            }
        }
        if (options.p1Warmups > 0) {
            report.note("P1: " + options.p1Warmups + " warm-up crowd(s) of " + attempts + " each way before the measured runs (--p1.warmups)");
        }

        Map<String, List<Series>> byPath = new LinkedHashMap<>();
        byPath.put("gateway", new ArrayList<>());
        byPath.put("direct", new ArrayList<>());
        Map<String, Integer> exactRuns = new LinkedHashMap<>(Map.of("gateway", 0, "direct", 0));
        Map<String, Map<String, Double>> cpuMs = new LinkedHashMap<>(Map.of("gateway", new LinkedHashMap<>(), "direct", new LinkedHashMap<>()));
        Map<String, Long> decisions = new LinkedHashMap<>(Map.of("gateway", 0L, "direct", 0L));
        for (int run = 1; run <= options.p1Runs; run++) {
            List<String> order = run % 2 == 1 ? List.of("gateway", "direct") : List.of("direct", "gateway");
            for (String path : order) {
                String event = api.openEvent("Bench P1 run " + run + " " + path, seats);
                Map<String, Integer> quotas = new LinkedHashMap<>();
                Api.UNITS.forEach(unit -> quotas.put(unit, quota));
                api.quotas(event, quotas);
                if (firstEvent == null && path.equals("gateway")) {
                    firstEvent = event;
                }
                CpuUse.Snapshot before = cpu == null ? null : cpu.snapshot();
                Series series = new Series(path + " run " + run, crowd(base(path), event, attempts));
                if (cpu != null) {
                    // the relay and the consumers of the decisions' messages go on after the last answer
                    cpu.sinceSettled(before, Duration.ofSeconds(30)).forEach((process, ms) -> cpuMs.get(path).merge(process, ms, Double::sum));
                }
                decisions.merge(path, series.countOutcome("CONFIRMED") + series.countOutcome("WAITLISTED"), Long::sum);
                byPath.get(path).add(series);
                if (verify(path, run, event, series, seats, quota)) {
                    exactRuns.merge(path, 1, Integer::sum);
                }
            }
        }

        Series gw = pooled("gateway", byPath.get("gateway"));
        Series direct = pooled("direct", byPath.get("direct"));
        double gwRate = medianDecisionRate(byPath.get("gateway"));
        double directRate = medianDecisionRate(byPath.get("direct"));
        String what = attempts + " at once, " + seats + " seats, " + Api.UNITS.size() + " unit quotas of " + quota;
        report.row("P1", "decisions/s, median of " + options.p1Runs + " run(s) (" + what + ")",
                Report.perSecond(gwRate) + " gateway", Report.perSecond(directRate) + " direct", Report.ratio(gwRate / directRate) + " of direct");
        report.row("P1", "p50 latency", Report.ms(gw.percentile(50)) + " gateway", Report.ms(direct.percentile(50)) + " direct",
                Report.delta(gw.percentile(50) - direct.percentile(50)));
        report.row("P1", "p99 latency", Report.ms(gw.percentile(99)) + " gateway", Report.ms(direct.percentile(99)) + " direct",
                Report.delta(gw.percentile(99) - direct.percentile(99)));
        report.row("P1", "5xx / no answer, all runs", fivexx(gw), fivexx(direct), "gateway | direct");
        report.row("P1", "runs with exactly " + seats + " confirmed and every quota kept",
                exactRuns.get("gateway") + " of " + options.p1Runs, exactRuns.get("direct") + " of " + options.p1Runs, "gateway | direct");
        if (!cpuMs.get("gateway").isEmpty()) {
            report.row("P1", "CPU per decision during the crowds: registrations · gateway · " + Target.MONGO + " · all",
                    cpuPerDecision(cpuMs.get("gateway"), decisions.get("gateway")) + " gateway",
                    cpuPerDecision(cpuMs.get("direct"), decisions.get("direct")) + " direct", "ms of CPU, load-independent");
            double allGateway = CpuUse.total(cpuMs.get("gateway")) / decisions.get("gateway");
            double allDirect = CpuUse.total(cpuMs.get("direct")) / decisions.get("direct");
            int cores = Runtime.getRuntime().availableProcessors();
            report.row("P1", "the most decisions/s the CPU per decision allows on " + cores + " cores",
                    Report.perSecond(cores * 1000 / allGateway) + " gateway", Report.perSecond(cores * 1000 / allDirect) + " direct",
                    "cores × 1,000 ms / CPU per decision (all apps)");
            for (String path : List.of("gateway", "direct")) {
                report.note("P1 CPU per decision (" + path + ", ms, idle use subtracted, until the stack was idle again): "
                        + CpuUse.perUnit(cpuMs.get(path), decisions.get(path)));
            }
        }
        report.row("P1", "answers, all runs", gw.statusSummary(), direct.statusSummary(), "gateway | direct");
        List<Series> plotted = new ArrayList<>();
        plotted.add(byPath.get("gateway").get(0));
        plotted.add(byPath.get("direct").get(0));
        report.chart("P1 flash crowd, run 1 (" + what + ")", plotted);
        report.chart("P1 first crowd on the fresh stack", List.copyOf(warm.values()));
    }

    private URI base(String path) {
        return path.equals("gateway") ? target.gateway() : target.registrations();
    }

    private List<Sample> crowd(URI base, String event, int attempts) {
        List<HttpRequest> requests = new ArrayList<>(attempts);
        for (int i = 0; i < attempts; i++) {
            requests.add(Api.registration(base, delegates.get(i), event, Api.UNITS.get(i % Api.UNITS.size())));
        }
        return load.crowd(requests, Api::registrationStatus);
    }

    /** Checks the run's invariants; true when all hold. */
    private boolean verify(String path, int run, String event, Series series, int seats, int quota) throws Exception {
        JsonNode view = api.seats(event);
        int confirmed = view.path("confirmed").asInt(-1);
        long confirmedAnswers = series.countOutcome("CONFIRMED");
        int unitTotal = 0;
        List<String> overQuota = new ArrayList<>();
        for (JsonNode unit : view.path("quotas")) {
            unitTotal += unit.path("confirmed").asInt();
            if (unit.path("confirmed").asInt() > quota || unit.path("overQuota").asBoolean()) {
                overQuota.add(unit.path("unit").asString() + " " + unit.path("confirmed").asInt());
            }
        }
        String where = path + " run " + run;
        boolean exact = confirmed == seats && confirmedAnswers == seats;
        report.check("P1", where + ": exactly " + seats + " confirmed", exact,
                String.format(Locale.ROOT, "service counts %d, %d answers say CONFIRMED, %d say WAITLISTED", confirmed, confirmedAnswers,
                        series.countOutcome("WAITLISTED")));
        boolean quotas = overQuota.isEmpty() && unitTotal == confirmed;
        report.check("P1", where + ": every unit within its quota of " + quota, quotas,
                overQuota.isEmpty() ? "units' confirmed add up to " + unitTotal : "over quota: " + overQuota);
        boolean no5xx = series.serverErrors() == 0 && series.noAnswers() == 0;
        report.check("P1", where + ": no 5xx, every request answered", no5xx, series.statusSummary());
        return exact && quotas;
    }

    static double decisionRate(Series s) {
        long decisions = s.countOutcome("CONFIRMED") + s.countOutcome("WAITLISTED");
        double seconds = (s.lastEnd() - s.firstStart()) / 1e9;
        return seconds <= 0 ? Double.NaN : decisions / seconds;
    }

    private static double medianDecisionRate(List<Series> runs) {
        double[] rates = runs.stream().mapToDouble(FlashCrowd::decisionRate).sorted().toArray();
        return rates.length == 0 ? Double.NaN : rates[(rates.length - 1) / 2];
    }

    private static Series pooled(String name, List<Series> runs) {
        List<Sample> all = new ArrayList<>();
        runs.forEach(s -> all.addAll(s.samples()));
        return new Series(name, all);
    }

    /** "registrations · gateway · Mongo · all" CPU milliseconds per decision; "all" is every app and the Mongo-wire server. */
    private static String cpuPerDecision(Map<String, Double> ms, long decisions) {
        if (decisions == 0) {
            return "n/a";
        }
        double all = ms.values().stream().mapToDouble(Double::doubleValue).sum();
        return String.format(Locale.ROOT, "%.1f · %.1f · %.1f · %.1f ms", ms.getOrDefault("registrations", Double.NaN) / decisions,
                ms.getOrDefault("gateway", Double.NaN) / decisions, ms.getOrDefault(Target.MONGO, Double.NaN) / decisions, all / decisions);
    }

    static String fivexx(Series s) {
        return s.serverErrors() + " / " + s.noAnswers();
    }
}
