package io.hoithao.reports;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.hoithao.platform.testing.Architecture;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code that the build checks (docs/decisions.md, "Boundaries the build checks"). */
class ArchitectureTest {

    static final JavaClasses CLASSES = Architecture.of(ReportsApplication.class);

    @Test
    void noProductionClassUsesTestSupport() {
        Architecture.noTestSupport().check(CLASSES);
    }

    @Test
    void noOtherServicesClasses() {
        Architecture.noOtherService(ReportsApplication.class).check(CLASSES);
    }

    @Test
    void handlersStayInTheirFeature() {
        Architecture.handlersStayInTheirFeature().check(CLASSES);
    }

    @Test
    void valueTypesKnowNothingOfHttpOrKafka() {
        Architecture.valueTypesFreeOfWebAndKafka().check(CLASSES);
    }

    @Test
    void handlersUseNoMongoTemplate() {
        Architecture.handlersWithoutMongoTemplates().check(CLASSES);
    }
}
