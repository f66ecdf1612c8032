package io.hoithao.notifications;

import io.hoithao.platform.testing.Architecture;
import io.hoithao.platform.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code that the build checks (docs/decisions.md, "Boundaries the build checks"). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(NotificationsApplication.class);
    }

    @Test
    void handlersUseNoMongoTemplate() {
        Architecture.handlersWithoutMongoTemplates().check(classes());
    }

    /** Public for a test of another package: {@code Reminders} ({@code NotificationsIT} runs the reminder sweep). */
    @Test
    void featureInternalsArePackagePrivate() {
        Architecture.featureInternalsPackagePrivate(NotificationsApplication.class,
                "io.hoithao.notifications.reminder.Reminders").check(classes());
    }
}
