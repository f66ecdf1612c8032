package io.hoithao.platform.database;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * How long a service waits for its database before it answers 503: the driver's defaults (30 s to find
 * a server, 10 s to open a connection) would hold a request for half a minute while the database
 * restarts, longer than any client waits; and the driver's default read timeout is none, so an operation
 * whose connection went silent (dropped on the way without a reset) would wait for an answer for ever,
 * holding its request and, in a consumer, its partition. Settings
 * {@code hoithao.database.server-selection-timeout}, {@code hoithao.database.connect-timeout} and
 * {@code hoithao.database.read-timeout} (longer than any query takes: a report's over 100,000 documents
 * takes seconds); an option in the connection string is overridden.
 */
@AutoConfiguration
@ConditionalOnClass(MongoClientSettingsBuilderCustomizer.class)
public class DatabaseTimeoutsAutoConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer databaseTimeouts(
            @Value("${hoithao.database.server-selection-timeout:3s}") Duration serverSelection,
            @Value("${hoithao.database.connect-timeout:2s}") Duration connect,
            @Value("${hoithao.database.read-timeout:20s}") Duration read) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) read.toMillis(), TimeUnit.MILLISECONDS));
    }
}
