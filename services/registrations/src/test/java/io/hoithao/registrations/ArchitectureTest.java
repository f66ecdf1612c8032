package io.hoithao.registrations;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.hoithao.platform.testing.Architecture;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the service's code that the build checks (docs/decisions.md, "Boundaries the build checks").
 * Not yet {@link Architecture#handlersWithoutMongoTemplates()}: some of its handlers still query Mongo themselves.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = Architecture.of(RegistrationsApplication.class);

    @Test
    void noProductionClassUsesTestSupport() {
        Architecture.noTestSupport().check(CLASSES);
    }

    @Test
    void noOtherServicesClasses() {
        Architecture.noOtherService(RegistrationsApplication.class).check(CLASSES);
    }

    @Test
    void handlersStayInTheirFeature() {
        Architecture.handlersStayInTheirFeature().check(CLASSES);
    }

    @Test
    void valueTypesKnowNothingOfHttpOrKafka() {
        Architecture.valueTypesFreeOfWebAndKafka().check(CLASSES);
    }
}
