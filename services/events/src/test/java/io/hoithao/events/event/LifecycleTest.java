package io.hoithao.events.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventProgrammeChanged;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.EventStarted;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.events.event.EventRequests.NewVenue;
import io.hoithao.events.event.EventRequests.Reschedule;
import io.hoithao.events.event.EventRequests.UpdateEvent;
import io.hoithao.events.session.Session;
import io.hoithao.events.session.SessionStatus;
import io.hoithao.events.session.SessionType;
import io.hoithao.events.unit.UnitHierarchy;
import io.hoithao.events.unit.UnitLevel;
import io.hoithao.platform.status.StatusChange;
import io.hoithao.platform.web.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

/** Each command decided on an event in every status, in plain Java: what it writes and tells, or why not. */
class LifecycleTest {

    static final Instant NOW = Instant.parse("2026-09-10T03:00:00Z");
    static final LocalDate DAY1 = LocalDate.of(2026, 10, 25);
    static final Venue HALL = new Venue("hall", "Hội trường", VenueKind.HALL, "Chợ Mới", List.of());

    static Event event(EventStatus status) {
        return event(status, List.of(HALL), List.of());
    }

    static Event event(EventStatus status, List<Venue> venues, List<Session> sessions) {
        return new Event("evt-1", "prog-1", "Hội nghị", "Sơ kết", EventKind.CONFERENCE, EventLevel.PROVINCE, "unit-1",
                "Sở GD&ĐT", DAY1, DAY1.plusDays(1), "Asia/Ho_Chi_Minh", 120, null, NOW.plusSeconds(3600), venues,
                List.of(), sessions, status, null, 7, List.of(), NOW, NOW);
    }

    static Session session(String id, LocalDate date, SessionStatus status) {
        return new Session(id, SessionType.PLENARY, "Phiên " + id, null, date, LocalTime.of(8, 0), LocalTime.of(9, 0),
                HALL.id(), null, null, List.of(), status, 0, null);
    }

    /** The six lifecycle commands, the status each asks for and the message it tells. */
    enum Action {
        PUBLISH(EventStatus.PUBLISHED, EventPublished.class, Lifecycle::publish),
        OPEN_REGISTRATION(EventStatus.REGISTRATION_OPEN, RegistrationOpened.class,
                (event, now) -> Lifecycle.openRegistration(event, null, now, now)),
        CLOSE_REGISTRATION(EventStatus.REGISTRATION_CLOSED, RegistrationClosed.class, Lifecycle::closeRegistration),
        START(EventStatus.IN_PROGRESS, EventStarted.class, Lifecycle::start),
        COMPLETE(EventStatus.COMPLETED, EventCompleted.class, Lifecycle::complete),
        CANCEL(EventStatus.CANCELLED, EventCancelled.class, (event, now) -> Lifecycle.cancel(event, "storm", now));

        final EventStatus target;
        final Class<?> message;
        final BiFunction<Event, Instant, Decision> decide;

        Action(EventStatus target, Class<?> message, BiFunction<Event, Instant, Decision> decide) {
            this.target = target;
            this.message = message;
            this.decide = decide;
        }
    }

    static Stream<Arguments> everyStatusAndAction() {
        return Arrays.stream(EventStatus.values())
                .flatMap(status -> Arrays.stream(Action.values()).map(action -> Arguments.of(status, action)));
    }

    @ParameterizedTest
    @MethodSource("everyStatusAndAction")
    void eachActionMovesAlongTheTableOrIsRefusedNamingBothStatuses(EventStatus status, Action action) {
        Decision decision = action.decide.apply(event(status), NOW);

        if (EventStatusTest.NEXT.get(status).contains(action.target)) {
            assertThat(decision).isInstanceOf(Decision.Change.class);
            Decision.Change change = (Decision.Change) decision;
            assertThat(change.write().from()).isEqualTo(status);
            assertThat(change.write().to()).isEqualTo(action.target);
            assertThat(change.write().messages()).singleElement().isInstanceOf(action.message);
        } else {
            assertThat(decision).isEqualTo(new Decision.InvalidTransition("evt-1", status, action.target));
        }
    }

    @Test
    void aChangeOutsideTheTableCannotBeMade() {
        assertThatThrownBy(() -> new Decision.Change(new StatusChange<>(EventStatus.COMPLETED, EventStatus.IN_PROGRESS,
                Map.of(), Map.of(), List.of()), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Decision.Change(new StatusChange<>(EventStatus.COMPLETED, null, Map.of("title", "x"), Map.of(),
                List.of()), null).write().to())
                .isNull();
    }

    @ParameterizedTest
    @EnumSource(value = EventStatus.class, names = {"COMPLETED", "CANCELLED"}, mode = EnumSource.Mode.EXCLUDE)
    void cancellingRemembersTheStatusItCameFromAndTellsTheReason(EventStatus status) {
        Decision.Change change = (Decision.Change) Lifecycle.cancel(event(status), "storm", NOW);

        assertThat(change.write().fields()).containsExactly(Map.entry("cancelledFrom", status));
        assertThat(((EventCancelled) change.write().messages().get(0)).reason()).isEqualTo("storm");
    }

    @Test
    void registrationClosesWhenAskedElseAtThePlannedTimeIfStillAheadElseByHand() {
        Event event = event(EventStatus.PUBLISHED);
        Instant asked = NOW.plusSeconds(60);

        assertThat(((Decision.Change) Lifecycle.openRegistration(event, asked, NOW, NOW)).write().fields())
                .containsEntry("registrationClosesAt", asked);
        assertThat(((Decision.Change) Lifecycle.openRegistration(event, null, NOW, NOW)).write().fields())
                .containsEntry("registrationClosesAt", NOW.plusSeconds(3600));
        assertThat(((Decision.Change) Lifecycle.openRegistration(event, null, NOW.plusSeconds(7200), NOW)).write().fields())
                .containsEntry("registrationClosesAt", null);
        assertThat(Lifecycle.refuseClosing(NOW, NOW)).contains(new Decision.InvalidField("closesAt", "must be in the future"));
        assertThat(Lifecycle.refuseClosing(asked, NOW)).isEmpty();
    }

    /** Venues, capacity and details change until the event is over or cancelled; its days until it is under way. */
    @ParameterizedTest
    @EnumSource(EventStatus.class)
    void theProgrammeChangesUntilTheEventIsOverAndTheDaysUntilItStarts(EventStatus status) {
        Event event = event(status);
        Decision.NotEditable programme = new Decision.NotEditable("evt-1", status, Decision.Aspect.PROGRAMME);
        boolean editable = status != EventStatus.COMPLETED && status != EventStatus.CANCELLED;
        List<Decision> edits = List.of(
                Lifecycle.addVenue(event, new NewVenue("Trường A", VenueKind.HOST_SCHOOL, "Chợ Mới", null)),
                Lifecycle.changeCapacity(event, 150, NOW),
                Lifecycle.update(event, new UpdateEvent("Hội nghị mới", null, null, null, null, null, null), null, false, NOW));
        for (Decision edit : edits) {
            if (editable) {
                assertThat(edit).isInstanceOf(Decision.Change.class);
                assertThat(((Decision.Change) edit).write().to()).isNull();
            } else {
                assertThat(edit).isEqualTo(programme);
            }
        }

        Decision reschedule = Lifecycle.reschedule(event, new Reschedule(DAY1.plusDays(7), DAY1.plusDays(8), null), NOW);
        if (editable && status != EventStatus.IN_PROGRESS) {
            assertThat(reschedule).isInstanceOf(Decision.Change.class);
        } else {
            assertThat(reschedule).isEqualTo(new Decision.NotEditable("evt-1", status, Decision.Aspect.DAYS));
        }
    }

    @Test
    void capacityTellsTheOldAndNewCapacityAtTheNextVersion() {
        Decision.Change change = (Decision.Change) Lifecycle.changeCapacity(event(EventStatus.PUBLISHED), 150, NOW);

        assertThat(change.write().fields()).containsExactly(Map.entry("capacity", 150));
        CapacityChanged told = (CapacityChanged) change.write().messages().get(0);
        assertThat(told.capacity()).isEqualTo(150);
        assertThat(told.previousCapacity()).isEqualTo(120);
        assertThat(told.revision()).isEqualTo(8);
    }

    @Test
    void aVenueIsAppendedUpToTheLimitAndNamedForTheLiveStream() {
        Decision.Change change = (Decision.Change) Lifecycle.addVenue(event(EventStatus.DRAFT),
                new NewVenue(" Trường A ", VenueKind.HOST_SCHOOL, "Chợ Mới", List.of(" A1", "A1 ")));
        Venue added = (Venue) change.write().appended().get("venues");
        assertThat(added.name()).isEqualTo("Trường A");
        assertThat(added.classrooms()).containsExactly("A1");
        assertThat(change.subjectId()).isEqualTo(added.id());
        assertThat(change.write().messages()).isEmpty();

        List<Venue> full = new ArrayList<>();
        for (int i = 0; i < EventLimits.VENUES; i++) {
            full.add(new Venue("v" + i, "Venue " + i, VenueKind.HALL, null, List.of()));
        }
        assertThat(Lifecycle.addVenue(event(EventStatus.DRAFT, full, List.of()), new NewVenue("One more", VenueKind.HALL, null, null)))
                .isEqualTo(new Decision.TooManyVenues("evt-1", EventLimits.VENUES));
    }

    @Test
    void onlyAnAdministratorMovesAnEventAndOnlyBeforeItIsPublished() {
        UnitHierarchy.Known other = new UnitHierarchy.Known("unit-2", "Phòng GD&ĐT", UnitLevel.DISTRICT);
        UnitHierarchy.Known same = new UnitHierarchy.Known("unit-1", "Sở GD&ĐT", UnitLevel.DISTRICT);
        UpdateEvent request = new UpdateEvent(null, null, "unit-2", null, null, null, null);

        assertThat(Lifecycle.update(event(EventStatus.DRAFT), request, other, false, NOW))
                .isEqualTo(new Decision.MoveForbidden("evt-1"));
        assertThat(Lifecycle.update(event(EventStatus.PUBLISHED), request, other, true, NOW))
                .isEqualTo(new Decision.NotEditable("evt-1", EventStatus.PUBLISHED, Decision.Aspect.UNIT));
        Decision.Change moved = (Decision.Change) Lifecycle.update(event(EventStatus.DRAFT), request, other, true, NOW);
        assertThat(moved.write().fields()).containsEntry("organiserUnitId", "unit-2").containsEntry("organiserUnit", "Phòng GD&ĐT");
        // naming the event's own unit is no move, so an organiser may do it
        Decision.Change stays = (Decision.Change) Lifecycle.update(event(EventStatus.PUBLISHED), request, same, false, NOW);
        assertThat(stays.write().fields()).doesNotContainKey("organiserUnitId");
    }

    @Test
    void aPublishedEventsNewProgrammeIsToldADraftsIsNot() {
        UpdateEvent leave = new UpdateEvent(null, null, null, null, null, null, "");

        Decision.Change published = (Decision.Change) Lifecycle.update(event(EventStatus.PUBLISHED), leave, null, false, NOW);
        assertThat(published.write().fields()).containsEntry("programmeId", null);
        EventProgrammeChanged told = (EventProgrammeChanged) published.write().messages().get(0);
        assertThat(told.programmeId()).isNull();
        assertThat(told.revision()).isEqualTo(8);

        Decision.Change draft = (Decision.Change) Lifecycle.update(event(EventStatus.DRAFT), leave, null, false, NOW);
        assertThat(draft.write().fields()).containsEntry("programmeId", null);
        assertThat(draft.write().messages()).isEmpty();
        // the same programme again tells nothing
        assertThat(((Decision.Change) Lifecycle.update(event(EventStatus.PUBLISHED),
                new UpdateEvent(null, null, null, null, null, null, "prog-1"), null, false, NOW)).write().messages()).isEmpty();
    }

    @Test
    void aRegistrationWindowThatClosesBeforeItOpensIsRefused() {
        UpdateEvent request = new UpdateEvent(null, null, null, NOW.plusSeconds(7200), null, null, null);

        assertThat(Lifecycle.update(event(EventStatus.DRAFT), request, null, false, NOW))
                .isEqualTo(new Decision.InvalidField("registrationClosesAt", "must be after registrationOpensAt"));
    }

    @Test
    void rescheduleMovesTheSessionsAndTellsEachScheduledOneOrNamesThoseThatWouldFallOutside() {
        List<Session> sessions = List.of(session("s1", DAY1, SessionStatus.SCHEDULED),
                session("s2", DAY1.plusDays(1), SessionStatus.SCHEDULED), session("s3", DAY1.plusDays(1), SessionStatus.CANCELLED));
        Event event = event(EventStatus.REGISTRATION_OPEN, List.of(HALL), sessions);

        Decision.Change moved = (Decision.Change) Lifecycle.reschedule(event,
                new Reschedule(DAY1.plusDays(7), DAY1.plusDays(8), null), NOW);
        assertThat(moved.write().messages()).hasSize(3);
        assertThat(moved.write().messages().get(0)).isInstanceOf(EventRescheduled.class);
        assertThat(moved.write().messages().subList(1, 3)).allMatch(SessionMoved.class::isInstance);
        @SuppressWarnings("unchecked")
        List<Session> written = (List<Session>) moved.write().fields().get("sessions");
        assertThat(written).extracting(Session::date).containsExactly(DAY1.plusDays(7), DAY1.plusDays(8), DAY1.plusDays(8));
        assertThat(moved.write().fields()).containsEntry("timeZone", "Asia/Ho_Chi_Minh");

        Decision shorter = Lifecycle.reschedule(event, new Reschedule(DAY1.plusDays(7), DAY1.plusDays(7), null), NOW);
        assertThat(shorter).isInstanceOf(Decision.SessionsOutside.class);
        assertThat(((Decision.SessionsOutside) shorter).sessions()).extracting(Session::id).containsExactly("s2");

        assertThat(Lifecycle.reschedule(event, new Reschedule(DAY1, DAY1.plusDays(1), "Mars/Olympus"), NOW))
                .isEqualTo(new Decision.InvalidField("timeZone", "must be a time zone id such as Asia/Ho_Chi_Minh"));
    }

    @Test
    void anEventLastsFromItsFirstToItsLastDayAtMostTheLimit() {
        assertThat(Lifecycle.refuseDays(DAY1, DAY1.minusDays(1)))
                .contains(new Decision.InvalidField("endDate", "must not be before startDate"));
        assertThat(Lifecycle.refuseDays(DAY1, DAY1.plusDays(EventLimits.DAYS - 1))).isEmpty();
        assertThat(Lifecycle.refuseDays(DAY1, DAY1.plusDays(EventLimits.DAYS))).isPresent();
    }

    /** The refusals answer as before: the same types, statuses, texts and extra members. */
    @Test
    void eachRefusalIsAnsweredAsItsProblem() {
        ProblemException transition = EventProblems.problem(
                new Decision.InvalidTransition("evt-1", EventStatus.COMPLETED, EventStatus.CANCELLED));
        assertThat(transition.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(transition.type().toString()).endsWith("/invalid-transition");
        assertThat(transition.getMessage()).isEqualTo("Event evt-1 is COMPLETED; it cannot become CANCELLED");
        assertThat(transition.properties()).containsEntry("currentState", EventStatus.COMPLETED)
                .containsEntry("requestedState", EventStatus.CANCELLED);

        ProblemException programme = EventProblems.problem(
                new Decision.NotEditable("evt-1", EventStatus.CANCELLED, Decision.Aspect.PROGRAMME));
        assertThat(programme.type().toString()).endsWith("/event-not-editable");
        assertThat(programme.getMessage()).isEqualTo("Event evt-1 is CANCELLED; its programme can no longer change");
        assertThat(programme.properties()).containsEntry("currentState", EventStatus.CANCELLED);
        assertThat(EventProblems.problem(new Decision.NotEditable("evt-1", EventStatus.IN_PROGRESS, Decision.Aspect.DAYS))
                .getMessage()).isEqualTo("Event evt-1 is IN_PROGRESS; it can no longer move to other days");
        assertThat(EventProblems.problem(new Decision.NotEditable("evt-1", EventStatus.PUBLISHED, Decision.Aspect.UNIT))
                .getMessage()).isEqualTo("Event evt-1 is published, so its unit cannot change any more;"
                        + " cancel it and create it under the other unit");

        ProblemException outside = EventProblems.problem(
                new Decision.SessionsOutside(DAY1, List.of(session("s2", DAY1.plusDays(1), SessionStatus.SCHEDULED))));
        assertThat(outside.type().toString()).endsWith("/session-outside-event");
        assertThat(outside.getMessage()).isEqualTo("1 session(s) would fall after the new last day " + DAY1
                + "; move or cancel them first");
        assertThat(outside.properties().get("sessions"))
                .isEqualTo(List.of(Map.of("id", "s2", "title", "Phiên s2", "date", DAY1.plusDays(1))));

        ProblemException venues = EventProblems.problem(new Decision.TooManyVenues("evt-1", EventLimits.VENUES));
        assertThat(venues.getMessage()).isEqualTo("Event evt-1 already has " + EventLimits.VENUES
                + " venues, the most an event may have (" + EventLimits.VENUES + ")");

        ProblemException mover = EventProblems.problem(new Decision.MoveForbidden("evt-1"));
        assertThat(mover.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mover.getMessage()).isEqualTo("Only an administrator may move event evt-1 to another unit");
        assertThat(mover.properties()).containsEntry("eventId", "evt-1");

        assertThat(EventProblems.problem(new Decision.InvalidField("endDate", "must not be before startDate")).status())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(EventProblems.orThrow(new Decision.Done(event(EventStatus.DRAFT))).id()).isEqualTo("evt-1");
    }
}
