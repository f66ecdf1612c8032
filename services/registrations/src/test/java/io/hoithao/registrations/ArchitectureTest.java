package io.hoithao.registrations;

import io.hoithao.platform.testing.Architecture;
import io.hoithao.platform.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code that the build checks (docs/decisions.md, "Boundaries the build checks"). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(RegistrationsApplication.class);
    }

    @Test
    void handlersUseNoMongoTemplate() {
        Architecture.handlersWithoutMongoTemplates().check(classes());
    }

    /** Public for a test of another package: {@code RegistrationRepair} ({@code RepairIT} runs a sweep). */
    @Test
    void featureInternalsArePackagePrivate() {
        Architecture.featureInternalsPackagePrivate(RegistrationsApplication.class,
                "io.hoithao.registrations.registration.RegistrationRepair").check(classes());
    }
}
