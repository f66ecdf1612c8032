package io.hoithao.platform.testing;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the shared {@link TestInfrastructure}: its Kafka broker and a
 * database of its own on the Mongo-wire server, so contexts never see each other's documents; and
 * at the {@link TestIdentity} issuer. The context's {@code WebTestClient} sends an administrator's
 * token by default; a request that sets its own {@code Authorization} header acts as that caller.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String application = context.getEnvironment().getProperty("spring.application.name", "test");
        String database = application.replaceAll("[^A-Za-z0-9_]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        TestIdentity identity = TestIdentity.get();
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                "spring.mongodb.uri=" + infrastructure.mongoUri(database),
                "hoithao.outbox.sweep-interval=500ms",
                "hoithao.security.issuer=" + identity.issuer()
        ).applyTo(context);
        // Requests act as the administrator unless they send their own Authorization header.
        String admin = identity.bearer(TestIdentity.admin());
        context.getBeanFactory().registerSingleton("testAdministratorWebTestClient",
                (WebTestClientBuilderCustomizer) builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, admin));
    }
}
