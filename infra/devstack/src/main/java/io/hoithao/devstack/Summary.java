package io.hoithao.devstack;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The tables the devstack prints once it is ready: where everything answers, and the memory each process holds. */
final class Summary {

    private Summary() {
    }

    /** The URL table, for people. */
    static String urls(DevStackConfig config, Infrastructure infrastructure) {
        StringBuilder s = new StringBuilder();
        String gateway = "http://localhost:" + config.port(App.GATEWAY);
        if (config.apps().contains(App.GATEWAY)) {
            row(s, "gateway", gateway);
            if (config.apps().contains(App.WEB)) {
                row(s, "web site", gateway + "/");
            }
            row(s, "Swagger UI", gateway + "/swagger-ui.html");
        }
        for (App app : config.apps()) {
            if (config.balanced(app)) {
                row(s, app.id(), "http://localhost:" + config.port(app) + "  (balancing the " + config.instances(app) + " below)");
            }
            if (!app.isGateway()) {
                for (int k = 1; k <= config.instances(app); k++) {
                    row(s, config.layout().label(app, k), "http://localhost:" + config.port(app, k));
                }
            }
        }
        config.issuer().ifPresent(issuer -> row(s, "token issuer", issuer.toString()));
        row(s, "Kafka", infrastructure.kafkaBootstrapServers());
        row(s, "MongoDB", infrastructure.mongoConnectionString());
        EmbeddedSmtp mail = infrastructure.mailServer();
        row(s, "mail inbox", mail.inboxUrl() + "  (every mail sent; SMTP 127.0.0.1:" + mail.smtpPort() + ")");
        return s.toString();
    }

    /** Resident memory of this JVM (Kafka, Mongo) and of every child, from /proc; the total when all are known. */
    static String memory(List<ChildProcess> children) {
        StringBuilder s = new StringBuilder();
        long total = 0;
        boolean known = true;
        OptionalLong self = Rss.kilobytes(ProcessHandle.current().pid());
        s.append(String.format(Locale.ROOT, "  %-24s pid %-8d %10s%n", "devstack (Kafka, Mongo)", ProcessHandle.current().pid(),
                Rss.megabytes(self)));
        total += self.orElse(0);
        known &= self.isPresent();
        for (ChildProcess child : children) {
            OptionalLong rss = Rss.kilobytes(child.pid());
            s.append(String.format(Locale.ROOT, "  %-24s pid %-8d %10s%n", child.name(), child.pid(), Rss.megabytes(rss)));
            total += rss.orElse(0);
            known &= rss.isPresent();
        }
        s.append(String.format(Locale.ROOT, "  %-24s %-12s %10s%n", "total", "",
                known ? Rss.megabytes(OptionalLong.of(total)) : "n/a"));
        return s.toString();
    }

    private static void row(StringBuilder s, String name, String value) {
        s.append(String.format(Locale.ROOT, "  %-14s %s%n", name, value));
    }
}
