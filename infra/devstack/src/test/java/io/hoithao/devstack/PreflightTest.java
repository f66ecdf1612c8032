package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ports checked before anything starts, each named by what would listen there. */
class PreflightTest {

    @Test
    void everyPortIsNamedAfterWhatListensThereTheBalancedIdentityServicesAsIdentity1And2() {
        DevStackConfig config = DevStackConfig.builder().services(App.IDENTITY, App.EVENTS, App.GATEWAY).instances(2).build();

        assertThat(Preflight.wantedPorts(config)).containsExactly(
                entry("kafka", 9092), entry("kafka.controller", 9093), entry("mongo", 27017),
                entry("smtp", 3025), entry("inbox", 8025),
                entry("identity balancer", 9000), entry("identity-1", 10000), entry("identity-2", 11000),
                entry("events", 8081), entry("events-2", 9081),
                entry("gateway", 8080));
    }

    @Test
    void withTheBrokerAndTheDatabaseElsewhereTheirPortsAreNotChecked() {
        DevStackConfig config = DevStackConfig.builder().services(App.EVENTS).externalInfrastructure().build();

        assertThat(Preflight.wantedPorts(config)).containsOnlyKeys("smtp", "inbox", "events");
    }

    @Test
    void aPortGivenTwiceIsNamedWithBothOfItsUsers(@TempDir Path dir) {
        int[] free = DevStackConfig.freePortNumbers(4);
        DevStackConfig config = DevStackConfig.builder().dataDir(dir).services(App.EVENTS)
                .kafkaPort(free[0]).kafkaControllerPort(free[1]).mongoPort(free[2]).smtpPort(free[3]).inboxPort(free[3])
                .port(App.EVENTS, free[0]).build();

        assertThatThrownBy(() -> Preflight.checkPortsFree(config, new PidFile(dir)))
                .isInstanceOf(DevStackException.class)
                .hasMessageContaining(free[3] + " (inbox) is also given to smtp")
                .hasMessageContaining(free[0] + " (events) is also given to kafka")
                .hasMessageContaining("(Is an earlier devstack still running?)");
    }
}
