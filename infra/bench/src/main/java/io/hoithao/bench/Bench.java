package io.hoithao.bench;

import io.hoithao.bench.Api.Delegate;
import io.hoithao.devstack.App;
import io.hoithao.devstack.DevStack;
import io.hoithao.devstack.DevStackConfig;
import io.hoithao.devstack.DevStackException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark suite of issue 12: P1 flash crowd, P2 gateway overhead, P3 message hop, P4 lesson
 * seats, P5 footprint, P6 growth, P7 the web site's event page; and P8, an event's badges as PDF (issue 17),
 * rendered in the bench JVM without a stack. Starts the embedded default on free ports (or measures a running
 * stack), prints one table with every figure beside its reference from the same run, checks the
 * invariants (exact seats, no 5xx) and writes an HTML report with plots.
 */
public final class Bench {

    /** What the bench sets on a stack it starts, so that it measures capacity rather than the token lifetime or the limiter. */
    static final Map<App, Map<String, String>> STACK_ENVIRONMENT = Map.of(
            // minted once before the scenarios, reused by all of them: a long form takes longer than 15 minutes
            // all the delegates sign in from 127.0.0.1: the identity service's per-address budget would answer 429
            App.IDENTITY, Map.of("HOITHAO_IDENTITY_ACCESSTOKENTTL", "4h",
                    "HOITHAO_IDENTITY_THROTTLE_SIGNINPERADDRESS_LIMIT", "1000000"),
            // P2's anonymous reads all come from 127.0.0.1: the per-address budget would answer 429 after 20
            App.GATEWAY, Map.of("HOITHAO_GATEWAY_RATELIMIT_REPLENISHRATE", "1000000",
                    "HOITHAO_GATEWAY_RATELIMIT_BURSTCAPACITY", "1000000",
                    "HOITHAO_GATEWAY_RATELIMIT_ADDRESSREPLENISHRATE", "1000000",
                    "HOITHAO_GATEWAY_RATELIMIT_ADDRESSBURSTCAPACITY", "1000000"));

    private Bench() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(Options.usage());
                return;
            }
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Report report = run(options, System.out);
            System.exit(report.failedChecks().isEmpty() ? 0 : 1);
        } catch (DevStackException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    /** Runs the suite as the options say; the report is printed to {@code out} and written to {@code options.out}. */
    public static Report run(Options options, PrintStream out) throws Exception {
        String title = String.format(Locale.ROOT, "hoithao bench, %s form, %s, %d CPUs, JDK %s", options.form, LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature());
        Report report = new Report(title);
        Files.createDirectories(options.out);
        if (options.runs("P8")) {
            // before any stack: the bench JVM does not hold Kafka, Mongo and the harness yet, so its heap is the documents'
            scenario("P8", report, out, () -> new BadgeRendering(options, report).run());
        }
        if (options.needsStack()) {
            onStack(options, report, out);
        }
        report.print(out);
        Path html = report.writeHtml(options.out);
        out.println("Report: " + html + " (table: " + options.out.resolve("table.md") + ")");
        return report;
    }

    /** The scenarios that drive a stack: the one the bench starts, or a running one. */
    private static void onStack(Options options, Report report, PrintStream out) throws Exception {
        try (Target target = target(options, out); Load load = new Load()) {
            long rssAtReady = totalRss(target);
            Api api = new Api(target);
            int needed = options.delegatesNeeded();
            long t0 = System.nanoTime();
            List<Delegate> delegates = api.delegates(needed, Long.toString(System.currentTimeMillis(), 36), options.mintThreads);
            double mintSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "bench: %d delegates' accounts made and signed in in %.1f s%n", needed, mintSeconds);
            report.note(String.format(Locale.ROOT, "setup: %d delegates' verified accounts made by the administrator and signed in in %.1f s"
                    + " (%d at a time), before any scenario; not part of any figure", needed, mintSeconds, options.mintThreads));
            if (api.signInFailures() > 0) {
                report.note("setup: the identity service answered 5xx to " + api.signInFailures() + " of the concurrent sign-ins"
                        + " (signed in again); the last: " + abbreviate(api.lastSignInFailure(), 300)
                        + " (see its log: a ConcurrentModificationException in InMemoryOAuth2AuthorizationService)");
            }

            Scenario.Context context = new Scenario.Context(target, api, load, options, report, delegates);
            FlashCrowd p1 = new FlashCrowd(context);
            String readEvent = null;
            if (options.runs("P1")) {
                scenario("P1", report, out, p1::run);
                readEvent = p1.firstEvent;
            }
            if (options.runs("P2")) {
                String event = readEvent != null ? readEvent : api.openEvent("Bench P2 public read", 50);
                scenario("P2", report, out, () -> new GatewayOverhead(context).run(event));
            }
            if (options.runs("P3")) {
                scenario("P3", report, out, () -> new MessageHop(context).run());
            }
            if (options.runs("P4")) {
                scenario("P4", report, out, () -> new LessonSeats(context).run());
            }
            if (options.runs("P7")) {
                String event = readEvent != null ? readEvent : api.openEvent("Bench P7 event page", 50);
                scenario("P7", report, out, () -> new EventPageRead(context).run(event));
            }
            if (options.runs("P6")) {
                scenario("P6", report, out, () -> new Growth(context).run());
            }
            if (options.runs("P5")) {
                footprint(target, report, rssAtReady, out);
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** A scenario that throws is a failed invariant in the report, not the end of the run. */
    private static void scenario(String name, Report report, PrintStream out, Step step) {
        out.println("bench: " + name + "...");
        long t0 = System.nanoTime();
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            report.check(name, "ran to its end", false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        out.printf(Locale.ROOT, "bench: %s took %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
    }

    private static Target target(Options options, PrintStream out) throws IOException {
        if (options.target != null) {
            out.println("bench: measuring the running stack at " + options.target);
            return Target.running(options.target, options.identity, options.events, options.registrations, options.observations,
                    options.kafka, options.mongo);
        }
        Path data = options.out.resolve("stack");
        deleteRecursively(data);
        DevStackConfig.Builder config = DevStackConfig.builder().repoRoot(options.repo).dataDir(data).freePorts()
                .readyTimeout(Duration.ofSeconds(options.readyTimeout));
        if (options.jvmOptions != null) {
            config.jvmOptions(options.jvmOptions);
        }
        if (!options.services.isBlank()) {
            config.services(options.services);
        }
        STACK_ENVIRONMENT.forEach((app, env) -> env.forEach((name, value) -> config.environment(app, name, value)));
        options.env.forEach((app, env) -> env.forEach((name, value) -> config.environment(App.of(app), name, value)));
        IgnoredIndexes.listen();
        long t0 = System.nanoTime();
        DevStack stack = DevStack.start(config.build(), out);
        Duration startup = Duration.ofNanos(System.nanoTime() - t0);
        out.print(stack.memoryTable());
        return Target.of(stack, startup);
    }

    private static void footprint(Target target, Report report, long rssAtReady, PrintStream out) {
        if (!target.started()) {
            report.row("P5", "start to ready, RSS", "n/a (a running stack)", "", "measured only on a stack the bench starts");
            return;
        }
        long rssNow = totalRss(target);
        List<String> names = target.processNames(); // the bench JVM first, then each app
        report.row("P5", "time from start to every app ready (Kafka, Mongo, " + String.join(", ", names.subList(1, names.size())) + ")",
                String.format(Locale.ROOT, "%.1f s", target.startup().toMillis() / 1000.0), "", "free ports, fresh data directory");
        report.row("P5", "total RSS, at ready | after the scenarios", String.format(Locale.ROOT, "%,d MB", rssAtReady),
                String.format(Locale.ROOT, "%,d MB", rssNow), "this JVM holds Kafka, Mongo and the harness");
        StringBuilder perApp = new StringBuilder("P5 RSS after the scenarios: ");
        List<long[]> rss = target.rss();
        for (int i = 0; i < Math.min(names.size(), rss.size()); i++) {
            perApp.append(names.get(i)).append(' ').append(rss.get(i)[1]).append(" MB").append(i < names.size() - 1 ? ", " : "");
        }
        report.note(perApp.toString());
        out.print(target.memoryTable());
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static long totalRss(Target target) {
        return target.rss().stream().mapToLong(row -> row[1]).sum();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
