package io.hoithao.observations;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.hoithao.platform.testing.Architecture;
import io.hoithao.platform.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code that the build checks (docs/decisions.md, "Boundaries the build checks"). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ObservationsApplication.class);
    }

    @Test
    void handlersUseNoMongoTemplate() {
        Architecture.handlersWithoutMongoTemplates().check(classes());
    }

    /**
     * The decisions on lessons and their seats are plain Java: no Spring, no Mongo, no reactive types, no problems; of
     * the platform only the dependency-free status tables ({@code io.hoithao.platform.status}).
     */
    @Test
    void lessonDecisionsArePlainJava() {
        noClasses().that().haveNameMatching("io\\.hoithao\\.observations\\.(lesson\\.(Lifecycle|Decision)|booking\\.Seating)(\\$.*)?")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                        "reactor..", "io.hoithao.platform..").and(not(resideInAPackage("io.hoithao.platform.status"))))
                .check(classes());
    }

    /** Public for a test of another package: {@code AgeGroup} (booking's {@code SeatingTest} builds lessons). */
    @Test
    void featureInternalsArePackagePrivate() {
        Architecture.featureInternalsPackagePrivate(ObservationsApplication.class,
                "io.hoithao.observations.lesson.AgeGroup").check(classes());
    }
}
