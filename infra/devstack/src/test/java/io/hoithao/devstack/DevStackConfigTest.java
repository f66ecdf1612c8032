package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class DevStackConfigTest {

    private final Path cwd = Path.of("/work/repo");

    @Test
    void defaultsAreTheDocumentedPortsAndDirectories() {
        DevStackConfig config = DevStackConfig.fromArgs(new String[0], new Properties(), cwd);

        assertThat(config.repoRoot()).isEqualTo(cwd);
        assertThat(config.dataDir()).isEqualTo(cwd.resolve(".devstack"));
        assertThat(config.logDir()).isEqualTo(cwd.resolve(".devstack/logs"));
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.mongoPort()).isEqualTo(27017);
        assertThat(config.port(App.GATEWAY)).isEqualTo(8080);
        assertThat(config.port(App.EVENTS)).isEqualTo(8081);
        assertThat(config.port(App.REGISTRATIONS)).isEqualTo(8082);
        assertThat(config.port(App.OBSERVATIONS)).isEqualTo(8083);
        assertThat(config.port(App.PRESENTATIONS)).isEqualTo(8084);
        assertThat(config.port(App.IDENTITY)).isEqualTo(9000);
        assertThat(config.apps()).containsExactly(App.values());
        assertThat(config.jar(App.EVENTS)).isEqualTo(cwd.resolve("services/events/target/events-" + config.version() + ".jar"));
        assertThat(config.jar(App.GATEWAY)).isEqualTo(cwd.resolve("gateway/target/gateway-" + config.version() + ".jar"));
        assertThat(config.version()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(config.jvmOptions()).containsExactly("-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m");
        assertThat(config.javaExecutable()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    @Test
    void argumentsWinOverSystemPropertiesWhichWinOverDefaults() {
        Properties system = new Properties();
        system.setProperty("devstack.services", "gateway,events");
        system.setProperty("devstack.mongo.port", "27018");
        system.setProperty("devstack.gateway.port", "18080");
        system.setProperty("unrelated", "x");

        DevStackConfig config = DevStackConfig.fromArgs(
                new String[] {"--gateway.port=28080", "--dir=/tmp/ds", "-Ddevstack.timeout=60", "--kafka.controller.port=19093"},
                system, cwd);

        assertThat(config.apps()).containsExactly(App.EVENTS, App.GATEWAY);
        assertThat(config.mongoPort()).isEqualTo(27018);
        assertThat(config.port(App.GATEWAY)).isEqualTo(28080);
        assertThat(config.kafkaControllerPort()).isEqualTo(19093);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/ds"));
        assertThat(config.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anEmptyServiceListRunsOnlyKafkaAndMongo() {
        assertThat(DevStackConfig.fromArgs(new String[] {"--services="}, new Properties(), cwd).apps()).isEmpty();
    }

    @Test
    void extraEnvironmentIsPerAppAndEmptyByDefault() {
        DevStackConfig config = DevStackConfig.builder()
                .environment(App.GATEWAY, "HOITHAO_GATEWAY_RATELIMIT_BURSTCAPACITY", "100000")
                .environment(App.IDENTITY, "HOITHAO_IDENTITY_ACCESSTOKENTTL", "3h")
                .build();

        assertThat(config.extraEnvironment(App.GATEWAY)).containsExactly(
                java.util.Map.entry("HOITHAO_GATEWAY_RATELIMIT_BURSTCAPACITY", "100000"));
        assertThat(config.extraEnvironment(App.IDENTITY)).containsOnlyKeys("HOITHAO_IDENTITY_ACCESSTOKENTTL");
        assertThat(config.extraEnvironment(App.EVENTS)).isEmpty();
        assertThat(DevStackConfig.builder().build().extraEnvironment(App.GATEWAY)).isEmpty();
    }

    @Test
    void anotherIssuerReplacesTheIdentityServiceAndTheWebApplication() {
        DevStackConfig keycloak = DevStackConfig.fromArgs(new String[] {"--issuer=http://localhost:8180/realms/hoithao/"},
                new Properties(), cwd);
        assertThat(keycloak.issuer()).hasValue(java.net.URI.create("http://localhost:8180/realms/hoithao"));
        assertThat(keycloak.jwkSetUri()).hasValue(java.net.URI.create("http://localhost:8180/realms/hoithao/protocol/openid-connect/certs"));
        assertThat(keycloak.apps()).containsExactly(App.EVENTS, App.REGISTRATIONS, App.OBSERVATIONS, App.PRESENTATIONS,
                App.NOTIFICATIONS, App.REPORTS, App.GATEWAY);

        DevStackConfig keys = DevStackConfig.fromArgs(new String[] {"--jwk.set.uri=http://127.0.0.1:8180/keys",
                "--issuer=http://localhost:8180/realms/hoithao", "--services=events,gateway"}, new Properties(), cwd);
        assertThat(keys.jwkSetUri()).hasValue(java.net.URI.create("http://127.0.0.1:8180/keys"));
        assertThat(keys.apps()).containsExactly(App.EVENTS, App.GATEWAY);

        DevStackConfig own = DevStackConfig.fromArgs(new String[0], new Properties(), cwd);
        assertThat(own.issuer()).isEmpty();
        assertThat(own.jwkSetUri()).isEmpty();

        assertThatThrownBy(() -> DevStackConfig.fromArgs(new String[] {"--issuer=http://localhost:8180/realms/hoithao",
                "--services=identity,events"}, new Properties(), cwd))
                .isInstanceOf(DevStackException.class).hasMessageContaining("neither the identity service");
        assertThatThrownBy(() -> DevStackConfig.fromArgs(new String[] {"--issuer=localhost:8180"}, new Properties(), cwd))
                .isInstanceOf(DevStackException.class).hasMessageContaining("issuer must be an http(s) URL");
    }

    @Test
    void mistakesAreReportedClearly() {
        assertThatThrownBy(() -> DevStackConfig.fromArgs(new String[] {"--services=events,billing"}, new Properties(), cwd))
                .isInstanceOf(DevStackException.class).hasMessageContaining("Unknown service 'billing'");
        assertThatThrownBy(() -> DevStackConfig.fromArgs(new String[] {"--kafka.port=abc"}, new Properties(), cwd))
                .isInstanceOf(DevStackException.class).hasMessageContaining("kafka.port must be a number");
        assertThatThrownBy(() -> DevStackConfig.fromArgs(new String[] {"--colour=red"}, new Properties(), cwd))
                .isInstanceOf(DevStackException.class).hasMessageContaining("Unknown option 'colour'");
        assertThatThrownBy(() -> DevStackConfig.fromArgs(new String[] {"events"}, new Properties(), cwd))
                .isInstanceOf(DevStackException.class).hasMessageContaining("Unrecognised argument 'events'");
    }
}
