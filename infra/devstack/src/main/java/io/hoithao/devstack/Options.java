package io.hoithao.devstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The devstack's options: each an argument {@code --key=value} or a system property
 * {@code -Ddevstack.key=value} (arguments win), read into a {@link DevStackConfig}; and their help text.
 */
final class Options {

    private Options() {
    }

    /** Arguments, then {@code devstack.key} system properties, then the defaults; relative paths resolve against {@code cwd}. */
    static DevStackConfig parse(String[] args, Properties systemProperties, Path cwd) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith(DevStackConfig.PREFIX)) {
                options.put(name.substring(DevStackConfig.PREFIX.length()), systemProperties.getProperty(name));
            }
        }
        for (String arg : args) {
            String a = arg.startsWith("-D" + DevStackConfig.PREFIX) ? "--" + arg.substring(2 + DevStackConfig.PREFIX.length()) : arg;
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new DevStackException("Unrecognised argument '" + arg + "'; use --key=value (see --help)");
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }

        DevStackConfig.Builder b = DevStackConfig.builder().repoRoot(cwd).dataDir(cwd.resolve(".devstack"));
        URI issuer = null;
        URI jwkSetUri = null;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String key = option.getKey();
            String value = option.getValue().trim();
            switch (key) {
                case "dir" -> b.dataDir(cwd.resolve(value));
                case "repo" -> b.repoRoot(cwd.resolve(value));
                case "services" -> b.services(value);
                case "kafka.port" -> b.kafkaPort(port(key, value));
                case "kafka.controller.port" -> b.kafkaControllerPort(port(key, value));
                case "mongo.port" -> b.mongoPort(port(key, value));
                case "smtp.port" -> b.smtpPort(port(key, value));
                case "inbox.port" -> b.inboxPort(port(key, value));
                case "issuer" -> issuer = uri(key, value);
                case "jwk.set.uri" -> jwkSetUri = uri(key, value);
                case "instances" -> b.instances(number(key, value));
                case "timeout" -> b.readyTimeout(Duration.ofSeconds(number(key, value)));
                case "jvm.options" -> b.jvmOptions(value);
                case "version" -> b.version(value);
                default -> {
                    if (key.endsWith(".port")) {
                        b.port(App.of(key.substring(0, key.length() - ".port".length())), port(key, value));
                    } else {
                        throw new DevStackException("Unknown option '" + key + "' (see --help)");
                    }
                }
            }
        }
        return b.issuer(issuer, jwkSetUri).build();
    }

    static String usage() {
        return """
                Usage: ./devstack [--key=value ...]      (or java -jar infra/devstack/target/devstack.jar)

                Starts Kafka (KRaft) and a Mongo-wire server in this JVM, then the identity service (the
                OpenID Connect issuer), every service and the gateway as child JVMs; prints the URLs
                when all are ready; Ctrl-C stops everything.
                Each option may also be given as a system property -Ddevstack.<key>=<value>.

                  --services=<list>        comma list of identity,events,registrations,observations,presentations,
                                           notifications,reports,web,gateway
                                           (default: all; empty: only Kafka and Mongo)
                  --dir=<path>             data directory (default .devstack); delete it to reset all data
                  --repo=<path>            repository root holding the built jars (default: current dir)
                  --kafka.port=9092  --kafka.controller.port=9093  --mongo.port=27017
                  --gateway.port=8080  --events.port=8081  --registrations.port=8082
                  --observations.port=8083  --presentations.port=8084  --web.port=8085
                  --notifications.port=8086  --reports.port=8087  --identity.port=9000
                  --smtp.port=3025  --inbox.port=8025   the development mail server and its inbox page
                  --issuer=<url>           check the tokens of another issuer (a Keycloak realm, e.g.
                                           http://localhost:8180/realms/hoithao) instead of running the identity
                                           service; the web application is left out too
                  --jwk.set.uri=<url>      that issuer's keys (default <issuer>/protocol/openid-connect/certs)
                  --instances=1            how many instances of each service behind the gateway (1-9); the
                                           gateway balances each route over them; instance k of a service
                                           listens on its port + 1000 x (k - 1)
                  --timeout=300            seconds until every service must be ready
                  --jvm.options="%s"
                """.formatted(DevStackConfig.DEFAULT_JVM_OPTIONS);
    }

    private static int port(String key, String value) {
        int port = number(key, value);
        if (port < 0 || port > 65535) {
            throw new DevStackException("Option " + key + " must be a port (0-65535), not " + value);
        }
        return port;
    }

    private static URI uri(String key, String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DevStackException("Option " + key + " must be an http(s) URL, not '" + value + "'");
        }
    }

    private static int number(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new DevStackException("Option " + key + " must be a number, not '" + value + "'");
        }
    }
}
