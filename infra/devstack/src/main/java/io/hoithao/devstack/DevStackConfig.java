package io.hoithao.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything {@link DevStack#start(DevStackConfig)} needs. Build one in code with
 * {@link #builder()}, or read the command line and system properties with {@link #fromArgs}.
 *
 * <table>
 *   <caption>Options (argument {@code --key=value} or system property {@code -Ddevstack.key=value})</caption>
 *   <tr><th>key</th><th>default</th></tr>
 *   <tr><td>dir</td><td>{@code .devstack} under the current directory</td></tr>
 *   <tr><td>repo</td><td>the current directory</td></tr>
 *   <tr><td>services</td><td>{@code identity,events,registrations,observations,presentations,notifications,reports,web,gateway} (empty: none)</td></tr>
 *   <tr><td>kafka.port / kafka.controller.port</td><td>9092 / 9093</td></tr>
 *   <tr><td>mongo.port</td><td>27017</td></tr>
 *   <tr><td>smtp.port / inbox.port</td><td>3025 / 8025 (the development mail server and its inbox page)</td></tr>
 *   <tr><td>gateway.port, events.port, registrations.port, observations.port, presentations.port, web.port,
 *       notifications.port, reports.port, identity.port</td>
 *       <td>8080, 8081, 8082, 8083, 8084, 8085, 8086, 8087, 9000</td></tr>
 *   <tr><td>issuer</td><td>none: the identity service (an app of the stack) issues the tokens; with a URL (a Keycloak
 *       realm, say) the apps check that issuer's tokens instead, and the identity service and the web application
 *       are left out</td></tr>
 *   <tr><td>jwk.set.uri</td><td>with {@code issuer}: {@code <issuer>/protocol/openid-connect/certs} (Keycloak's)</td></tr>
 *   <tr><td>instances</td><td>1: how many instances of each service behind the gateway and of the identity service;
 *       the gateway balances its routes over them, a balancer of the devstack on the identity port the identity
 *       service's. Instance {@code k > 1} of an app listens on the app's port + 1000 × (k − 1), instance k of the
 *       identity service on its port + 1000 × k; or each on a free port with {@link Builder#freePorts()}</td></tr>
 *   <tr><td>timeout</td><td>300 (seconds until every service must be ready)</td></tr>
 *   <tr><td>jvm.options</td><td>{@value #DEFAULT_JVM_OPTIONS}</td></tr>
 *   <tr><td>version</td><td>this build's project version (names the jars)</td></tr>
 * </table>
 */
public final class DevStackConfig {

    public static final String PREFIX = "devstack.";
    public static final String DEFAULT_JVM_OPTIONS = "-Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m";
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(300);

    private final Path repoRoot;
    private final Path dataDir;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int mongoPort;
    private final int smtpPort;
    private final int inboxPort;
    private final List<App> apps;
    private final Duration readyTimeout;
    private final List<String> jvmOptions;
    private final String version;
    private final Path javaExecutable;
    private final Map<App, Map<String, String>> extraEnvironment;
    private final URI issuer;
    private final URI jwkSetUri;
    private final boolean externalInfrastructure;
    private final PortLayout layout;

    private DevStackConfig(Builder b) {
        this.layout = new PortLayout(b.appPorts, b.instances, b.freePorts);
        this.externalInfrastructure = b.externalInfrastructure;
        this.repoRoot = b.repoRoot.toAbsolutePath().normalize();
        this.dataDir = this.repoRoot.resolve(b.dataDir).toAbsolutePath().normalize();
        this.kafkaPort = b.kafkaPort;
        this.kafkaControllerPort = b.kafkaControllerPort;
        this.mongoPort = b.mongoPort;
        this.smtpPort = b.smtpPort;
        this.inboxPort = b.inboxPort;
        this.issuer = b.issuer;
        this.jwkSetUri = b.issuer == null ? null
                : b.jwkSetUri != null ? b.jwkSetUri : URI.create(b.issuer + "/protocol/openid-connect/certs");
        if (b.issuer != null && !b.servicesGiven) {
            this.apps = b.apps.stream().filter(app -> !app.isIdentity() && !app.isWeb()).toList();
        } else {
            this.apps = List.copyOf(b.apps);
        }
        if (b.issuer != null && this.apps.stream().anyMatch(app -> app.isIdentity() || app.isWeb())) {
            throw new DevStackException("With an issuer of its own (" + b.issuer + ") the stack runs neither the identity service"
                    + " nor the web application (it signs in at the identity service); leave them out of --services");
        }
        this.readyTimeout = b.readyTimeout;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.version = b.version;
        this.javaExecutable = b.javaExecutable;
        Map<App, Map<String, String>> environments = new EnumMap<>(App.class);
        b.extraEnvironment.forEach((app, env) -> environments.put(app, Collections.unmodifiableMap(new LinkedHashMap<>(env))));
        this.extraEnvironment = Collections.unmodifiableMap(environments);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code --key=value} arguments, then {@code devstack.key} system properties, then the
     * defaults. Relative paths resolve against {@code cwd}.
     */
    public static DevStackConfig fromArgs(String[] args, Properties systemProperties, Path cwd) {
        return Options.parse(args, systemProperties, cwd);
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public int mongoPort() {
        return mongoPort;
    }

    /** The development mail server's SMTP port (127.0.0.1); the notifications service sends there. */
    public int smtpPort() {
        return smtpPort;
    }

    /** The port of the inbox page that shows the mails the SMTP server received. */
    public int inboxPort() {
        return inboxPort;
    }

    public int port(App app) {
        return layout.port(app);
    }

    /** The port of one instance of an app (1 is the first, on {@link #port(App)}). */
    public int port(App app, int instance) {
        return layout.port(app, instance);
    }

    /**
     * Whether the app's instances stand behind a balancer of the devstack on {@link #port(App)}: the identity
     * service when there are several, since the browsers and the tokens know the issuer by one address.
     */
    public boolean balanced(App app) {
        return layout.balanced(app);
    }

    /**
     * How many instances of this app run: {@code instances} for each service behind the gateway and for the identity
     * service (behind a balancer of the devstack, see {@link #balanced(App)}); one gateway, the stack's entry point.
     */
    public int instances(App app) {
        return layout.instances(app);
    }

    /** The {@code instances} option: how many of each service behind the gateway. */
    public int instances() {
        return layout.instances();
    }

    /** Every instance's port, and how each is named where ports are listed. */
    PortLayout layout() {
        return layout;
    }

    /** The apps to run, in start order; empty runs only Kafka and Mongo. */
    public List<App> apps() {
        return apps;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    public String version() {
        return version;
    }

    public Path javaExecutable() {
        return javaExecutable;
    }

    /** Variables given to one app on top of what the devstack sets (they win); empty by default. */
    public Map<String, String> extraEnvironment(App app) {
        return extraEnvironment.getOrDefault(app, Map.of());
    }

    /**
     * The issuer whose tokens the apps check when it is not the stack's identity service (a Keycloak realm, say);
     * empty by default.
     */
    public Optional<URI> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** Where the apps fetch the {@link #issuer()}'s signing keys; empty when the identity service issues the tokens. */
    public Optional<URI> jwkSetUri() {
        return Optional.ofNullable(jwkSetUri);
    }

    /** Kafka and Mongo run elsewhere, on the configured ports (the fault suite runs each in a process of its own). */
    public boolean externalInfrastructure() {
        return externalInfrastructure;
    }

    /** The jar of an app, absolute. */
    public Path jar(App app) {
        return repoRoot.resolve(app.jar(version));
    }

    @Override
    public String toString() {
        return "DevStackConfig[repo=" + repoRoot + ", data=" + dataDir + ", kafka=" + kafkaPort + "/" + kafkaControllerPort
                + ", mongo=" + mongoPort + ", apps=" + apps + ", " + layout + "]";
    }

    /** The project version this devstack was built with; the jars it runs carry the same one. */
    static String buildVersion() {
        try (InputStream in = DevStackConfig.class.getResourceAsStream("devstack-build.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("@")) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "0.1.0-SNAPSHOT";
    }

    static Path currentJava() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome;
        }
        return ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
    }

    public static final class Builder {

        private Path repoRoot = Path.of("");
        private Path dataDir = Path.of(".devstack");
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int mongoPort = 27017;
        private int smtpPort = 3025;
        private int inboxPort = 8025;
        private final Map<App, Integer> appPorts = new EnumMap<>(App.class);
        private List<App> apps = List.of(App.values());
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private List<String> jvmOptions = split(DEFAULT_JVM_OPTIONS);
        private String version = buildVersion();
        private Path javaExecutable = currentJava();
        private final Map<App, Map<String, String>> extraEnvironment = new EnumMap<>(App.class);
        private boolean servicesGiven;
        private URI issuer;
        private URI jwkSetUri;
        private boolean externalInfrastructure;
        private int instances = 1;
        private boolean freePorts;

        private Builder() {
            for (App app : App.values()) {
                appPorts.put(app, app.defaultPort());
            }
        }

        /** Where the jars are looked up ({@code services/<name>/target}, {@code gateway/target}). */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Kafka's log dir, the Mongo file and the service logs; relative paths resolve against the repo root. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder mongoPort(int port) {
            this.mongoPort = port;
            return this;
        }

        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        public Builder inboxPort(int port) {
            this.inboxPort = port;
            return this;
        }

        public Builder port(App app, int port) {
            appPorts.put(app, port);
            return this;
        }

        /** Picks a distinct free port for Kafka, its controller, Mongo, the mail server, its inbox and every app. */
        public Builder freePorts() {
            int[] ports = freePortNumbers(5 + App.values().length);
            kafkaPort = ports[0];
            kafkaControllerPort = ports[1];
            mongoPort = ports[2];
            smtpPort = ports[3 + App.values().length];
            inboxPort = ports[4 + App.values().length];
            for (App app : App.values()) {
                appPorts.put(app, ports[3 + app.ordinal()]);
            }
            this.freePorts = true; // the further instances' ports too, once their number is known
            return this;
        }

        /** How many instances of each service behind the gateway (1 to 9; default 1). */
        public Builder instances(int instances) {
            this.instances = instances;
            return this;
        }

        public Builder services(List<App> apps) {
            this.apps = sorted(apps);
            this.servicesGiven = true;
            return this;
        }

        public Builder services(App... apps) {
            return services(Arrays.asList(apps));
        }

        /** A comma-separated list of app ids; blank means none. */
        public Builder services(String commaSeparated) {
            List<App> list = new ArrayList<>();
            for (String id : commaSeparated.split(",")) {
                if (!id.isBlank()) {
                    list.add(App.of(id));
                }
            }
            return services(list);
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        public Builder jvmOptions(String options) {
            this.jvmOptions = split(options);
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder javaExecutable(Path java) {
            this.javaExecutable = java;
            return this;
        }

        /**
         * An environment variable for one app on top of (and winning over) what the devstack sets,
         * e.g. {@code environment(App.GATEWAY, "HOITHAO_GATEWAY_RATELIMIT_BURSTCAPACITY", "100000")}.
         */
        public Builder environment(App app, String name, String value) {
            extraEnvironment.computeIfAbsent(app, a -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /**
         * The apps check tokens of this issuer (the {@code iss} they carry, e.g. a Keycloak realm's
         * {@code http://localhost:8180/realms/hoithao}) with its keys from {@code jwkSetUri} (null: Keycloak's
         * {@code <issuer>/protocol/openid-connect/certs}) instead of the identity service's; the identity service
         * and the web application are then not run.
         */
        public Builder issuer(URI issuer, URI jwkSetUri) {
            this.issuer = issuer;
            this.jwkSetUri = jwkSetUri;
            return this;
        }

        /**
         * Kafka and Mongo are not started here: they already run (another process) on the configured
         * {@code kafkaPort} and {@code mongoPort}, which the apps are given as usual.
         */
        public Builder externalInfrastructure() {
            this.externalInfrastructure = true;
            return this;
        }

        public DevStackConfig build() {
            return new DevStackConfig(this);
        }

        private static List<App> sorted(List<App> apps) {
            return apps.stream().distinct().sorted().toList();
        }

        private static List<String> split(String options) {
            return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        }
    }

    /** Distinct ports that were free a moment ago (held open together so none repeats). */
    public static int[] freePortNumbers(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }
}
