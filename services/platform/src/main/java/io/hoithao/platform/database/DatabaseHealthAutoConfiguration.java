package io.hoithao.platform.database;

import com.mongodb.reactivestreams.client.MongoClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.mongodb.health.MongoReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * The database's health indicator ({@code mongo}, part of readiness) with a bound: Boot's own waits as long as the
 * driver does, and a driver whose connections are being re-established after a dropped network can take minutes,
 * so a readiness probe went unanswered instead of saying DOWN. Setting {@code hoithao.database.health-timeout}.
 */
@AutoConfiguration(after = MongoReactiveAutoConfiguration.class, before = MongoReactiveHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, MongoReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(MongoClient.class)
@ConditionalOnEnabledHealthIndicator("mongo")
public class DatabaseHealthAutoConfiguration {

    /** Named as Boot's, which then steps aside, so that the readiness group's {@code mongo} is this one. */
    @Bean(name = "mongoHealthContributor")
    ReactiveHealthIndicator mongoHealthContributor(MongoClient mongo,
                                                   @Value("${hoithao.database.health-timeout:4s}") Duration timeout) {
        return bounded(new MongoReactiveHealthIndicator(mongo), timeout);
    }

    /** {@code indicator}'s health, or DOWN when it has not answered within {@code timeout}. */
    static ReactiveHealthIndicator bounded(ReactiveHealthIndicator indicator, Duration timeout) {
        return () -> indicator.health().timeout(timeout, Mono.fromSupplier(() ->
                Health.down().withDetail("error", "no answer from the database within " + timeout.toMillis() + " ms").build()));
    }
}
