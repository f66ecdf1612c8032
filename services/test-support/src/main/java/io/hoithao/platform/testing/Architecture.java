package io.hoithao.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.hoithao.platform.outbox.Outbox;
import io.hoithao.platform.outbox.OutboxRelay;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries a service's build checks (ArchUnit), the same for every service: each service's
 * {@code ArchitectureTest} imports its production classes with {@link #of(Class)} and checks the rules that
 * hold for it. docs/decisions.md says why each rule is there.
 */
public final class Architecture {

    /** The services' base packages; a service's classes use none but their own. */
    static final List<String> SERVICES = List.of("events", "registrations", "observations", "presentations",
            "notifications", "reports", "identity", "web", "gateway");

    private Architecture() {
    }

    /** The production classes of the service whose application class this is (its package and below; no tests). */
    public static JavaClasses of(Class<?> application) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(application.getPackageName());
    }

    /** Test support is for tests: no production class uses it (its test scope keeps it off the class path too). */
    public static ArchRule noTestSupport() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("io.hoithao.platform.testing..")
                .because("test support is not production code");
    }

    /** A service's classes use no other service's: services speak through messages and HTTP only. */
    public static ArchRule noOtherService(Class<?> application) {
        String own = application.getPackageName();
        String[] others = SERVICES.stream().map(s -> "io.hoithao." + s).filter(p -> !p.equals(own))
                .map(p -> p + "..").toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("a service depends on no other service's module");
    }

    /**
     * A feature's HTTP handlers ({@code @RestController}) are its own: no other feature package calls into
     * them (a feature offers its services, stores and records instead).
     */
    public static ArchRule handlersStayInTheirFeature() {
        return classes().that().areAnnotatedWith(RestController.class)
                .should(new ArchCondition<JavaClass>("be used by no class outside their feature package") {
                    @Override
                    public void check(JavaClass handler, ConditionEvents events) {
                        for (Dependency dependency : handler.getDirectDependenciesToSelf()) {
                            JavaClass origin = dependency.getOriginClass();
                            if (!origin.getPackageName().equals(handler.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /**
     * Value types (records and enums: the domain's states, decisions and messages' views) know nothing of
     * HTTP or Kafka: they are decided, stored and told apart from how they travel.
     */
    public static ArchRule valueTypesFreeOfWebAndKafka() {
        return noClasses().that(recordsOrEnums()).should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "org.apache.kafka..",
                        "org.springframework.kafka..", "org.springframework.cloud.stream..")
                .allowEmptyShould(true);
    }

    /** HTTP handlers reach the database through their feature's store or service, never a Mongo template. */
    public static ArchRule handlersWithoutMongoTemplates() {
        return noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(ReactiveMongoOperations.class)
                .allowEmptyShould(true);
    }

    /**
     * A service writes a change and its messages through the platform's {@code Publishing} only: no class of it
     * appends to an outbox ({@link Outbox}) or starts the relay ({@link OutboxRelay}) by hand, so that a message
     * is always written in the same write as its change and published after it. Every service keeps it
     * ({@link ServiceArchitectureTest}).
     */
    public static ArchRule outboxThroughPublishingOnly() {
        return noClasses().that().resideOutsideOfPackage("io.hoithao.platform.outbox..")
                .should().dependOnClassesThat().belongToAnyOf(Outbox.class, OutboxRelay.class)
                .because("a change and its messages are one write, published after it, by the platform's Publishing")
                .allowEmptyShould(true);
    }

    /**
     * A feature package's internals are package-private: a public class (or public member type of a public class)
     * in a package below the service's own is used by some production class of the service outside that package.
     * What nothing outside its package uses is hidden in it, so that the public classes of a feature are the ones
     * other features do use. Tests do not count as users: a class public only for a test in another package should
     * rather have that test moved into its package. {@code exceptions} names (by fully qualified name) the classes
     * that stay public without such a user, with their member types, each for a reason its service's
     * {@code ArchitectureTest} gives.
     */
    public static ArchRule featureInternalsPackagePrivate(Class<?> application, String... exceptions) {
        String features = application.getPackageName() + ".";
        Set<String> allowed = Set.of(exceptions);
        return classes().that(DescribedPredicate.describe("are public in a feature package",
                        (JavaClass c) -> c.getPackageName().startsWith(features) && publicFromOutside(c)
                                && !excepted(c, allowed)))
                .should(new ArchCondition<JavaClass>("be used by a class outside their package, or be package-private") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!usedFromAnotherPackage(type)) {
                            events.add(SimpleConditionEvent.violated(type, type.getName()
                                    + " is public but used by no class outside " + type.getPackageName()));
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    private static boolean excepted(JavaClass type, Set<String> exceptions) {
        return exceptions.contains(type.getName())
                || type.getEnclosingClass().map(e -> excepted(e, exceptions)).orElse(false);
    }

    /**
     * Public, and so are the classes it is nested in: a class another package can name. A member type of an
     * interface is public by the language, not by choice: it is judged with its interface.
     */
    private static boolean publicFromOutside(JavaClass type) {
        if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
            return false;
        }
        return type.getEnclosingClass().map(e -> !e.isInterface() && publicFromOutside(e)).orElse(true);
    }

    /** Used by a class of another package, itself or through one of its member types (which it must be public for). */
    private static boolean usedFromAnotherPackage(JavaClass type) {
        for (Dependency dependency : type.getDirectDependenciesToSelf()) {
            if (!dependency.getOriginClass().getPackageName().equals(type.getPackageName())) {
                return true;
            }
        }
        for (JavaClass other : type.getPackage().getClasses()) {
            if (other.getEnclosingClass().map(type::equals).orElse(false) && usedFromAnotherPackage(other)) {
                return true;
            }
        }
        return false;
    }

    private static DescribedPredicate<JavaClass> recordsOrEnums() {
        return DescribedPredicate.describe("are records or enums", c -> c.isRecord() || c.isEnum());
    }
}
