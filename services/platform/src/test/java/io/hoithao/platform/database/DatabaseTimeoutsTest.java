package io.hoithao.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The driver is given bounds for each wait on the database: finding a server, opening a connection, and reading an
 * answer (the driver's own default for the last is none: a connection gone silent would hold its operation for ever).
 */
class DatabaseTimeoutsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(app -> app.getBeanFactory().setConversionService(
                    org.springframework.boot.convert.ApplicationConversionService.getSharedInstance()))
            .withConfiguration(AutoConfigurations.of(DatabaseTimeoutsAutoConfiguration.class));

    @Test
    void everyWaitOnTheDatabaseIsBoundedByDefault() {
        context.run(app -> {
            MongoClientSettings settings = settings(app.getBean(MongoClientSettingsBuilderCustomizer.class));
            assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
            assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
            assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(20_000);
        });
    }

    @Test
    void theBoundsAreSettings() {
        context.withPropertyValues("hoithao.database.read-timeout=45s", "hoithao.database.connect-timeout=500ms")
                .run(app -> {
                    MongoClientSettings settings = settings(app.getBean(MongoClientSettingsBuilderCustomizer.class));
                    assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(45_000);
                    assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(500);
                });
    }

    private static MongoClientSettings settings(MongoClientSettingsBuilderCustomizer customizer) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        customizer.customize(builder);
        return builder.build();
    }
}
