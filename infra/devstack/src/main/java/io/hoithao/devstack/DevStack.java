package io.hoithao.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

import org.slf4j.LoggerFactory;

/**
 * The embedded default: Kafka and a Mongo-wire server in this JVM, every service and the gateway as
 * child JVMs, all on one machine without Docker.
 *
 * <p>From code (an end-to-end test, say):
 *
 * <pre>{@code
 * DevStackConfig config = DevStackConfig.builder()
 *         .repoRoot(repoRoot).dataDir(tempDir).freePorts().build();
 * try (DevStack stack = DevStack.start(config)) {
 *     URI gateway = stack.gatewayUrl();
 *     ...
 * }
 * }</pre>
 *
 * From a shell: {@code ./devstack} at the repository root (builds, then runs {@link #main}).
 */
public final class DevStack implements AutoCloseable {

    private static final int LOG_TAIL_LINES = 40;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(300);

    private final DevStackConfig config;
    private final PrintStream out;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final EmbeddedSmtp smtp;
    private final List<ChildProcess> children = Collections.synchronizedList(new ArrayList<>());
    private final List<RoundRobinProxy> balancers = Collections.synchronizedList(new ArrayList<>());
    private final Object lifecycle = new Object();
    private volatile boolean closing;
    private volatile boolean stopRequested;
    private boolean closed;
    private Duration kafkaStartup;
    private Duration mongoStartup;
    private Duration startupTime;

    private DevStack(DevStackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.kafka = new EmbeddedKafka(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
        this.mongo = new EmbeddedMongo(config.dataDir(), config.mongoPort());
        this.smtp = new EmbeddedSmtp(config.smtpPort(), config.inboxPort());
    }

    /** Starts everything and returns when every app answers UP on its readiness probe; progress to stdout. */
    public static DevStack start(DevStackConfig config) {
        return start(config, System.out);
    }

    /**
     * Starts everything and returns when every app is ready. On any failure everything already
     * started is stopped again and a {@link DevStackException} says what went wrong.
     *
     * @param progress where to report progress; {@link #silent()} for none
     */
    public static DevStack start(DevStackConfig config, PrintStream progress) {
        DevStack stack = new DevStack(config, progress);
        stack.startAll();
        return stack;
    }

    /** A stream that drops everything, for {@link #start(DevStackConfig, PrintStream)}. */
    public static PrintStream silent() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    private void startAll() {
        long t0 = System.nanoTime();
        try {
            checkJars();
            checkPortsFree();
            Files.createDirectories(config.logDir());
            out.println("devstack: data in " + config.dataDir());
            startInfrastructure();
            writeSharedSigningKey();
            launchApps();
            writePidFile();
            awaitReady(t0);
            startupTime = Duration.ofNanos(System.nanoTime() - t0);
        } catch (IOException e) {
            close();
            throw new DevStackException("Could not create " + config.logDir() + ": " + e, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void checkJars() {
        List<String> missing = new ArrayList<>();
        for (App app : config.apps()) {
            if (!Files.isRegularFile(config.jar(app))) {
                missing.add(app.id() + ": " + config.jar(app));
            }
        }
        if (!missing.isEmpty()) {
            throw new DevStackException("Missing service jar" + (missing.size() > 1 ? "s" : "") + ":"
                    + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", missing)
                    + System.lineSeparator() + "Build them first: ./mvnw -q -B install -DskipTests (./devstack does this),"
                    + " or start fewer with --services=<comma list> (--services= runs only Kafka and Mongo).");
        }
    }

    private void checkPortsFree() {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        if (!config.externalInfrastructure()) {
            wanted.put("kafka", config.kafkaPort());
            wanted.put("kafka.controller", config.kafkaControllerPort());
            wanted.put("mongo", config.mongoPort());
        }
        wanted.put("smtp", config.smtpPort());
        wanted.put("inbox", config.inboxPort());
        for (App app : config.apps()) {
            if (config.balanced(app)) {
                wanted.put(app.id() + " balancer", config.port(app));
            }
            for (int k = 1; k <= config.instances(app); k++) {
                wanted.put(ChildProcess.name(app, k) + (config.balanced(app) && k == 1 ? "-1" : ""), config.port(app, k));
            }
        }
        List<String> busy = new ArrayList<>();
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : wanted.entrySet()) {
            int port = entry.getValue();
            if (port == 0) {
                continue;
            }
            String other = seen.putIfAbsent(port, entry.getKey());
            if (other != null) {
                busy.add(port + " (" + entry.getKey() + ") is also given to " + other);
            } else if (!isFree(port)) {
                busy.add(port + " (" + entry.getKey() + ") is in use; move it with --" + entry.getKey() + ".port=<port>");
            }
        }
        if (!busy.isEmpty()) {
            throw new DevStackException("Ports not available:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", busy) + System.lineSeparator()
                    + leftoverHint());
        }
    }

    /** Names the app JVMs an earlier devstack left running (it was killed before it could stop them). */
    private String leftoverHint() {
        List<String> alive = new ArrayList<>();
        try {
            if (Files.exists(pidFile())) {
                for (String line : Files.readAllLines(pidFile())) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length == 2) {
                        ProcessHandle.of(Long.parseLong(parts[1]))
                                .filter(ProcessHandle::isAlive)
                                .filter(p -> p.info().commandLine().orElse("").contains("-jar"))
                                .ifPresent(p -> alive.add(parts[0] + " (pid " + p.pid() + ")"));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // only a hint
        }
        return alive.isEmpty()
                ? "(Is an earlier devstack still running?)"
                : "An earlier devstack left these running: " + String.join(", ", alive)
                        + "; stop them with kill <pid>.";
    }

    private Path pidFile() {
        return config.dataDir().resolve("pids");
    }

    private void writePidFile() {
        StringBuilder s = new StringBuilder();
        for (ChildProcess child : snapshot()) {
            s.append(child.name()).append(' ').append(child.pid()).append(System.lineSeparator());
        }
        try {
            Files.writeString(pidFile(), s);
        } catch (IOException e) {
            out.println("devstack: could not write " + pidFile() + ": " + e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void startInfrastructure() {
        // Initialise logging on this thread first: Kafka and Mongo start on two threads at once, and a
        // logger asked for while SLF4J is still initialising on the other one would be dropped.
        LoggerFactory.getILoggerFactory();
        if (config.externalInfrastructure()) {
            out.printf(Locale.ROOT, "  %-14s %-28s (running elsewhere)%n", "Kafka", kafka.bootstrapServers());
            out.printf(Locale.ROOT, "  %-14s %-28s (running elsewhere)%n", "Mongo", mongo.connectionString());
            Duration smtpStartup = timed(smtp::start);
            out.printf(Locale.ROOT, "  %-14s %-28s started in %.1f s, inbox %s%n", "SMTP", "127.0.0.1:" + smtp.smtpPort(),
                    seconds(smtpStartup), smtp.inboxUrl());
            return;
        }
        CompletableFuture<Duration> mongoStarted = CompletableFuture.supplyAsync(() -> timed(mongo::start),
                runnable -> newDaemon("devstack-mongo-start", runnable).start());
        try {
            kafkaStartup = timed(kafka::start);
            out.printf(Locale.ROOT, "  %-14s %-28s started in %.1f s%n", "Kafka", kafka.bootstrapServers(), seconds(kafkaStartup));
        } finally {
            try {
                mongoStartup = mongoStarted.join();
                out.printf(Locale.ROOT, "  %-14s %-28s started in %.1f s%n", "Mongo", mongo.connectionString(), seconds(mongoStartup));
                Duration smtpStartup = timed(smtp::start);
                out.printf(Locale.ROOT, "  %-14s %-28s started in %.1f s, inbox %s%n", "SMTP", "127.0.0.1:" + smtp.smtpPort(),
                        seconds(smtpStartup), smtp.inboxUrl());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    private void launchApps() {
        for (App app : config.apps()) {
            for (int k = 1; k <= config.instances(app); k++) {
                synchronized (lifecycle) {
                    if (closing) {
                        throw new DevStackException("Stopped while starting");
                    }
                    ChildProcess child = launch(app, k);
                    children.add(child);
                    out.printf(Locale.ROOT, "  %-14s %-28s starting, pid %d, log %s%n", child.name(), child.baseUrl(),
                            child.pid(), relative(child.logFile()));
                }
            }
            if (config.balanced(app)) {
                List<Integer> ports = new ArrayList<>();
                for (int k = 1; k <= config.instances(app); k++) {
                    ports.add(config.port(app, k));
                }
                balancers.add(new RoundRobinProxy(config.port(app), ports));
                out.printf(Locale.ROOT, "  %-14s %-28s balances %s%n", app.id(), url(app), ports);
            }
        }
    }

    /** With several identity services, the key they all sign with (each would otherwise make one of its own). */
    private void writeSharedSigningKey() throws IOException {
        if (!config.apps().contains(App.IDENTITY) || config.instances(App.IDENTITY) < 2 || Files.exists(signingKey())) {
            return;
        }
        try {
            java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----" + System.lineSeparator()
                    + java.util.Base64.getMimeEncoder().encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                    + System.lineSeparator() + "-----END PRIVATE KEY-----" + System.lineSeparator();
            Files.writeString(signingKey(), pem);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new DevStackException("No RSA key generator in this JVM", e);
        }
    }

    private Path signingKey() {
        return config.dataDir().resolve("identity-signing-key.pem");
    }

    private ChildProcess launch(App app, int instance) {
        return ChildProcess.launch(app, instance, config.port(app, instance), config.javaExecutable(), config.jvmOptions(),
                config.jar(app), environment(app, instance), config.repoRoot(),
                config.logDir().resolve(ChildProcess.name(app, instance) + ".log"));
    }

    /** What each child JVM gets on top of this process's environment. */
    Map<String, String> environment(App app) {
        return environment(app, 1);
    }

    /** What one instance of an app gets on top of this process's environment. */
    Map<String, String> environment(App app, int instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(config.port(app, instance)));
        String issuer = config.issuer().map(URI::toString).orElse("http://localhost:" + config.port(App.IDENTITY));
        // Another issuer (a Keycloak realm): its keys are not at the identity service's /oauth2/jwks.
        config.jwkSetUri().ifPresent(keys -> env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", keys.toString()));
        // People open the site at the gateway; the site's sign-in comes back there.
        String site = "http://localhost:" + config.port(App.GATEWAY);
        if (app.isIdentity()) {
            env.put("HOITHAO_IDENTITY_ISSUER", issuer);
            if (config.instances(app) > 1) {
                env.put("HOITHAO_IDENTITY_SIGNINGKEY", "file:" + signingKey());
            }
            env.put("SPRING_MONGODB_URI", mongo.connectionString() + "/" + app.database());
            env.put("HOITHAO_IDENTITY_SITECLIENT_REDIRECTURIS", site + "/login/oauth2/code/hoithao");
            env.put("HOITHAO_IDENTITY_SITECLIENT_POSTLOGOUTREDIRECTURIS", site + "/");
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()); // its verification mails
        } else if (app.isWeb()) {
            env.put("HOITHAO_WEB_API_URI", site);
            env.put("HOITHAO_WEB_PUBLIC_URI", site);
            env.put("SPRING_MONGODB_URI", mongo.connectionString() + "/" + app.database());
            env.put("HOITHAO_SECURITY_ISSUER", issuer);
            if (config.instances(app) > 1) {
                // the gateway may send a person's next request to the other instance: the session must be in the database
                env.put("HOITHAO_WEB_SESSIONS", "database");
            }
        } else if (app.isGateway()) {
            env.put("HOITHAO_SECURITY_ISSUER", issuer);
            for (App service : App.values()) {
                if (!service.isGateway() && !service.isIdentity()) {
                    // every instance of the service: the gateway balances its route over them
                    List<String> instances = new ArrayList<>();
                    for (int k = 1; k <= config.instances(service); k++) {
                        instances.add("http://localhost:" + config.port(service, k));
                    }
                    env.put("HOITHAO_GATEWAY_" + service.name() + "_URI", String.join(",", instances));
                }
            }
        } else {
            env.put("HOITHAO_SECURITY_ISSUER", issuer);
            env.put("SPRING_MONGODB_URI", mongo.connectionString() + "/" + app.database());
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            if (app == App.EVENTS) {
                // the directory of units starts with the Bắc Kạn department, its offices and a few schools
                env.put("HOITHAO_UNITS_SEED", "bac-kan");
            }
            if (app == App.NOTIFICATIONS) {
                env.put("SPRING_MAIL_HOST", "127.0.0.1");
                env.put("SPRING_MAIL_PORT", Integer.toString(config.smtpPort()));
                env.put("HOITHAO_NOTIFICATIONS_PUBLICURL", "http://localhost:" + config.port(App.GATEWAY));
            }
        }
        env.putAll(config.extraEnvironment(app));
        return env;
    }

    private void awaitReady(long t0) {
        if (children.isEmpty()) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = t0 + config.readyTimeout().toNanos();
        while (true) {
            ChildProcess waitingOn = null;
            for (ChildProcess child : snapshot()) {
                if (child.isReady()) {
                    continue;
                }
                if (!child.isAlive()) {
                    throw new DevStackException(child.name() + " exited with code " + child.exitValue()
                            + " before it was ready. Last lines of " + child.logFile() + ":" + System.lineSeparator()
                            + indent(child.logTail(LOG_TAIL_LINES)));
                }
                if (child.probeReady(http)) {
                    out.printf(Locale.ROOT, "  %-14s %-28s ready in %.1f s%n", child.name(), child.baseUrl(),
                            seconds(child.startupTime()));
                } else if (waitingOn == null) {
                    waitingOn = child;
                }
            }
            if (waitingOn == null) {
                return;
            }
            if (closing) {
                throw new DevStackException("Stopped while starting");
            }
            if (System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("Not ready within " + config.readyTimeout().toSeconds() + " s:");
                for (ChildProcess child : snapshot()) {
                    if (!child.isReady()) {
                        message.append(System.lineSeparator()).append(child.name()).append(" (")
                                .append(child.readinessUrl()).append("), last lines of ").append(child.logFile())
                                .append(':').append(System.lineSeparator()).append(indent(child.logTail(15)));
                    }
                }
                throw new DevStackException(message.toString());
            }
            try {
                // Sleeps between polls, but wakes at once if this child dies.
                waitingOn.waitForExit(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevStackException("Interrupted while waiting for the services", e);
            }
        }
    }

    /**
     * Stops the apps (SIGTERM to all, up to 10 s for them to finish, then SIGKILL), then Mongo, then
     * Kafka. Safe to call more than once and from a shutdown hook.
     */
    @Override
    public void close() {
        closing = true;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<ChildProcess> running = snapshot();
        running.forEach(ChildProcess::requestStop);
        long deadline = System.nanoTime() + ChildProcess.STOP_GRACE.toNanos();
        running.forEach(child -> child.awaitStop(deadline));
        if (!running.isEmpty()) {
            try {
                Files.deleteIfExists(pidFile());
            } catch (IOException e) {
                // stale pids are only used for a hint
            }
        }
        synchronized (balancers) {
            balancers.forEach(RoundRobinProxy::close);
        }
        smtp.close();
        try {
            mongo.stop();
        } catch (RuntimeException e) {
            out.println("devstack: stopping Mongo failed: " + e);
        }
        try {
            kafka.stop();
        } catch (RuntimeException e) {
            out.println("devstack: stopping Kafka failed: " + e);
        }
    }

    public DevStackConfig config() {
        return config;
    }

    /** SIGKILL of one app's JVM, as a crash: no shutdown hook, nothing flushed. Returns once it is gone. */
    public void kill(App app) {
        ChildProcess child = child(app);
        ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly);
        try {
            if (!child.waitForExit(Duration.ofSeconds(30))) {
                throw new DevStackException(app.id() + " (pid " + child.pid() + ") did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevStackException("Interrupted while killing " + app.id(), e);
        }
    }

    /** Starts an app that was killed (or exited) again, with the same port and environment, and waits until it is ready. */
    public void restart(App app) {
        ChildProcess old = child(app);
        if (old.isAlive()) {
            throw new DevStackException(app.id() + " is still running (pid " + old.pid() + ")");
        }
        ChildProcess child;
        synchronized (lifecycle) {
            if (closing) {
                throw new DevStackException("Stopped");
            }
            child = launch(app, old.instance());
            synchronized (children) {
                children.set(children.indexOf(old), child);
            }
        }
        writePidFile();
        awaitReady(System.nanoTime());
    }

    private ChildProcess child(App app) {
        return snapshot().stream().filter(c -> c.app() == app).findFirst()
                .orElseThrow(() -> new DevStackException(app.id() + " is not part of this stack"));
    }

    /** {@code localhost:<port>}. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** {@code mongodb://127.0.0.1:<port>} (add {@code /<database>}). */
    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    /** The development mail server: every mail the notifications service sent, oldest first. */
    public EmbeddedSmtp mailServer() {
        return smtp;
    }

    /** Where a person reads those mails ({@code http://localhost:<inbox port>/}). */
    public String inboxUrl() {
        return smtp.inboxUrl();
    }

    public URI gatewayUrl() {
        return url(App.GATEWAY);
    }

    public URI url(App app) {
        return URI.create("http://localhost:" + config.port(app));
    }

    /** One instance of an app (1 is the first, {@link #url(App)}). */
    public URI url(App app, int instance) {
        return URI.create("http://localhost:" + config.port(app, instance));
    }

    /** The running children, in start order. */
    public List<ChildProcess> processes() {
        return snapshot();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public Duration kafkaStartupTime() {
        return kafkaStartup;
    }

    public Duration mongoStartupTime() {
        return mongoStartup;
    }

    /** The URL table, for people. */
    public String urlTable() {
        StringBuilder s = new StringBuilder();
        if (config.apps().contains(App.GATEWAY)) {
            row(s, "gateway", gatewayUrl().toString());
            if (config.apps().contains(App.WEB)) {
                row(s, "web site", gatewayUrl() + "/");
            }
            row(s, "Swagger UI", gatewayUrl() + "/swagger-ui.html");
        }
        for (App app : config.apps()) {
            if (config.balanced(app)) {
                row(s, app.id(), url(app) + "  (balancing the " + config.instances(app) + " below)");
            }
            if (!app.isGateway()) {
                for (int k = 1; k <= config.instances(app); k++) {
                    row(s, ChildProcess.name(app, k) + (config.balanced(app) && k == 1 ? "-1" : ""),
                            "http://localhost:" + config.port(app, k));
                }
            }
        }
        config.issuer().ifPresent(issuer -> row(s, "token issuer", issuer.toString()));
        row(s, "Kafka", kafkaBootstrapServers());
        row(s, "MongoDB", mongoConnectionString());
        row(s, "mail inbox", inboxUrl() + "  (every mail sent; SMTP 127.0.0.1:" + smtp.smtpPort() + ")");
        return s.toString();
    }

    /** Resident memory of this JVM (Kafka, Mongo) and every child, from /proc. */
    public String memoryTable() {
        StringBuilder s = new StringBuilder();
        long total = 0;
        boolean known = true;
        OptionalLong self = Rss.kilobytes(ProcessHandle.current().pid());
        s.append(String.format(Locale.ROOT, "  %-24s pid %-8d %10s%n", "devstack (Kafka, Mongo)", ProcessHandle.current().pid(),
                Rss.megabytes(self)));
        total += self.orElse(0);
        known &= self.isPresent();
        for (ChildProcess child : snapshot()) {
            OptionalLong rss = Rss.kilobytes(child.pid());
            s.append(String.format(Locale.ROOT, "  %-24s pid %-8d %10s%n", child.name(), child.pid(), Rss.megabytes(rss)));
            total += rss.orElse(0);
            known &= rss.isPresent();
        }
        s.append(String.format(Locale.ROOT, "  %-24s %-12s %10s%n", "total", "",
                known ? Rss.megabytes(OptionalLong.of(total)) : "n/a"));
        return s.toString();
    }

    private List<ChildProcess> snapshot() {
        synchronized (children) {
            return List.copyOf(children);
        }
    }

    private String relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static void row(StringBuilder s, String name, String value) {
        s.append(String.format(Locale.ROOT, "  %-14s %s%n", name, value));
    }

    private static Duration timed(Runnable action) {
        long t = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - t);
    }

    private static double seconds(Duration d) {
        return d == null ? Double.NaN : d.toMillis() / 1000.0;
    }

    private static String indent(String text) {
        return "  | " + text.replace(System.lineSeparator(), System.lineSeparator() + "  | ");
    }

    private static Thread newDaemon(String name, Runnable runnable) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    // ---------------------------------------------------------------- command line

    public static void main(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(Options.usage());
                return;
            }
        }
        DevStackConfig config;
        try {
            config = DevStackConfig.fromArgs(args, System.getProperties(), Path.of("").toAbsolutePath());
        } catch (DevStackException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(2);
            return;
        }

        DevStack stack = new DevStack(config, System.out);
        Thread hook = newDaemon("devstack-shutdown", () -> {
            if (stack.closing) {
                return; // already stopped after a failed start
            }
            stack.stopRequested = true;
            System.out.println(System.lineSeparator() + "devstack: stopping...");
            long t = System.nanoTime();
            stack.close();
            System.out.printf(Locale.ROOT, "devstack: stopped in %.1f s%n", (System.nanoTime() - t) / 1e9);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            if (stack.stopRequested) {
                return; // Ctrl-C during start-up; the shutdown hook reports
            }
            if (!(e instanceof DevStackException)) {
                e.printStackTrace();
            }
            System.err.println("devstack: " + e.getMessage());
            System.exit(1);
            return;
        }

        Duration sinceLaunch = ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()))
                .orElse(stack.startupTime());
        System.out.println();
        System.out.printf(Locale.ROOT, "hoithao devstack is ready in %.1f s%n", seconds(sinceLaunch));
        System.out.print(stack.urlTable());
        System.out.println("Memory (RSS)");
        System.out.print(stack.memoryTable());
        System.out.println("Data in " + config.dataDir() + " (delete it to start afresh); logs in " + config.logDir());
        System.out.println("Press Ctrl-C to stop everything.");

        for (ChildProcess child : stack.processes()) {
            ProcessHandle.of(child.pid()).ifPresent(handle -> handle.onExit().thenRun(() -> {
                if (!stack.closing) {
                    System.out.println("devstack: " + child.name() + " exited (code " + safeExitValue(child)
                            + "); see " + child.logFile());
                }
            }));
        }
        try {
            new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook does the rest
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String safeExitValue(ChildProcess child) {
        try {
            return Integer.toString(child.exitValue());
        } catch (IllegalThreadStateException e) {
            return "?";
        }
    }
}
