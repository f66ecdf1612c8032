package io.hoithao.devstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each app's JVM gets on top of the devstack's own environment: its port, the issuer of the tokens, its
 * database, the broker, the other apps' addresses (see the README, <em>What each app gets</em>), and last the
 * variables the configuration adds for it, which win.
 */
final class AppEnvironment {

    private final DevStackConfig config;
    private final Infrastructure infrastructure;

    /** The infrastructure's addresses are read at each call: Mongo's port is known once it is bound. */
    AppEnvironment(DevStackConfig config, Infrastructure infrastructure) {
        this.config = config;
        this.infrastructure = infrastructure;
    }

    Map<String, String> of(App app, int instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(config.port(app, instance)));
        String issuer = config.issuer().map(URI::toString).orElse("http://localhost:" + config.port(App.IDENTITY));
        // Another issuer (a Keycloak realm): its keys are not at the identity service's /oauth2/jwks.
        config.jwkSetUri().ifPresent(keys -> env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", keys.toString()));
        // People open the site at the gateway; the site's sign-in comes back there.
        String site = "http://localhost:" + config.port(App.GATEWAY);
        String mongo = infrastructure.mongoConnectionString();
        String kafka = infrastructure.kafkaBootstrapServers();
        if (app.isIdentity()) {
            env.put("HOITHAO_IDENTITY_ISSUER", issuer);
            if (SigningKey.shared(config)) {
                env.put("HOITHAO_IDENTITY_SIGNINGKEY", "file:" + SigningKey.file(config));
            }
            env.put("SPRING_MONGODB_URI", mongo + "/" + app.database());
            env.put("HOITHAO_IDENTITY_SITECLIENT_REDIRECTURIS", site + "/login/oauth2/code/hoithao");
            env.put("HOITHAO_IDENTITY_SITECLIENT_POSTLOGOUTREDIRECTURIS", site + "/");
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka); // its verification mails
        } else if (app.isWeb()) {
            env.put("HOITHAO_WEB_API_URI", site);
            env.put("HOITHAO_WEB_PUBLIC_URI", site);
            env.put("SPRING_MONGODB_URI", mongo + "/" + app.database());
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
                    for (int port : config.layout().instancePorts(service)) {
                        instances.add("http://localhost:" + port);
                    }
                    env.put("HOITHAO_GATEWAY_" + service.name() + "_URI", String.join(",", instances));
                }
            }
        } else {
            env.put("HOITHAO_SECURITY_ISSUER", issuer);
            env.put("SPRING_MONGODB_URI", mongo + "/" + app.database());
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
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
}
