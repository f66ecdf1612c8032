package io.hoithao.platform.testing;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the shared {@link TestInfrastructure}: its Kafka broker and a
 * database of its own on the Mongo-wire server, so contexts never see each other's documents.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String application = context.getEnvironment().getProperty("spring.application.name", "test");
        String database = application.replaceAll("[^A-Za-z0-9_]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                "spring.mongodb.uri=" + infrastructure.mongoUri(database),
                "hoithao.outbox.sweep-interval=500ms"
        ).applyTo(context);
    }
}
