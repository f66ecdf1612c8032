package io.hoithao.reports;

import io.hoithao.platform.testing.Architecture;
import io.hoithao.platform.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code that the build checks (docs/decisions.md, "Boundaries the build checks"). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ReportsApplication.class);
    }

    @Test
    void handlersUseNoMongoTemplate() {
        Architecture.handlersWithoutMongoTemplates().check(classes());
    }

    @Test
    void featureInternalsArePackagePrivate() {
        Architecture.featureInternalsPackagePrivate(ReportsApplication.class).check(classes());
    }
}
