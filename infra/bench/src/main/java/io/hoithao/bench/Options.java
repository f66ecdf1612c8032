package io.hoithao.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bench's options, {@code --key=value}. Two forms: {@code long} (the default: the figures of
 * issue 12) and {@code smoke} (small counts, seconds, run by {@code ./mvnw verify}); any count can
 * be given on its own to override the form's.
 */
public final class Options {

    public final String form;
    public final Path repo;
    public final Path out;
    public final URI target;
    public final URI identity;
    public final URI events;
    public final URI registrations;
    public final URI observations;
    public final String kafka;
    public final String mongo;
    public final Set<String> only;
    /** Extra environment per app of a stack the bench starts: {@code --env.gateway.NAME=value}. */
    public final Map<String, Map<String, String>> env = new LinkedHashMap<>();

    public final int p1Attempts;
    public final int p1Seats;
    public final int p1Runs;
    public final int p1Warmup;
    /** Warm-up crowds of the measured shape, each way, before the measured runs. */
    public final int p1Warmups;
    public final int p2Clients;
    public final int p2Seconds;
    public final int p2Warmup;
    public final int p7Clients;
    public final int p7Seconds;
    public final int p7Warmup;
    public final int p3Count;
    public final double p3Rate;
    public final int p4Bookings;
    public final int p4Seats;
    public final List<Integer> p6Sizes;
    public final int p6Seconds;
    /** P8: the small and the large count of badges, and the timed runs of each. */
    public final List<Integer> p8Counts;
    public final int p8Runs;
    /**
     * Whether P1 and P2 count each app's CPU per request (they then wait for the stack to be idle before and after
     * each measured run); the smoke form does not, its figures being for the invariants only.
     */
    public final boolean cpu;
    /** The apps of a stack the bench starts, comma-separated ids; the smoke form leaves out those no scenario uses. */
    public final String services;
    public final int mintThreads;
    public final int readyTimeout;
    /** Every app's JVM options in the stack the bench starts; null: the devstack's own. */
    public final String jvmOptions;

    /** The apps the scenarios use: identity signs the delegates in, web serves P7's page, the gateway fronts them all. */
    static final String SMOKE_SERVICES = "identity,events,registrations,observations,web,gateway";

    private Options(Map<String, String> o) {
        form = o.getOrDefault("form", "long");
        boolean smoke = form.equals("smoke");
        if (!smoke && !form.equals("long")) {
            throw new IllegalArgumentException("--form is smoke or long, not " + form);
        }
        repo = Path.of(o.getOrDefault("repo", "")).toAbsolutePath().normalize();
        out = o.containsKey("out") ? Path.of(o.get("out")).toAbsolutePath() : repo.resolve("infra/bench/target/bench");
        target = o.containsKey("target") ? URI.create(o.get("target")) : null;
        String host = target == null ? "localhost" : target.getHost();
        identity = URI.create(o.getOrDefault("identity", "http://" + host + ":9000"));
        events = URI.create(o.getOrDefault("events", "http://" + host + ":8081"));
        registrations = URI.create(o.getOrDefault("registrations", "http://" + host + ":8082"));
        observations = URI.create(o.getOrDefault("observations", "http://" + host + ":8083"));
        kafka = o.getOrDefault("kafka", host + ":9092");
        mongo = o.getOrDefault("mongo", "mongodb://" + (host.equals("localhost") ? "127.0.0.1" : host) + ":27017");
        only = new LinkedHashSet<>();
        for (String s : o.getOrDefault("only", "P1,P2,P3,P4,P5,P6,P7,P8").split(",")) {
            if (!s.isBlank()) {
                only.add(s.trim().toUpperCase(Locale.ROOT));
            }
        }
        // the smoke's crowd is twice its seats and more than its quotas allow (units' quotas bind), with few accounts to make
        p1Attempts = number(o, "p1.attempts", smoke ? 60 : 2000);
        p1Seats = number(o, "p1.seats", smoke ? 30 : 50);
        p1Runs = number(o, "p1.runs", smoke ? 1 : 10);
        p1Warmup = number(o, "p1.warmup", smoke ? 20 : 200);
        p1Warmups = number(o, "p1.warmups", smoke ? 0 : 2);
        p2Clients = number(o, "p2.clients", smoke ? 8 : 32);
        p2Seconds = number(o, "p2.seconds", smoke ? 1 : 20);
        p2Warmup = number(o, "p2.warmup", smoke ? 1 : 5);
        p7Clients = number(o, "p7.clients", smoke ? 4 : 50);
        p7Seconds = number(o, "p7.seconds", smoke ? 1 : 20);
        p7Warmup = number(o, "p7.warmup", smoke ? 1 : 5);
        p3Count = number(o, "p3.count", smoke ? 30 : 1000);
        p3Rate = Double.parseDouble(o.getOrDefault("p3.rate", smoke ? "10" : "50"));
        p4Bookings = number(o, "p4.bookings", smoke ? 40 : 200);
        p4Seats = number(o, "p4.seats", 8);
        List<Integer> sizes = new ArrayList<>();
        for (String s : o.getOrDefault("p6.sizes", smoke ? "100,400" : "1000,10000,100000").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        p6Sizes = List.copyOf(sizes);
        p6Seconds = number(o, "p6.seconds", smoke ? 1 : 10);
        List<Integer> counts = new ArrayList<>();
        for (String s : o.getOrDefault("p8.counts", smoke ? "20,200" : "100,2000").split(",")) {
            counts.add(Integer.parseInt(s.trim()));
        }
        if (counts.size() != 2 || counts.get(0) < 1 || counts.get(1) <= counts.get(0)) {
            throw new IllegalArgumentException("--p8.counts is a small and a larger count, such as 100,2000");
        }
        p8Counts = List.copyOf(counts);
        p8Runs = number(o, "p8.runs", smoke ? 1 : 3);
        cpu = Boolean.parseBoolean(o.getOrDefault("cpu", Boolean.toString(!smoke)));
        // presentations, notifications and reports consume the scenarios' messages but no scenario reads them
        services = o.getOrDefault("services", smoke ? SMOKE_SERVICES : "");
        mintThreads = number(o, "mint.threads", 4);
        readyTimeout = number(o, "timeout", 600);
        jvmOptions = o.get("jvm.options");
        for (Map.Entry<String, String> e : o.entrySet()) {
            if (e.getKey().startsWith("env.")) {
                String rest = e.getKey().substring(4);
                int dot = rest.indexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException("--env.<app>.<NAME>=value, not --" + e.getKey());
                }
                env.computeIfAbsent(rest.substring(0, dot), k -> new LinkedHashMap<>()).put(rest.substring(dot + 1), e.getValue());
            }
        }
    }

    public static Options parse(String... args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                o.put("form", "smoke");
            } else if (arg.equals("--long")) {
                o.put("form", "long");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("Unrecognised argument '" + arg + "' (see --help)");
            }
        }
        return new Options(o);
    }

    public boolean runs(String scenario) {
        return only.contains(scenario);
    }

    /** Whether a scenario that needs the stack runs (P8 does not: it renders documents in the bench JVM). */
    public boolean needsStack() {
        return only.stream().anyMatch(s -> !s.equals("P8"));
    }

    /** How many delegates to sign up and sign in once, for every scenario. */
    public int delegatesNeeded() {
        int n = 0;
        if (runs("P1")) {
            n = Math.max(n, Math.max(p1Attempts, p1Warmup));
        }
        if (runs("P3")) {
            n = Math.max(n, p3Count);
        }
        if (runs("P4")) {
            n = Math.max(n, p4Bookings);
        }
        return n;
    }

    private static int number(Map<String, String> o, String key, int fallback) {
        return o.containsKey(key) ? Integer.parseInt(o.get(key).trim()) : fallback;
    }

    static String usage() {
        return """
                Usage: infra/bench/run [--smoke] [--key=value ...]   (or java -jar infra/bench/target/bench.jar ...)

                Starts the embedded default on free ports (the devstack's own classes; the jars must be built),
                or measures a running stack with --target, and prints one table of figures, each beside its
                reference from the same run; writes infra/bench/target/bench/report.html (plots) and table.md.

                  --smoke                  small counts, seconds (what ./mvnw verify runs); default: the long form
                  --only=P1,P2,...         scenarios to run (P1 flash crowd, P2 gateway overhead, P3 message hop,
                                           P4 lesson seats, P5 footprint, P6 growth, P7 event page,
                                           P8 badges PDF, which needs no stack: --only=P8 starts none)
                  --target=http://localhost:8080   a running stack's gateway; then also, if not the defaults,
                  --identity= --events= --registrations= --observations= (URLs), --kafka=host:port, --mongo=mongodb://...
                  --repo=<path>            repository root with the built jars (default: current directory)
                  --out=<dir>              report directory (default <repo>/infra/bench/target/bench)
                  --env.<app>.<NAME>=value an environment variable for one app of the stack the bench starts
                  --p1.attempts=2000 --p1.seats=50 --p1.runs=10 --p1.warmup=200 --p1.warmups=2
                  --p2.clients=32 --p2.seconds=20 --p2.warmup=5
                  --p3.count=1000 --p3.rate=50
                  --p4.bookings=200 --p4.seats=8
                  --p6.sizes=1000,10000,100000 --p6.seconds=10
                  --p7.clients=50 --p7.seconds=20 --p7.warmup=5
                  --p8.counts=100,2000 --p8.runs=3
                  --cpu=true|false         count each app's CPU per decision and per read in P1 and P2, waiting
                                           for the stack to be idle around each run (default: long true, smoke false)
                  --services=identity,...  the apps of the stack the bench starts (default: all; smoke: the six the
                                           scenarios use: identity, events, registrations, observations, web, gateway)
                  --mint.threads=4         delegates signed up and signed in at once before the scenarios
                  --timeout=600            seconds for the stack the bench starts to be ready
                  --jvm.options="..."      every app's JVM options (default: the devstack's jvm.options)
                """;
    }
}
