package io.hoithao.presentations;

import io.hoithao.platform.testing.Architecture;
import io.hoithao.platform.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code that the build checks (docs/decisions.md, "Boundaries the build checks"). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(PresentationsApplication.class);
    }

    @Test
    void handlersUseNoMongoTemplate() {
        Architecture.handlersWithoutMongoTemplates().check(classes());
    }
}
