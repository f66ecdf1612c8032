package io.hoithao.events.event;

import static io.hoithao.events.event.EventStatus.CANCELLED;
import static io.hoithao.events.event.EventStatus.COMPLETED;
import static io.hoithao.events.event.EventStatus.DRAFT;
import static io.hoithao.events.event.EventStatus.IN_PROGRESS;
import static io.hoithao.events.event.EventStatus.PUBLISHED;
import static io.hoithao.events.event.EventStatus.REGISTRATION_CLOSED;
import static io.hoithao.events.event.EventStatus.REGISTRATION_OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventStatusTest {

    /** The lifecycle written out by hand, from each state to the states it may become. */
    static final Map<EventStatus, Set<EventStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(PUBLISHED, CANCELLED),
            PUBLISHED, EnumSet.of(REGISTRATION_OPEN, IN_PROGRESS, CANCELLED),
            REGISTRATION_OPEN, EnumSet.of(REGISTRATION_CLOSED, IN_PROGRESS, CANCELLED),
            REGISTRATION_CLOSED, EnumSet.of(REGISTRATION_OPEN, IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED),
            COMPLETED, EnumSet.noneOf(EventStatus.class),
            CANCELLED, EnumSet.noneOf(EventStatus.class));

    @ParameterizedTest
    @EnumSource(EventStatus.class)
    void eachStateMayBecomeExactlyItsSuccessors(EventStatus from) {
        Set<EventStatus> allowed = EnumSet.noneOf(EventStatus.class);
        for (EventStatus to : EventStatus.values()) {
            if (from.canBecome(to)) {
                allowed.add(to);
            }
        }
        assertThat(allowed).isEqualTo(NEXT.get(from));
    }

    @ParameterizedTest
    @EnumSource(EventStatus.class)
    void theProgrammeChangesUntilTheEventIsOverAndTheDaysUntilItStarts(EventStatus status) {
        assertThat(status.editable()).isEqualTo(status != COMPLETED && status != CANCELLED);
        assertThat(status.reschedulable()).isEqualTo(status.editable() && status != IN_PROGRESS);
    }
}
