package io.hoithao.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The boundaries every service's code keeps, checked by the build (docs/decisions.md, "Boundaries the build
 * checks"): a service's {@code ArchitectureTest} extends this with its application class, and adds the rules
 * that hold for it only (such as {@link Architecture#handlersWithoutMongoTemplates()}). The classes are imported
 * once per test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final Class<?> application;
    private final JavaClasses classes;

    protected ServiceArchitectureTest(Class<?> application) {
        this.application = application;
        this.classes = Architecture.of(application);
    }

    /** The service's production classes, for the rules a subclass adds. */
    protected JavaClasses classes() {
        return classes;
    }

    @Test
    void noProductionClassUsesTestSupport() {
        Architecture.noTestSupport().check(classes);
    }

    @Test
    void noOtherServicesClasses() {
        Architecture.noOtherService(application).check(classes);
    }

    @Test
    void handlersStayInTheirFeature() {
        Architecture.handlersStayInTheirFeature().check(classes);
    }

    @Test
    void valueTypesKnowNothingOfHttpOrKafka() {
        Architecture.valueTypesFreeOfWebAndKafka().check(classes);
    }

    @Test
    void messagesAreWrittenThroughPublishingOnly() {
        Architecture.outboxThroughPublishingOnly().check(classes);
    }
}
