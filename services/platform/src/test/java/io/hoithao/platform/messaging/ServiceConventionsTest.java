package io.hoithao.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServiceConventionsTest {

    private static StandardEnvironment environment(Map<String, Object> own) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", own));
        new ServiceConventions().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void eachConsumerReadsItsTopicAndDeadLettersToItsOwnTopic() {
        StandardEnvironment environment = environment(Map.of("spring.application.name", "observations",
                "spring.cloud.function.definition", "registrationsMessages;eventsMessages"));

        assertThat(environment.getProperty("spring.cloud.stream.bindings.registrationsMessages-in-0.destination"))
                .isEqualTo("hoithao.registrations");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.bindings.registrationsMessages-in-0.consumer.dlq-name"))
                .isEqualTo("hoithao.registrations.observations.dlq");
        assertThat(environment.getProperty("spring.cloud.stream.bindings.eventsMessages-in-0.destination"))
                .isEqualTo("hoithao.events");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.bindings.eventsMessages-in-0.consumer.dlq-name"))
                .isEqualTo("hoithao.events.observations.dlq");
        assertThat(environment.getProperty("springdoc.api-docs.path")).isEqualTo("/api/observations/v3/api-docs");
        assertThat(environment.getProperty("springdoc.swagger-ui.path")).isEqualTo("/api/observations/swagger-ui.html");
        assertThat(environment.getProperty("logging.level.org.apache.kafka")).isEqualTo("warn");
    }

    @Test
    void theServicesOwnSettingsWinAndOtherFunctionsAreLeftAlone() {
        StandardEnvironment environment = environment(Map.of("spring.application.name", "reports",
                "spring.cloud.function.definition", "eventsMessages;uppercase",
                "spring.cloud.stream.kafka.bindings.eventsMessages-in-0.consumer.dlq-name", "hoithao.events.elsewhere.dlq",
                "springdoc.api-docs.path", "/docs"));

        assertThat(environment.getProperty("spring.cloud.stream.kafka.bindings.eventsMessages-in-0.consumer.dlq-name"))
                .isEqualTo("hoithao.events.elsewhere.dlq");
        assertThat(environment.getProperty("spring.cloud.stream.bindings.eventsMessages-in-0.destination")).isEqualTo("hoithao.events");
        assertThat(environment.getProperty("springdoc.api-docs.path")).isEqualTo("/docs");
        assertThat(environment.getProperty("spring.cloud.stream.bindings.uppercase-in-0.destination")).isNull();
        assertThat(ServiceConventions.defaults("reports", "Messages")).doesNotContainKey("spring.cloud.stream.bindings.Messages-in-0.destination");
    }

    @Test
    void withoutAServiceNameNothingIsAssumed() {
        StandardEnvironment environment = environment(Map.of("spring.cloud.function.definition", "eventsMessages"));

        assertThat(environment.getPropertySources().contains(ServiceConventions.SOURCE)).isFalse();
        assertThat(environment.getProperty("spring.cloud.stream.bindings.eventsMessages-in-0.destination")).isNull();
    }
}
