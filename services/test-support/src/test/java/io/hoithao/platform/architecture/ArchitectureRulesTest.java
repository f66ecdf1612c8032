package io.hoithao.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import archfixture.breaches.App;
import io.hoithao.platform.testing.Architecture;
import org.junit.jupiter.api.Test;

/** Each rule of {@link Architecture} finds the breach it is there for, and passes code that keeps it. */
class ArchitectureRulesTest {

    static final JavaClasses BREACHES = new ClassFileImporter().importPackages("archfixture.breaches");
    static final JavaClasses KEPT = new ClassFileImporter().importPackages("archfixture.kept");

    static String breaches(ArchRule rule, JavaClasses classes) {
        return String.join("\n", rule.evaluate(classes).getFailureReport().getDetails());
    }

    @Test
    void aProductionClassUsingTestSupportIsABreach() {
        assertThat(breaches(Architecture.noTestSupport(), BREACHES)).contains("UsesTestSupport");
        assertThat(breaches(Architecture.noTestSupport(), KEPT)).isEmpty();
    }

    @Test
    void anotherServicesClassIsABreach() {
        assertThat(breaches(Architecture.noOtherService(App.class), BREACHES)).contains("UsesAnotherService");
        assertThat(breaches(Architecture.noOtherService(App.class), KEPT)).isEmpty();
    }

    @Test
    void aHandlerCalledFromAnotherFeatureIsABreach() {
        assertThat(breaches(Architecture.handlersStayInTheirFeature(), BREACHES)).contains("CallsAnotherFeaturesHandler");
        assertThat(breaches(Architecture.handlersStayInTheirFeature(), KEPT)).isEmpty();
    }

    @Test
    void aRecordKnowingHttpIsABreach() {
        assertThat(breaches(Architecture.valueTypesFreeOfWebAndKafka(), BREACHES)).contains("StatusWithHttp");
        assertThat(breaches(Architecture.valueTypesFreeOfWebAndKafka(), KEPT)).isEmpty();
    }

    @Test
    void anOutboxWrittenOrRelayedByHandIsABreach() {
        assertThat(breaches(Architecture.outboxThroughPublishingOnly(), BREACHES)).contains("RelaysByHand");
        assertThat(breaches(Architecture.outboxThroughPublishingOnly(), KEPT)).isEmpty();
    }

    @Test
    void aHandlerWithAMongoTemplateIsABreach() {
        assertThat(breaches(Architecture.handlersWithoutMongoTemplates(), BREACHES)).contains("HandlerWithTemplate");
        assertThat(breaches(Architecture.handlersWithoutMongoTemplates(), KEPT)).isEmpty();
    }

    @Test
    void aPublicClassNoOtherPackageUsesIsABreach() {
        String found = breaches(Architecture.featureInternalsPackagePrivate(App.class), BREACHES);
        assertThat(found).contains("archfixture.breaches.one.Internal is public", "archfixture.breaches.one.Internal$Part is public")
                .doesNotContain("OneHandler"); // used by feature two
        assertThat(breaches(Architecture.featureInternalsPackagePrivate(App.class, "archfixture.breaches.one.Internal"), BREACHES))
                .isEmpty(); // an exception covers its member types
        // kept.one.Seats is used only through its member types, by feature two; Seats.Rule.Always is public by the language
        assertThat(breaches(Architecture.featureInternalsPackagePrivate(archfixture.kept.App.class), KEPT)).isEmpty();
    }
}
