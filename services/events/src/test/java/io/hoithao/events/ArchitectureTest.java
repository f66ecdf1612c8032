package io.hoithao.events;

import io.hoithao.platform.testing.Architecture;
import io.hoithao.platform.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code that the build checks (docs/decisions.md, "Boundaries the build checks"). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(EventsApplication.class);
    }

    @Test
    void handlersUseNoMongoTemplate() {
        Architecture.handlersWithoutMongoTemplates().check(classes());
    }

    /**
     * Public without a production user outside their package: {@code EventLimits}, whose compile-time constants
     * the programme, session and schedule packages use (the compiler copies them, so the class files show no use);
     * {@code OfficialRole}, the type schedule sorts officials by ({@code comparing(Official::role)}: only the method
     * reference is in the class files).
     * Public for tests of other packages: {@code EventKind}, {@code EventLevel}, {@code VenueKind} (session's
     * {@code LifecycleTest}, schedule's {@code CalendarExportTest}), {@code UnitLevel} (event's {@code LifecycleTest}),
     * {@code EventView}, {@code UnitView}, {@code ProgrammeView} (the ITs of this package read answers as them).
     */
    @Test
    void featureInternalsArePackagePrivate() {
        Architecture.featureInternalsPackagePrivate(EventsApplication.class,
                "io.hoithao.events.event.EventLimits",
                "io.hoithao.events.event.OfficialRole",
                "io.hoithao.events.event.EventKind",
                "io.hoithao.events.event.EventLevel",
                "io.hoithao.events.event.VenueKind",
                "io.hoithao.events.unit.UnitLevel",
                "io.hoithao.events.event.EventView",
                "io.hoithao.events.unit.UnitView",
                "io.hoithao.events.schedule.ProgrammeView").check(classes());
    }
}
