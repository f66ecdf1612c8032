package io.hoithao.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

/**
 * The database's health, which readiness includes, answers within its bound even when the driver never answers (its
 * connections being re-established after a dropped network): DOWN, not a probe left waiting.
 */
class DatabaseHealthTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            // as in an application: "200ms" read as a Duration
            .withInitializer(app -> app.getBeanFactory().setConversionService(
                    org.springframework.boot.convert.ApplicationConversionService.getSharedInstance()))
            .withConfiguration(AutoConfigurations.of(DatabaseHealthAutoConfiguration.class,
                    MongoReactiveHealthContributorAutoConfiguration.class))
            .withBean(MongoClient.class, DatabaseHealthTest::silentClient)
            .withPropertyValues("hoithao.database.health-timeout=200ms");

    @Test
    void aDatabaseThatNeverAnswersIsDownWithinTheBound() {
        context.run(app -> {
            ReactiveHealthIndicator mongo = app.getBean("mongoHealthContributor", ReactiveHealthIndicator.class);
            long t0 = System.nanoTime();
            Health health = mongo.health().block(Duration.ofSeconds(5));
            assertThat(health).isNotNull();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error")).asString().contains("no answer from the database within 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        });
    }

    @Test
    void anAnswerInTimeIsPassedOn() {
        ReactiveHealthIndicator up = () -> Mono.just(Health.up().withDetail("maxWireVersion", 21).build());
        Health health = DatabaseHealthAutoConfiguration.bounded(up, Duration.ofSeconds(1)).health().block(Duration.ofSeconds(5));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("maxWireVersion", 21);
    }

    /** A client whose every operation waits for ever, as a driver stuck re-establishing its connections does. */
    private static MongoClient silentClient() {
        MongoDatabase database = (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "runCommand" -> Mono.never();
                    case "toString" -> "silent database";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (MongoClient) Proxy.newProxyInstance(MongoClient.class.getClassLoader(), new Class<?>[] {MongoClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "listDatabaseNames" -> reactor.core.publisher.Flux.never();
                    case "getDatabase" -> database;
                    case "close" -> null;
                    case "toString" -> "silent client";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
