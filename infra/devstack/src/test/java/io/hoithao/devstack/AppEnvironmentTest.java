package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What each app's JVM is given, read without starting anything (the infrastructure's addresses come from the configuration). */
class AppEnvironmentTest {

    private final Path repo = Path.of("/work/repo");

    private static Map<String, String> environment(DevStackConfig config, App app, int instance) {
        return new AppEnvironment(config, new Infrastructure(config)).of(app, instance);
    }

    @Test
    void aServiceGetsItsPortItsDatabaseTheBrokerAndTheIdentityServiceAsIssuer() {
        DevStackConfig config = DevStackConfig.builder().repoRoot(repo).build();

        assertThat(environment(config, App.REGISTRATIONS, 1)).containsExactly(
                entry("SERVER_PORT", "8082"),
                entry("HOITHAO_SECURITY_ISSUER", "http://localhost:9000"),
                entry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017/hoithao_registrations"),
                entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        assertThat(environment(config, App.EVENTS, 1)).containsEntry("HOITHAO_UNITS_SEED", "bac-kan");
        assertThat(environment(config, App.NOTIFICATIONS, 1)).contains(
                entry("SPRING_MAIL_HOST", "127.0.0.1"),
                entry("SPRING_MAIL_PORT", "3025"),
                entry("HOITHAO_NOTIFICATIONS_PUBLICURL", "http://localhost:8080"));
    }

    @Test
    void theIdentityServiceIssuesTokensAndSendsTheSiteBackToTheGateway() {
        DevStackConfig config = DevStackConfig.builder().repoRoot(repo).build();

        assertThat(environment(config, App.IDENTITY, 1)).containsExactly(
                entry("SERVER_PORT", "9000"),
                entry("HOITHAO_IDENTITY_ISSUER", "http://localhost:9000"),
                entry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017/hoithao_identity"),
                entry("HOITHAO_IDENTITY_SITECLIENT_REDIRECTURIS", "http://localhost:8080/login/oauth2/code/hoithao"),
                entry("HOITHAO_IDENTITY_SITECLIENT_POSTLOGOUTREDIRECTURIS", "http://localhost:8080/"),
                entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        assertThat(environment(config, App.WEB, 1)).containsExactly(
                entry("SERVER_PORT", "8085"),
                entry("HOITHAO_WEB_API_URI", "http://localhost:8080"),
                entry("HOITHAO_WEB_PUBLIC_URI", "http://localhost:8080"),
                entry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017/hoithao_web"),
                entry("HOITHAO_SECURITY_ISSUER", "http://localhost:9000"));
    }

    @Test
    void withTwoInstancesTheGatewayBalancesOverBothTheIdentityServicesShareOneKeyAndTheSiteItsSessions() {
        DevStackConfig config = DevStackConfig.builder().repoRoot(repo).dataDir(Path.of(".devstack")).instances(2).build();

        Map<String, String> gateway = environment(config, App.GATEWAY, 1);
        assertThat(gateway).contains(
                entry("HOITHAO_GATEWAY_EVENTS_URI", "http://localhost:8081,http://localhost:9081"),
                entry("HOITHAO_GATEWAY_REPORTS_URI", "http://localhost:8087,http://localhost:9087"))
                .doesNotContainKey("HOITHAO_GATEWAY_IDENTITY_URI").doesNotContainKey("HOITHAO_GATEWAY_GATEWAY_URI");
        Map<String, String> secondIdentity = environment(config, App.IDENTITY, 2);
        assertThat(secondIdentity).contains(
                entry("SERVER_PORT", "11000"),
                entry("HOITHAO_IDENTITY_ISSUER", "http://localhost:9000"),
                entry("HOITHAO_IDENTITY_SIGNINGKEY", "file:" + repo.resolve(".devstack/identity-signing-key.pem")));
        assertThat(environment(config, App.WEB, 2)).contains(entry("SERVER_PORT", "9085"), entry("HOITHAO_WEB_SESSIONS", "database"));
        assertThat(environment(DevStackConfig.builder().repoRoot(repo).build(), App.WEB, 1)).doesNotContainKey("HOITHAO_WEB_SESSIONS");
    }

    @Test
    void anotherIssuerAndItsKeysReachEveryAppAndTheConfiguredVariablesWin() {
        DevStackConfig config = DevStackConfig.builder().repoRoot(repo)
                .issuer(URI.create("http://localhost:8180/realms/hoithao"), null)
                .environment(App.EVENTS, "SPRING_KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092")
                .build();

        for (App app : config.apps()) {
            Map<String, String> env = environment(config, app, 1);
            assertThat(env).as(app.id()).contains(
                    entry("HOITHAO_SECURITY_ISSUER", "http://localhost:8180/realms/hoithao"),
                    entry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                            "http://localhost:8180/realms/hoithao/protocol/openid-connect/certs"));
        }
        assertThat(environment(config, App.EVENTS, 1)).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092");
    }
}
