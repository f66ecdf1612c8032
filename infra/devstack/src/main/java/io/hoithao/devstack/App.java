package io.hoithao.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The applications the stack runs as child JVMs, in start-up order, with their default ports. */
public enum App {

    IDENTITY("identity", 9000, "services/identity"),
    EVENTS("events", 8081, "services/events"),
    REGISTRATIONS("registrations", 8082, "services/registrations"),
    OBSERVATIONS("observations", 8083, "services/observations"),
    PRESENTATIONS("presentations", 8084, "services/presentations"),
    NOTIFICATIONS("notifications", 8086, "services/notifications"),
    REPORTS("reports", 8087, "services/reports"),
    WEB("web", 8085, "services/web"),
    GATEWAY("gateway", 8080, "gateway");

    private final String id;
    private final int defaultPort;
    private final String moduleDir;

    App(String id, int defaultPort, String moduleDir) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.moduleDir = moduleDir;
    }

    /** The module's artifact id, used in jar names, log names, database names and options. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean isGateway() {
        return this == GATEWAY;
    }

    /** The web application: pages over the APIs, which it calls through the gateway; its own database (calendar feeds), no Kafka. */
    public boolean isWeb() {
        return this == WEB;
    }

    /** The OpenID Connect issuer whose tokens every other app checks. */
    public boolean isIdentity() {
        return this == IDENTITY;
    }

    /** The executable jar Maven builds for this module, relative to the repository root. */
    public Path jar(String version) {
        return Path.of(moduleDir, "target", id + "-" + version + ".jar");
    }

    /** The database this service owns on the Mongo server. */
    public String database() {
        return "hoithao_" + id;
    }

    public static App of(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(app -> app.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new DevStackException("Unknown service '" + id + "' in devstack.services; known: "
                        + String.join(",", Arrays.stream(values()).map(App::id).toList())));
    }
}
