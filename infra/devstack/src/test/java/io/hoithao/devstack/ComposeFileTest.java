package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine on the machines that build this project, so {@code docker compose up}
 * cannot be tried here. This test keeps {@code docker-compose.yml} and the {@code Dockerfile} honest
 * instead: it reads them next to each module's own {@code pom.xml} and
 * {@code src/main/resources/application.yml}, so renaming a property, changing a port or a database
 * name, or moving a module breaks the build here rather than the stack on someone else's machine.
 */
class ComposeFileTest {

    /** The compose service of each runnable module, and the module's directory. */
    private static final Map<String, String> APP_MODULES = orderedMap(
            "events", "services/events",
            "registrations", "services/registrations",
            "observations", "services/observations",
            "presentations", "services/presentations",
            "notifications", "services/notifications",
            "reports", "services/reports",
            "web", "services/web",
            "gateway", "gateway");

    private static final List<String> SERVICES = List.of("events", "registrations", "observations", "presentations", "notifications",
            "reports");

    private static final String PLATFORM_DEFAULTS = "services/platform/src/main/resources/hoithao-platform.properties";

    private static final Set<String> EXPECTED_SERVICES =
            Set.of("kafka", "mongo", "keycloak", "mailpit", "events", "registrations", "observations", "presentations",
                    "notifications", "reports", "web", "gateway", "otel-collector", "jaeger", "prometheus", "grafana",
                    "events-2", "gateway-2");

    /** Environment variables read by the JVM or the OS, not by Spring: allowed without a property. */
    private static final Set<String> NON_SPRING_ENV = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "TZ");

    /** Spring Boot's own settings that the modules leave unset on purpose: without an OTLP endpoint no trace is exported. */
    private static final Set<String> UNSET_BOOT_SETTINGS = Set.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");

    private static final String OBSERVABILITY = "infra/compose/observability/";

    /**
     * The figures the dashboard shows, as Prometheus names them, and where each is made: a meter of the suite's
     * own code (file, meter name), or of Spring's (null).
     */
    private static final Map<String, String[]> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("http_server_requests_seconds_count", null);
        FIGURES.put("http_client_requests_seconds_count", null);
        FIGURES.put("spring_cloud_stream_binder_kafka_offset", null);
        FIGURES.put("hoithao_outbox_published_total", new String[] {
                "services/platform/src/main/java/io/hoithao/platform/outbox/OutboxRelay.java", "hoithao.outbox.published"});
        FIGURES.put("hoithao_outbox_backlog", new String[] {
                "services/platform/src/main/java/io/hoithao/platform/PlatformAutoConfiguration.java", "hoithao.outbox.backlog"});
        FIGURES.put("hoithao_outbox_oldest_age_seconds", new String[] {
                "services/platform/src/main/java/io/hoithao/platform/PlatformAutoConfiguration.java", "hoithao.outbox.oldest.age"});
        FIGURES.put("hoithao_messaging_dead_letters", new String[] {
                "services/platform/src/main/java/io/hoithao/platform/messaging/DeadLetters.java", "hoithao.messaging.dead.letters"});
        FIGURES.put("hoithao_notifications_mails_waiting", new String[] {
                "services/notifications/src/main/java/io/hoithao/notifications/delivery/MailsWaiting.java",
                "hoithao.notifications.mails.waiting"});
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:$]+)");
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("(?i)(?<![\\w.-])(localhost|127\\.0\\.0\\.1)(?![\\w-])");

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = findRepoRoot();
        Path file = root.resolve("docker-compose.yml");
        assertThat(file).as("docker-compose.yml at the repository root").isRegularFile();
        compose = map(loadYaml(file).get(0), "docker-compose.yml");
        services = map(compose.get("services"), "docker-compose.yml: services");
    }

    // ------------------------------------------------------------------ the whole file

    @Test
    void namesExactlyTheInfrastructureTheServicesAndTheGateway() {
        assertThat(services.keySet())
                .as("services in docker-compose.yml (adding one? add it to EXPECTED_SERVICES here too)")
                .containsExactlyInAnyOrderElementsOf(EXPECTED_SERVICES);
    }

    @Test
    void theNotificationsServiceSendsToMailpitWhoseWebInboxIsPublished() {
        assertThat(string(service("mailpit").get("image"))).as("mailpit: image").startsWith("axllent/mailpit:");
        assertThat(publishedPorts("mailpit")).as("mailpit: its web inbox, every mail sent, on the host").containsEntry(8025, 8025);
        assertThat(environment("notifications")).as("notifications: sends through Mailpit's SMTP port on the compose network")
                .containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("SPRING_MAIL_PORT", "1025");
        assertThat(map(service("notifications").get("depends_on"), "notifications: depends_on")).containsKey("mailpit");
    }

    @Test
    void everyServiceHasAHealthcheck() {
        for (String name : services.keySet()) {
            assertHealthcheck(name);
        }
    }

    @Test
    void kafkaIsASingleKraftNodeReachableFromTheServicesAndFromTheHost() {
        Map<String, Object> kafka = service("kafka");
        assertThat(string(kafka.get("image"))).as("kafka: image").startsWith("apache/kafka:");
        Map<String, String> env = environment("kafka");
        assertThat(env).as("kafka: environment")
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsKeys("CLUSTER_ID", "KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_LISTENERS",
                        "KAFKA_ADVERTISED_LISTENERS", "KAFKA_CONTROLLER_LISTENER_NAMES");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .as("kafka: the quorum's only voter is this node")
                .startsWith(env.get("KAFKA_NODE_ID") + "@");

        Map<String, String> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));
        assertThat(advertised).as("kafka: advertised listeners")
                .containsEntry("PLAINTEXT", "kafka:9092")
                .containsEntry("EXTERNAL", "localhost:29092");
        assertThat(publishedPorts("kafka"))
                .as("kafka: the EXTERNAL listener (localhost:29092) is published on the host")
                .containsEntry(29092, 29092);
        assertThat(listeners(env.get("KAFKA_LISTENERS")).keySet())
                .as("kafka: every advertised listener is also a listener")
                .containsAll(advertised.keySet());
        for (String factor : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")) {
            assertThat(env).as("kafka: one broker, so " + factor + " must be 1").containsEntry(factor, "1");
        }
        assertNamedVolume("kafka");
    }

    @Test
    void mongoIsAOneMemberReplicaSetInitiatedByItsHealthcheck() {
        Map<String, Object> mongo = service("mongo");
        assertThat(string(mongo.get("image"))).as("mongo: image").startsWith("mongo:");
        List<String> command = commandWords(mongo.get("command"));
        assertThat(command).as("mongo: command").contains("--replSet", "--bind_ip_all");
        String replicaSet = replicaSetName();
        assertThat(healthcheckText("mongo"))
                .as("mongo: the healthcheck initiates replica set " + replicaSet + " with member mongo:27017")
                .contains("rs.initiate", replicaSet, "mongo:27017");
        assertThat(publishedPorts("mongo")).as("mongo: published on the host for local runs").containsEntry(27017, 27017);
        assertNamedVolume("mongo");
    }

    @Test
    void theDockerfileBuildsTheJarsWithMavenAndRunsThemAsAnUnprivilegedUser() throws IOException {
        Dockerfile dockerfile = dockerfile();
        assertThat(dockerfile.stages()).as("Dockerfile: a build stage and a runtime stage").hasSizeGreaterThanOrEqualTo(2);

        assertThat(dockerfile.instructions("RUN"))
                .as("Dockerfile: a RUN that packages the jars with the Maven wrapper or Maven")
                .anySatisfy(run -> assertThat(run).containsPattern("(\\./mvnw|\\bmvn)\\b[^&;|]*\\bpackage\\b"));

        Stage runtime = dockerfile.stages().get(dockerfile.stages().size() - 1);
        assertThat(runtime.instructions("ENTRYPOINT"))
                .as("Dockerfile: the runtime stage starts the jar")
                .singleElement().satisfies(entrypoint -> assertThat(entrypoint).contains("java", "-jar"));
        assertThat(runtime.instructions("USER"))
                .as("Dockerfile: the runtime stage runs as a non-root user")
                .isNotEmpty()
                .allSatisfy(user -> assertThat(user).doesNotMatch("(root|0)(:.*)?"));

        // The tool the app healthchecks call must be in the runtime image.
        for (String app : APP_MODULES.keySet()) {
            List<String> test = healthcheckTest(app);
            if (test.size() > 1 && test.get(0).equals("CMD")) {
                String tool = test.get(1);
                assertThat(runtime.text())
                        .as("Dockerfile: %s's healthcheck calls %s; the runtime stage must provide it", app, tool)
                        .contains(tool);
            }
        }
    }

    @Test
    void theDockerfileCopiesEveryModuleTheReactorNeeds() throws Exception {
        Dockerfile dockerfile = dockerfile();
        List<String> sources = new ArrayList<>();
        for (String copy : dockerfile.instructions("COPY")) {
            if (copy.contains("--from")) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(copy.trim().split("\\s+")));
            words.removeIf(word -> word.startsWith("--"));
            for (String source : words.subList(0, words.size() - 1)) {
                assertThat(root.resolve(source)).as("Dockerfile: COPY source %s exists", source).exists();
                sources.add(source.replaceAll("/+$", ""));
            }
        }
        for (String module : childTexts(pom(root.resolve("pom.xml")), "modules", "module")) {
            boolean copied = sources.stream().anyMatch(source -> module.equals(source)
                    || module.startsWith(source + "/") || source.equals(module + "/pom.xml")
                    || source.equals("."));
            assertThat(copied)
                    .as("Dockerfile: module %s (root pom <modules>) is copied into the build stage, at least its pom.xml,"
                            + " or Maven fails there", module)
                    .isTrue();
        }

        // .dockerignore is an allowlist ("**" first): everything COPY needs must be let back in.
        Path ignore = root.resolve(".dockerignore");
        assertThat(ignore).as(".dockerignore").isRegularFile();
        List<String> rules = Files.readAllLines(ignore).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (!rules.isEmpty() && (rules.get(0).equals("**") || rules.get(0).equals("*"))) {
            Set<String> allowed = new LinkedHashSet<>();
            rules.stream().filter(rule -> rule.startsWith("!")).forEach(rule -> allowed.add(rule.substring(1).replaceAll("/+$", "")));
            for (String source : sources) {
                assertThat(allowed).as(".dockerignore lets %s (a COPY source) into the build context", source).contains(source);
            }
        }
    }

    // ------------------------------------------------------------------ each app

    static Stream<String> apps() {
        return APP_MODULES.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void isBuiltFromItsOwnModuleWithTheSharedDockerfile(String app) throws Exception {
        Map<String, Object> build = map(service(app).get("build"), app + ": build (with context, dockerfile and args)");
        assertThat(root.resolve(string(build.getOrDefault("context", "."))).normalize())
                .as("%s: build.context is the repository root", app).isEqualTo(root);
        Path dockerfile = root.resolve(string(build.getOrDefault("dockerfile", "Dockerfile")));
        assertThat(dockerfile).as("%s: build.dockerfile", app).isRegularFile();

        Map<String, String> args = stringMap(build.get("args"), app + ": build.args");
        String module = APP_MODULES.get(app);
        assertThat(args).as("%s: build.args.MODULE", app).containsEntry("MODULE", module);
        assertThat(root.resolve(module).resolve("pom.xml")).as("%s: MODULE %s has a pom.xml", app, module).isRegularFile();
        String artifactId = childText(pom(root.resolve(module).resolve("pom.xml")), "artifactId");
        assertThat(args).as("%s: build.args.APP is the module's artifactId (the jar is target/<APP>-<version>.jar)", app)
                .containsEntry("APP", artifactId);
        if (args.containsKey("PORT")) {
            assertThat(args.get("PORT")).as("%s: build.args.PORT is server.port", app).isEqualTo(String.valueOf(serverPort(app)));
        }

        Set<String> declared = new LinkedHashSet<>();
        for (String arg : dockerfile().instructions("ARG")) {
            declared.add(arg.trim().split("[=\\s]", 2)[0]);
        }
        assertThat(declared).as("%s: every build arg is declared by an ARG in the Dockerfile", app).containsAll(args.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void listensOnTheModulesPortAndPublishesIt(String app) throws IOException {
        int port = serverPort(app);
        assertThat(environment(app))
                .as("%s: SERVER_PORT equals server.port in %s/src/main/resources/application.yml", app, APP_MODULES.get(app))
                .containsEntry("SERVER_PORT", String.valueOf(port));
        assertThat(publishedPorts(app)).as("%s: ports (host:container) publish server.port", app).containsEntry(port, port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void isHealthyWhenReadyAndStartsAfterWhatItNeeds(String app) throws IOException {
        assertHealthcheck(app);
        assertThat(healthcheckText(app))
                .as("%s: the healthcheck asks the readiness probe on the app's own port", app)
                .contains("/actuator/health/readiness")
                .contains(":" + serverPort(app) + "/");
        assertThat(service(app).get("restart")).as("%s: restart", app).isEqualTo("unless-stopped");

        Map<String, Object> dependsOn = map(service(app).get("depends_on"),
                app + ": depends_on (the long form, so that each entry can have condition: service_healthy)");
        assertThat(dependsOn).as("%s: depends_on", app).isNotEmpty();
        dependsOn.forEach((dependency, spec) -> assertThat(map(spec, app + ": depends_on." + dependency).get("condition"))
                .as("%s: depends_on.%s.condition", app, dependency)
                .isEqualTo("service_healthy"));

        Map<String, Object> properties = properties(app);
        if (properties.containsKey("spring.mongodb.uri")) {
            assertThat(dependsOn).as("%s: uses MongoDB, so it waits for mongo", app).containsKey("mongo");
        }
        if (properties.containsKey("spring.kafka.bootstrap-servers")) {
            assertThat(dependsOn).as("%s: uses Kafka, so it waits for kafka", app).containsKey("kafka");
        }
        if (app.equals("gateway")) {
            assertThat(dependsOn).as("gateway: waits for the four services").containsKeys(SERVICES.toArray(String[]::new));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void setsOnlyPropertiesTheModuleHas(String app) throws IOException {
        Map<String, Object> properties = properties(app);
        Set<String> known = new LinkedHashSet<>(properties.keySet());
        known.addAll(placeholderNames(properties));
        for (String variable : environment(app).keySet()) {
            if (NON_SPRING_ENV.contains(variable) || UNSET_BOOT_SETTINGS.contains(variable)) {
                continue;
            }
            assertThat(known.stream().anyMatch(property -> environmentNames(property).contains(variable)))
                    .as("%s: environment variable %s binds (relaxed binding: %s) to no property in %s/src/main/resources/application.yml;"
                            + " was the property renamed?", app, variable, propertyGuess(variable), APP_MODULES.get(app))
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void overridesEveryAddressThatPointsAtTheLocalMachine(String app) throws IOException {
        // Inside a container, localhost is the container itself: every property whose value (or
        // placeholder default) names localhost must be set by the compose file.
        Map<String, String> env = environment(app);
        Map<String, Object> properties = properties(app);
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            String value = String.valueOf(property.getValue());
            Matcher placeholder = Pattern.compile("\\$\\{([^}:$]+):([^}]*)}").matcher(value);
            boolean viaPlaceholder = false;
            while (placeholder.find()) {
                if (LOCAL_ADDRESS.matcher(placeholder.group(2)).find()) {
                    viaPlaceholder = true;
                    String name = placeholder.group(1);
                    assertThat(env.keySet().stream().anyMatch(variable -> environmentNames(name).contains(variable)))
                            .as("%s: %s defaults to %s, the container itself; set %s in docker-compose.yml",
                                    app, name, placeholder.group(2), environmentNames(name).get(0))
                            .isTrue();
                }
            }
            if (!viaPlaceholder && LOCAL_ADDRESS.matcher(value).find()) {
                String name = property.getKey();
                assertThat(env.keySet().stream().anyMatch(variable -> environmentNames(name).contains(variable)))
                        .as("%s: %s is %s, the container itself; set %s in docker-compose.yml",
                                app, name, value, environmentNames(name).get(0))
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void usesItsOwnDatabaseOnTheReplicaSet(String app) throws IOException {
        Map<String, Object> properties = properties(app);
        if (!properties.containsKey("spring.mongodb.uri")) {
            assertThat(environment(app).keySet()).as("%s: application.yml has no spring.mongodb.uri, so docker-compose.yml sets no SPRING_MONGODB_*", app)
                    .noneMatch(variable -> variable.startsWith("SPRING_MONGODB"));
            return;
        }
        String expectedDatabase = properties.containsKey("spring.mongodb.database")
                ? string(properties.get("spring.mongodb.database"))
                : MongoUri.parse(string(properties.get("spring.mongodb.uri"))).database();
        assertThat(expectedDatabase).as("%s: the database in application.yml", app).isNotBlank();

        Map<String, String> env = environment(app);
        assertThat(env).as("%s: environment", app).containsKey("SPRING_MONGODB_URI");
        MongoUri uri = MongoUri.parse(env.get("SPRING_MONGODB_URI"));
        assertThat(env.getOrDefault("SPRING_MONGODB_DATABASE", uri.database()))
                .as("%s: the database in SPRING_MONGODB_URI is the one in application.yml", app)
                .isEqualTo(expectedDatabase);
        assertThat(uri.hosts()).as("%s: SPRING_MONGODB_URI hosts", app).containsExactly("mongo:27017");
        assertThat(uri.options()).as("%s: SPRING_MONGODB_URI names the replica set mongo runs", app)
                .containsEntry("replicaSet", replicaSetName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void reachesKafkaOnTheInternalListener(String app) throws IOException {
        if (!properties(app).containsKey("spring.kafka.bootstrap-servers")) {
            return;
        }
        String internal = listeners(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).get("PLAINTEXT");
        assertThat(environment(app))
                .as("%s: SPRING_KAFKA_BOOTSTRAP_SERVERS is kafka's advertised PLAINTEXT listener", app)
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", internal);
    }

    @Test
    void theGatewayRoutesToEachServiceByItsNameAndPort() throws IOException {
        Map<String, String> env = environment("gateway");
        Set<String> gatewayProperties = placeholderNames(properties("gateway"));
        gatewayProperties.addAll(properties("gateway").keySet());
        for (String service : SERVICES) {
            String property = "hoithao.gateway." + service + "-uri";
            assertThat(gatewayProperties).as("gateway: application.yml reads %s", property).contains(property);
            String variable = "HOITHAO_GATEWAY_" + service.toUpperCase(Locale.ROOT) + "_URI";
            assertThat(env).as("gateway: %s", variable).containsKey(variable);
            // one address or several instances' (the gateway balances over them): the service's, then its further instances'
            List<String> instances = List.of(env.get(variable).split(","));
            assertThat(instances.get(0)).as("gateway: %s starts with the service", variable)
                    .isEqualTo("http://" + service + ":" + serverPort(service));
            for (String instance : instances) {
                String name = instance.substring("http://".length(), instance.lastIndexOf(':'));
                assertThat(instance).as("gateway: %s names an instance of %s at its port", variable, service)
                        .matches("http://" + Pattern.quote(service) + "(-\\d+)?:" + serverPort(service));
                assertThat(services).as("gateway: %s names compose service %s", variable, name).containsKey(name);
            }
        }
    }

    /**
     * Any app may run several times: the second events service runs the first one's image with the same configuration
     * (database, broker, consumer groups), the gateways balance /api/events over both, and the second gateway is the
     * first one again at an address of its own, which the events services trust as a proxy of their streams.
     */
    @Test
    void aSecondInstanceOfTheEventsServiceAndOfTheGatewayRunTheSameImageAndConfiguration() throws IOException {
        for (String app : List.of("events", "gateway")) {
            String second = app + "-2";
            assertThat(string(service(second).get("image"))).as("%s: the image of %s", second, app)
                    .isEqualTo(string(service(app).get("image")));
            assertThat(environment(second)).as("%s: the configuration of %s", second, app).isEqualTo(environment(app));
            assertThat(healthcheckText(second)).as("%s: the readiness probe", second)
                    .contains("/actuator/health/readiness").contains(":" + serverPort(app) + "/");
            assertThat(map(service(second).get("depends_on"), second + ": depends_on")).as("%s: starts after %s", second, app)
                    .containsKey(app);
        }
        assertThat(environment("gateway").get("HOITHAO_GATEWAY_EVENTS_URI").split(","))
                .as("gateway: balances /api/events over both events services")
                .containsExactly("http://events:8081", "http://events-2:8081");
        assertThat(service("events-2")).as("events-2: reached through the gateways only").doesNotContainKey("ports");
        assertThat(publishedPorts("gateway-2")).as("gateway-2: published on the host next to the first").containsEntry(8090, 8080);
        String address = String.valueOf(map(map(service("gateway-2").get("networks"), "gateway-2: networks").get("default"),
                "gateway-2: networks.default").get("ipv4_address"));
        String gateway = String.valueOf(map(map(service("gateway").get("networks"), "gateway: networks").get("default"),
                "gateway: networks.default").get("ipv4_address"));
        assertThat(address).as("gateway-2: an address of its own").isNotEqualTo(gateway);
        for (String events : List.of("events", "events-2")) {
            assertThat(Pattern.compile(environment(events).get("HOITHAO_EVENTS_STREAM_TRUSTEDPROXIES")).matcher(address).matches())
                    .as("%s trusts gateway-2 at %s", events, address).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakIssuesTheTokensEveryAppChecks() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(string(keycloak.get("image"))).as("keycloak: image").startsWith("quay.io/keycloak/keycloak:");
        List<String> command = commandWords(keycloak.get("command"));
        assertThat(command).as("keycloak: command").contains("--import-realm");
        int port = command.stream().filter(word -> word.startsWith("--http-port=")).findFirst()
                .map(word -> Integer.parseInt(word.substring("--http-port=".length()))).orElse(8080);
        assertThat(publishedPorts("keycloak")).as("keycloak: its HTTP port is published on the host").containsEntry(port, port);
        assertThat(((List<?>) keycloak.get("volumes")).stream().map(String::valueOf))
                .as("keycloak: the realm directory is mounted where --import-realm reads")
                .contains("./infra/compose/keycloak:/opt/keycloak/data/import:ro");

        Path realmFile = root.resolve("infra/compose/keycloak/hoithao-realm.json");
        Map<String, Object> realm = map(loadYaml(realmFile).get(0), "hoithao-realm.json");
        String issuer = "http://localhost:" + port + "/realms/" + realm.get("realm");
        assertThat(environment("keycloak")).as("keycloak: tokens name the issuer the apps expect")
                .containsEntry("KC_HOSTNAME", "http://localhost:" + port);

        for (String app : APP_MODULES.keySet()) {
            if (app.equals("web")) {
                continue; // checks no bearer tokens: it calls the APIs through the gateway
            }
            assertThat(environment(app)).as("%s: checks tokens from the realm, fetching its keys on the compose network", app)
                    .containsEntry("HOITHAO_SECURITY_ISSUER", issuer)
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                            "http://keycloak:" + port + "/realms/" + realm.get("realm") + "/protocol/openid-connect/certs");
        }

        // Ownership of registrations, bookings, forms and papers goes by email: only a verified one counts
        // (the services ignore an email whose email_verified is false), and users cannot change their own.
        assertThat(realm.get("verifyEmail")).as("realm: new users verify their email").isEqualTo(true);
        assertThat(map(realm.get("smtpServer"), "realm: smtpServer"))
                .as("realm: Keycloak's verification mails go to Mailpit, readable in its web inbox")
                .containsEntry("host", "mailpit").containsEntry("port", "1025");
        assertThat(services).as("compose runs the mail server Keycloak sends to").containsKey("mailpit");

        // The seeded users' passwords are in this public file: each must be replaced at the first sign-in.
        List<Map<String, Object>> users = (List<Map<String, Object>>) realm.get("users");
        assertThat(users).as("realm: seeded users").isNotEmpty();
        for (Map<String, Object> user : users) {
            Object name = user.get("username");
            assertThat((List<Object>) user.get("requiredActions")).as("realm user %s: must set a new password first", name)
                    .contains("UPDATE_PASSWORD");
            List<Map<String, Object>> credentials = (List<Map<String, Object>>) user.get("credentials");
            assertThat(credentials).as("realm user %s: credentials", name).isNotEmpty();
            assertThat(credentials).as("realm user %s: a fixed password is temporary", name)
                    .allSatisfy(credential -> assertThat(credential.get("temporary")).isEqualTo(true));
        }
        Map<String, Object> components = map(realm.get("components"), "realm: components");
        Map<String, Object> userProfile = ((List<Map<String, Object>>) components.get("org.keycloak.userprofile.UserProfileProvider")).get(0);
        String profileJson = ((List<String>) map(userProfile.get("config"), "user profile config").get("kc.user.profile.config")).get(0);
        List<Map<String, Object>> attributes = (List<Map<String, Object>>) map(
                new org.yaml.snakeyaml.Yaml().load(profileJson), "user profile").get("attributes");
        for (String attribute : List.of("email", "username", "unit", "unit_id")) {
            assertThat(attributes).as("realm: only administrators edit a user's %s", attribute)
                    .anySatisfy(a -> {
                        assertThat(a.get("name")).isEqualTo(attribute);
                        assertThat(map(a.get("permissions"), "permissions").get("edit")).isEqualTo(List.of("admin"));
                    });
        }
        Map<String, Object> platform = properties("events");
        String audience = string(platform.get("spring.security.oauth2.resourceserver.jwt.audiences"));
        assertThat(((Map<String, List<Map<String, Object>>>) realm.get("roles")).get("realm"))
                .extracting(role -> role.get("name"))
                .as("realm roles: the four the services know")
                .contains("admin", "organiser", "reviewer", "delegate");
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        assertThat(clients).extracting(client -> client.get("clientId")).contains("hoithao-web", "hoithao-cli");
        for (Map<String, Object> client : clients) {
            String id = string(client.get("clientId"));
            // the web application (services/web) keeps its tokens on the server: a confidential client with a secret
            assertThat(client.get("publicClient")).as("%s: a public client (browser, script), or the site's confidential one", id)
                    .isEqualTo(!id.equals("hoithao-site"));
            assertThat(client.get("directAccessGrantsEnabled")).as("%s: no password grant", id).isEqualTo(false);
            assertThat(map(client.get("attributes"), id + ": attributes"))
                    .as("%s: PKCE required", id).containsEntry("pkce.code.challenge.method", "S256");
            List<Map<String, Object>> mappers = (List<Map<String, Object>>) client.get("protocolMappers");
            assertThat(mappers).as("%s: the access token is for audience %s", id, audience)
                    .anySatisfy(mapper -> assertThat(map(mapper.get("config"), "config"))
                            .containsEntry("included.custom.audience", audience));
            assertThat(mappers).as("%s: realm roles in the 'roles' claim (hoithao.security.roles-claim)", id)
                    .anySatisfy(mapper -> {
                        assertThat(mapper.get("protocolMapper")).isEqualTo("oidc-usermodel-realm-role-mapper");
                        assertThat(map(mapper.get("config"), "config")).containsEntry("claim.name", "roles")
                                .containsEntry("access.token.claim", "true");
                    });
            assertThat(mappers).as("%s: the user's unit in the 'unit' claim", id)
                    .anySatisfy(mapper -> assertThat(map(mapper.get("config"), "config"))
                            .containsEntry("user.attribute", "unit").containsEntry("claim.name", "unit"));
            assertThat(mappers).as("%s: the id of the user's unit in the 'unit_id' claim (hoithao.security.unit-id-claim)", id)
                    .anySatisfy(mapper -> assertThat(map(mapper.get("config"), "config"))
                            .containsEntry("user.attribute", "unit_id").containsEntry("claim.name", "unit_id")
                            .containsEntry("access.token.claim", "true"));
        }
    }

    /**
     * The web site calls the APIs through the gateway with its visitors' addresses (X-Forwarded-For); the gateway
     * honours them only from a proxy it trusts, so the site's fixed address must be one, and nothing wider.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theGatewayTrustsTheWebSitesAddressAsAProxy() {
        Map<String, Object> network = map(map(service("web").get("networks"), "web: networks").get("default"), "web: networks.default");
        String address = String.valueOf(network.get("ipv4_address"));
        List<Map<String, Object>> subnets = (List<Map<String, Object>>) map(map(map(compose.get("networks"), "networks")
                .get("default"), "networks.default").get("ipam"), "networks.default.ipam").get("config");
        String subnet = String.valueOf(subnets.get(0).get("subnet"));
        assertThat(address).as("web: its address is in the default network's subnet %s", subnet)
                .startsWith(subnet.substring(0, subnet.indexOf(".0.0/")) + ".");
        String trusted = environment("gateway").get("SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_TRUSTEDPROXIES");
        assertThat(trusted).as("gateway: trusted proxies").isNotNull();
        Pattern proxies = Pattern.compile(trusted);
        assertThat(proxies.matcher(address).matches()).as("gateway trusts the web site at %s", address).isTrue();
        assertThat(proxies.matcher(subnet.substring(0, subnet.indexOf(".0.0/")) + ".0.1").matches())
                .as("gateway: the network's gateway (where published ports arrive from) is not trusted").isFalse();
    }

    /**
     * The events service limits live streams per client address; the gateway and the web site relay their
     * callers' streams with X-Forwarded-For, which the service honours only from a proxy it trusts. Their
     * fixed addresses must be trusted, or every browser counts as the gateway; nothing wider may be.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theEventsServiceTrustsTheGatewayAndTheWebSiteAsProxiesOfItsStreams() {
        List<Map<String, Object>> subnets = (List<Map<String, Object>>) map(map(map(compose.get("networks"), "networks")
                .get("default"), "networks.default").get("ipam"), "networks.default.ipam").get("config");
        String subnet = String.valueOf(subnets.get(0).get("subnet"));
        String prefix = subnet.substring(0, subnet.indexOf(".0.0/")) + ".";
        String trusted = environment("events").get("HOITHAO_EVENTS_STREAM_TRUSTEDPROXIES");
        assertThat(trusted).as("events: trusted proxies of the live streams (hoithao.events.stream.trusted-proxies)").isNotNull();
        Pattern proxies = Pattern.compile(trusted);
        Set<String> addresses = new LinkedHashSet<>();
        for (String proxy : List.of("gateway", "web")) {
            Object networks = service(proxy).get("networks");
            assertThat(networks).as("%s: a fixed address on the default network", proxy).isNotNull();
            String address = String.valueOf(map(map(networks, proxy + ": networks").get("default"), proxy + ": networks.default")
                    .get("ipv4_address"));
            assertThat(address).as("%s: its address is in the default network's subnet %s", proxy, subnet).startsWith(prefix);
            assertThat(proxies.matcher(address).matches()).as("events trusts the %s at %s", proxy, address).isTrue();
            addresses.add(address);
        }
        assertThat(addresses).as("the gateway and the web site have addresses of their own").hasSize(2);
        assertThat(proxies.matcher(prefix + "0.1").matches())
                .as("events: the network's gateway (where published ports arrive from) is not trusted").isFalse();
        assertThat(proxies.matcher(prefix + "0.2").matches()).as("events: another container is not trusted").isFalse();
    }

    // ------------------------------------------------------------------ compose helpers

    // ------------------------------------------------------------------ seeing inside

    @Test
    void prometheusScrapesEveryAppWhereItServesItsFiguresAndTheGatewayNotOnItsPublicPort() throws IOException {
        Map<String, Object> config = map(loadYaml(mounted("prometheus", "/etc/prometheus/prometheus.yml")).get(0), "prometheus.yml");
        List<Map<String, Object>> jobs = listOfMaps(config.get("scrape_configs"), "prometheus.yml: scrape_configs");
        Set<String> targets = new LinkedHashSet<>();
        for (Map<String, Object> job : jobs) {
            assertThat(job.get("metrics_path")).as("prometheus.yml: job %s scrapes the actuator's endpoint", job.get("job_name"))
                    .isEqualTo("/actuator/prometheus");
            for (Map<String, Object> group : listOfMaps(job.get("static_configs"), "static_configs")) {
                ((List<?>) group.get("targets")).forEach(target -> targets.add(String.valueOf(target)));
            }
        }
        for (String app : APP_MODULES.keySet()) {
            Map<String, Object> properties = properties(app);
            String exposed = string(properties.getOrDefault("management.endpoints.web.exposure.include", ""));
            if (app.equals("gateway")) {
                assertThat(exposed).as("gateway: its public port does not serve the figures").doesNotContain("prometheus");
                assertThat(properties).as("gateway: application.yml has the metrics port").containsKey("hoithao.gateway.metrics-port");
                String port = environment("gateway").get("HOITHAO_GATEWAY_METRICSPORT");
                assertThat(port).as("gateway: HOITHAO_GATEWAY_METRICSPORT, the port Prometheus scrapes").isNotBlank()
                        .isNotEqualTo(String.valueOf(serverPort("gateway")));
                assertThat(targets).as("prometheus.yml: scrapes the gateway's metrics port").contains("gateway:" + port);
                assertThat(publishedPorts("gateway")).as("gateway: the metrics port is not published on the host")
                        .doesNotContainKey(Integer.parseInt(port));
            } else {
                assertThat(exposed).as("%s: management.endpoints.web.exposure.include has prometheus", app).contains("prometheus");
                assertThat(targets).as("prometheus.yml: scrapes %s on its own port", app).contains(app + ":" + serverPort(app));
            }
        }
        assertThat(publishedPorts("prometheus")).as("prometheus: its page, on this machine only").containsEntry(9090, 9090);
    }

    @Test
    void everyAppSendsItsTracesThroughTheCollectorToJaeger() throws IOException {
        for (String app : APP_MODULES.keySet()) {
            assertThat(environment(app)).as("%s: exports its spans to the collector (OTLP over HTTP)", app)
                    .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://otel-collector:4318/v1/traces");
            String sampling = environment(app).get("MANAGEMENT_TRACING_SAMPLING_PROBABILITY");
            assertThat(sampling).as("%s: the sampling is a probability", app).isNotNull();
            assertThat(Double.parseDouble(sampling)).isBetween(0.0, 1.0);
        }
        Map<String, Object> collector = map(loadYaml(mounted("otel-collector", "/etc/otelcol/config.yaml")).get(0), "otel-collector.yaml");
        Map<String, Object> protocols = map(map(map(collector.get("receivers"), "receivers").get("otlp"), "receivers.otlp")
                .get("protocols"), "receivers.otlp.protocols");
        assertThat(string(map(protocols.get("http"), "otlp http").get("endpoint"))).as("collector: OTLP over HTTP on 4318").endsWith(":4318");
        Map<String, Object> traces = map(map(map(collector.get("service"), "service").get("pipelines"), "pipelines").get("traces"),
                "pipelines.traces");
        assertThat(((List<?>) traces.get("receivers")).stream().map(String::valueOf)).as("collector: the traces pipeline receives OTLP").contains("otlp");
        Map<String, Object> exporters = map(collector.get("exporters"), "exporters");
        assertThat((List<?>) traces.get("exporters")).as("collector: the traces pipeline exports to Jaeger")
                .anySatisfy(name -> assertThat(string(map(exporters.get(String.valueOf(name)), "exporter " + name).get("endpoint")))
                        .isEqualTo("jaeger:4317"));
        assertThat(string(service("jaeger").get("image"))).as("jaeger: image").startsWith("jaegertracing/all-in-one:");
        assertThat(environment("jaeger")).as("jaeger: receives OTLP").containsEntry("COLLECTOR_OTLP_ENABLED", "true");
        assertThat(publishedPorts("jaeger")).as("jaeger: its page, on this machine only").containsEntry(16686, 16686);
    }

    @Test
    void grafanaShowsADashboardOfTheFiguresTheAppsMake() throws IOException {
        Path provisioning = mounted("grafana", "/etc/grafana/provisioning");
        Map<String, Object> datasources = map(loadYaml(provisioning.resolve("datasources/datasources.yml")).get(0), "datasources.yml");
        assertThat(listOfMaps(datasources.get("datasources"), "datasources"))
                .as("grafana: Prometheus and Jaeger as data sources, by their compose names")
                .anySatisfy(source -> assertThat(source).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090"))
                .anySatisfy(source -> assertThat(source).containsEntry("type", "jaeger").containsEntry("url", "http://jaeger:16686"));
        Map<String, Object> providers = map(loadYaml(provisioning.resolve("dashboards/dashboards.yml")).get(0), "dashboards.yml");
        String dashboardsPath = string(map(listOfMaps(providers.get("providers"), "providers").get(0).get("options"), "options").get("path"));
        Path dashboards = mounted("grafana", dashboardsPath);
        Path dashboard = dashboards.resolve("hoithao.json");
        assertThat(dashboard).as("grafana: the hoithao dashboard").isRegularFile();

        Map<String, Object> json = map(loadYaml(dashboard).get(0), "hoithao.json");
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> panel : listOfMaps(json.get("panels"), "panels")) {
            for (Map<String, Object> target : listOfMaps(panel.get("targets"), "targets")) {
                expressions.add(string(target.get("expr")));
            }
        }
        for (Map.Entry<String, String[]> figure : FIGURES.entrySet()) {
            assertThat(expressions).as("the dashboard shows %s", figure.getKey()).anySatisfy(expr -> assertThat(expr).contains(figure.getKey()));
            if (figure.getValue() != null) {
                assertThat(Files.readString(root.resolve(figure.getValue()[0])))
                        .as("%s is the meter %s, made in %s", figure.getKey(), figure.getValue()[1], figure.getValue()[0])
                        .contains("\"" + figure.getValue()[1] + "\"");
            }
        }
        assertThat(publishedPorts("grafana")).as("grafana: its page, on this machine only").containsEntry(3000, 3000);
    }

    /** The file or folder of this repository that a service mounts at the given path in its container. */
    private static Path mounted(String name, String containerPath) {
        for (Object volume : (List<?>) service(name).get("volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].equals(containerPath)) {
                Path source = root.resolve(parts[0]).normalize();
                assertThat(source).as("%s: the mounted %s exists", name, parts[0]).exists();
                assertThat(parts[0]).as("%s: %s comes from %s", name, containerPath, OBSERVABILITY).startsWith("./" + OBSERVABILITY);
                return source;
            }
        }
        return fail(name + ": nothing mounted at " + containerPath);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name), "docker-compose.yml: services." + name);
    }

    private static void assertHealthcheck(String name) {
        Object healthcheck = service(name).get("healthcheck");
        assertThat(healthcheck).as("%s: healthcheck", name).isNotNull();
        Map<String, Object> spec = map(healthcheck, name + ": healthcheck");
        assertThat(spec.get("disable")).as("%s: healthcheck.disable", name).isNotEqualTo(Boolean.TRUE);
        List<String> test = healthcheckTest(name);
        assertThat(test).as("%s: healthcheck.test", name).isNotEmpty();
        assertThat(test.get(0)).as("%s: healthcheck.test", name).isNotEqualTo("NONE");
    }

    private static List<String> healthcheckTest(String name) {
        Object test = map(service(name).get("healthcheck"), name + ": healthcheck").get("test");
        if (test instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return test == null ? List.of() : List.of("CMD-SHELL", String.valueOf(test));
    }

    private static String healthcheckText(String name) {
        return String.join(" ", healthcheckTest(name));
    }

    /** A service's environment, whichever of the two compose forms (map or KEY=value list) it uses. */
    private static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> env) {
            env.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return result;
    }

    /** Published ports, host port to container port, from the short ("[ip:]host:container[/proto]") or long form. */
    private static Map<Integer, Integer> publishedPorts(String name) {
        Map<Integer, Integer> result = new LinkedHashMap<>();
        Object ports = service(name).get("ports");
        if (!(ports instanceof List<?> list)) {
            return result;
        }
        for (Object port : list) {
            if (port instanceof Map<?, ?> longForm) {
                Object published = longForm.get("published");
                if (published != null) {
                    result.put(Integer.valueOf(String.valueOf(published)), Integer.valueOf(String.valueOf(longForm.get("target"))));
                }
                continue;
            }
            String spec = String.valueOf(port).replaceAll("/(tcp|udp)$", "");
            int last = spec.lastIndexOf(':');
            if (last < 0) {
                continue; // container port only: published on a random host port
            }
            int container = Integer.parseInt(spec.substring(last + 1));
            String rest = spec.substring(0, last);
            int host = Integer.parseInt(rest.substring(rest.lastIndexOf(':') + 1));
            result.put(host, container);
        }
        return result;
    }

    private static void assertNamedVolume(String name) {
        Map<String, Object> volumes = compose.get("volumes") instanceof Map<?, ?> ? map(compose.get("volumes"), "volumes") : Map.of();
        Object mounts = service(name).get("volumes");
        assertThat(mounts).as("%s: volumes", name).isInstanceOf(List.class);
        assertThat(((List<?>) mounts).stream().map(String::valueOf).map(mount -> mount.split(":")[0]))
                .as("%s: keeps its data in a named volume declared under the top-level volumes", name)
                .anyMatch(volumes::containsKey);
    }

    private static String replicaSetName() {
        List<String> command = commandWords(service("mongo").get("command"));
        int index = command.indexOf("--replSet");
        assertThat(index).as("mongo: command has --replSet <name>").isNotNegative().isLessThan(command.size() - 1);
        return command.get(index + 1);
    }

    private static List<String> commandWords(Object command) {
        if (command instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return command == null ? List.of() : List.of(String.valueOf(command).trim().split("\\s+"));
    }

    /** "NAME://host:port,..." to NAME to host:port. */
    private static Map<String, String> listeners(String value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value != null) {
            for (String listener : value.split(",")) {
                String[] parts = listener.trim().split("://", 2);
                result.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ module helpers

    /**
     * The module's application.yml, flattened to Spring property names (a.b-c, list[0].x); for the
     * services, on top of the defaults every service takes from the platform.
     */
    private static Map<String, Object> properties(String app) throws IOException {
        Path file = root.resolve(APP_MODULES.get(app)).resolve("src/main/resources/application.yml");
        assertThat(file).as("%s: application.yml", app).isRegularFile();
        Map<String, Object> flat = new LinkedHashMap<>();
        if (SERVICES.contains(app)) {
            java.util.Properties platform = new java.util.Properties();
            try (var in = Files.newBufferedReader(root.resolve(PLATFORM_DEFAULTS))) {
                platform.load(in);
            }
            platform.forEach((key, value) -> flat.put(String.valueOf(key), value));
        }
        for (Object document : loadYaml(file)) {
            flatten("", document, flat);
        }
        return flat;
    }

    private static int serverPort(String app) throws IOException {
        Object port = properties(app).get("server.port");
        assertThat(port).as("%s: server.port in %s/src/main/resources/application.yml", app, APP_MODULES.get(app)).isNotNull();
        return Integer.parseInt(String.valueOf(port));
    }

    private static void flatten(String prefix, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else if (!prefix.isEmpty()) {
            into.put(prefix, value);
        }
    }

    /** Properties read through ${name} or ${name:default} placeholders in the values. */
    private static Set<String> placeholderNames(Map<String, Object> properties) {
        Set<String> names = new LinkedHashSet<>();
        for (Object value : properties.values()) {
            Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
            while (matcher.find()) {
                names.add(matcher.group(1).trim());
            }
        }
        return names;
    }

    /**
     * The environment variables Spring Boot binds to a property: the canonical form (dots and list
     * indexes to underscores, dashes removed, upper case) and the form with dashes as underscores,
     * which Boot also accepts ({@code spring.kafka.bootstrap-servers}: SPRING_KAFKA_BOOTSTRAPSERVERS,
     * SPRING_KAFKA_BOOTSTRAP_SERVERS).
     */
    private static List<String> environmentNames(String property) {
        String base = property.replace("[", ".").replace("]", "").toUpperCase(Locale.ROOT);
        String dashesAsUnderscores = base.replace('.', '_').replace('-', '_');
        String canonical = base.replace("-", "").replace('.', '_');
        return List.of(dashesAsUnderscores, canonical);
    }

    private static String propertyGuess(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Element pom(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static String childText(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return fail("<%s> has no <%s>", parent.getTagName(), name);
    }

    private static List<String> childTexts(Element parent, String container, String name) {
        List<String> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(container)) {
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element item && item.getTagName().equals(name)) {
                        result.add(item.getTextContent().trim());
                    }
                }
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ Dockerfile

    private record Stage(String from, List<String[]> lines) {

        List<String> instructions(String keyword) {
            return lines.stream().filter(line -> line[0].equals(keyword)).map(line -> line[1]).toList();
        }

        String text() {
            StringBuilder text = new StringBuilder("FROM ").append(from);
            lines.forEach(line -> text.append('\n').append(line[0]).append(' ').append(line[1]));
            return text.toString();
        }
    }

    private record Dockerfile(List<Stage> stages) {

        List<String> instructions(String keyword) {
            return stages.stream().flatMap(stage -> stage.instructions(keyword).stream()).toList();
        }
    }

    /** The Dockerfile as stages of (instruction, arguments), with comments and line continuations resolved. */
    private static Dockerfile dockerfile() throws IOException {
        Path file = root.resolve("Dockerfile");
        assertThat(file).as("Dockerfile at the repository root").isRegularFile();
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                if (current.length() > 0) {
                    logical.add(current.toString().trim());
                }
                current.setLength(0);
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (String line : logical) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                stages.add(new Stage(arguments, new ArrayList<>()));
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).lines().add(new String[] {keyword, arguments});
            }
        }
        return new Dockerfile(stages);
    }

    // ------------------------------------------------------------------ MongoDB URI

    private record MongoUri(List<String> hosts, String database, Map<String, String> options) {

        static MongoUri parse(String uri) {
            assertThat(uri).as("a MongoDB connection string").matches("mongodb(\\+srv)?://.+");
            String rest = uri.substring(uri.indexOf("://") + 3);
            String query = "";
            int question = rest.indexOf('?');
            if (question >= 0) {
                query = rest.substring(question + 1);
                rest = rest.substring(0, question);
            }
            int slash = rest.indexOf('/');
            String hostPart = slash >= 0 ? rest.substring(0, slash) : rest;
            String database = slash >= 0 ? rest.substring(slash + 1) : "";
            hostPart = hostPart.substring(hostPart.lastIndexOf('@') + 1);
            Map<String, String> options = new LinkedHashMap<>();
            for (String option : query.split("&")) {
                if (!option.isEmpty()) {
                    String[] pair = option.split("=", 2);
                    options.put(pair[0], pair.length > 1 ? pair[1] : "");
                }
            }
            return new MongoUri(List.of(hostPart.split(",")), database, options);
        }
    }

    // ------------------------------------------------------------------ plumbing

    private static Path findRepoRoot() {
        // Maven runs the test in infra/devstack; an IDE may run it from the repository root.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("infra/devstack"))) {
                return dir;
            }
        }
        return fail("no repository root (mvnw, pom.xml and infra/devstack) above " + Path.of("").toAbsolutePath());
    }

    private static List<Object> loadYaml(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Object> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            new Yaml(options).loadAll(reader).forEach(documents::add);
        }
        assertThat(documents).as("%s: YAML documents", root.relativize(file)).isNotEmpty();
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, String> stringMap(Object value, String what) {
        Map<String, String> result = new LinkedHashMap<>();
        map(value, what).forEach((key, child) -> result.put(key, child == null ? null : String.valueOf(child)));
        return result;
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
