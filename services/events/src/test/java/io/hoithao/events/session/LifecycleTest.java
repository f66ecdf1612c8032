package io.hoithao.events.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.events.event.Event;
import io.hoithao.events.event.EventKind;
import io.hoithao.events.event.EventLevel;
import io.hoithao.events.event.EventLimits;
import io.hoithao.events.event.EventStatus;
import io.hoithao.events.event.Venue;
import io.hoithao.events.event.VenueKind;
import io.hoithao.events.session.SessionRequests.MoveSession;
import io.hoithao.events.session.SessionRequests.NewSession;
import io.hoithao.platform.web.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

/** Each command on a session decided in plain Java, in every status of its event and of itself: what it writes and tells, or why not. */
class LifecycleTest {

    static final Instant NOW = Instant.parse("2026-09-10T03:00:00Z");
    static final LocalDate DAY1 = LocalDate.of(2026, 10, 25);
    static final LocalDate DAY2 = DAY1.plusDays(1);
    static final Venue HALL = new Venue("hall", "Hội trường", VenueKind.HALL, "Chợ Mới", List.of());
    static final Venue SCHOOL = new Venue("school", "Trường Mầm non Đồng Tâm", VenueKind.HOST_SCHOOL, "Đồng Tâm",
            List.of("MGL A1", "MGN B2"));

    static Event event(EventStatus status, List<Session> sessions) {
        return new Event("evt-1", null, "Hội nghị", null, EventKind.CONFERENCE, EventLevel.PROVINCE, "unit-1", "Sở GD&ĐT",
                DAY1, DAY2, "Asia/Ho_Chi_Minh", 120, null, null, List.of(HALL, SCHOOL), List.of(), sessions, status, null,
                7, List.of(), NOW, NOW);
    }

    static Session session(String id, String start, String end, SessionStatus status) {
        return new Session(id, SessionType.PLENARY, "Phiên " + id, null, DAY1, LocalTime.parse(start), LocalTime.parse(end),
                HALL.id(), null, null, List.of(), status, 0, null);
    }

    static NewSession newSession(SessionType type, String start, String end, String venueId, String classroom, Integer seats) {
        return new NewSession(type, " Thảo luận ", null, DAY1, LocalTime.parse(start), LocalTime.parse(end), venueId,
                classroom, null, List.of(), seats);
    }

    static MoveSession moveTo(LocalDate date, String start, String end) {
        return new MoveSession(date, LocalTime.parse(start), LocalTime.parse(end), null, null, null);
    }

    static final Session PLENARY = session("plenary", "07:30", "09:30", SessionStatus.SCHEDULED);

    /** The three commands on one existing session ("plenary") or a new one. */
    enum Command {
        SCHEDULE(event -> Lifecycle.schedule(event, "new", newSession(SessionType.DISCUSSION, "10:00", "11:00", "hall", null, null), NOW)),
        MOVE(event -> Lifecycle.move(event, "plenary", moveTo(DAY2, "08:00", "09:00"), NOW)),
        CANCEL(event -> Lifecycle.cancel(event, "plenary", NOW));

        final Function<Event, Decision> decide;

        Command(Function<Event, Decision> decide) {
            this.decide = decide;
        }
    }

    static Stream<Arguments> everyEventStatusSessionStatusAndCommand() {
        return Arrays.stream(EventStatus.values()).flatMap(eventStatus -> Arrays.stream(SessionStatus.values())
                .flatMap(sessionStatus -> Arrays.stream(Command.values())
                        .map(command -> Arguments.of(eventStatus, sessionStatus, command))));
    }

    @ParameterizedTest
    @MethodSource("everyEventStatusSessionStatusAndCommand")
    void aSessionChangesWhileItsEventsProgrammeMayAndItsOwnStatusAllows(EventStatus eventStatus, SessionStatus status,
                                                                         Command command) {
        Session plenary = session("plenary", "07:30", "09:30", status);
        Decision decision = command.decide.apply(event(eventStatus, List.of(plenary)));

        if (!eventStatus.editable()) {
            assertThat(decision).isEqualTo(new Decision.EventNotEditable("evt-1", eventStatus));
        } else if (command != Command.SCHEDULE && status == SessionStatus.CANCELLED) {
            assertThat(decision).isEqualTo(new Decision.NotChangeable("plenary", SessionStatus.CANCELLED));
        } else {
            Decision.Change change = (Decision.Change) decision;
            switch (command) {
                case SCHEDULE -> {
                    assertThat(change.before()).isNull();
                    assertThat(change.after().status()).isEqualTo(SessionStatus.SCHEDULED);
                    assertThat(((SessionScheduled) change.messages().get(0)).revision()).isEqualTo(8);
                }
                case MOVE -> {
                    assertThat(change.before()).isEqualTo(plenary);
                    assertThat(change.after().status()).isEqualTo(SessionStatus.SCHEDULED);
                    assertThat(change.after().date()).isEqualTo(DAY2);
                    assertThat(((SessionMoved) change.messages().get(0)).revision()).isEqualTo(8);
                }
                case CANCEL -> {
                    assertThat(change.before()).isEqualTo(plenary);
                    assertThat(change.after().status()).isEqualTo(SessionStatus.CANCELLED);
                    assertThat(((SessionCancelled) change.messages().get(0)).revision()).isEqualTo(8);
                }
            }
            // one message, naming the revision the write makes: the event's version read (7), plus one
            assertThat(change.messages()).hasSize(1);
            assertThat(change.after().sequence()).isEqualTo(command == Command.SCHEDULE ? 0 : 1);
        }
    }

    @Test
    void aChangeOutsideTheTableCannotBeMade() {
        Session cancelled = PLENARY.cancelled();
        assertThatThrownBy(() -> new Decision.Change(cancelled, PLENARY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision.Change(null, cancelled, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision.Change(PLENARY, session("other", "07:30", "09:30", SessionStatus.SCHEDULED),
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Decision.Change(PLENARY, PLENARY.movedTo(DAY2, PLENARY.start(), PLENARY.end(), "hall", null, null),
                List.of()).after().status()).isEqualTo(SessionStatus.SCHEDULED);
    }

    @Test
    void aSessionThatIsNotThereIsUnknown() {
        Event event = event(EventStatus.PUBLISHED, List.of(PLENARY));
        assertThat(Lifecycle.move(event, "nope", moveTo(DAY1, "10:00", "11:00"), NOW))
                .isEqualTo(new Decision.UnknownSession("nope"));
        assertThat(Lifecycle.cancel(event, "nope", NOW)).isEqualTo(new Decision.UnknownSession("nope"));
    }

    @Test
    void anEventHasAtMostItsLimitOfSessionsCancelledOnesIncluded() {
        List<Session> full = new ArrayList<>(Collections.nCopies(EventLimits.SESSIONS, PLENARY.cancelled()));
        Decision decision = Lifecycle.schedule(event(EventStatus.PUBLISHED, full), "new",
                newSession(SessionType.DISCUSSION, "10:00", "11:00", "hall", null, null), NOW);
        assertThat(decision).isEqualTo(new Decision.TooManySessions("evt-1", EventLimits.SESSIONS));
    }

    @Test
    void aSessionGoesOnlyWhereItMay() {
        Event event = event(EventStatus.PUBLISHED, List.of(PLENARY));
        assertThat(schedule(event, newSession(SessionType.DISCUSSION, "11:00", "10:00", "hall", null, null)))
                .isEqualTo(new Decision.InvalidField("end", "must be after start"));
        assertThat(schedule(event, newSession(SessionType.PLENARY, "10:00", "11:00", "hall", null, 12)))
                .isEqualTo(new Decision.InvalidField("seats", "only a demonstration lesson has observer seats"));
        assertThat(schedule(event, newSession(SessionType.DISCUSSION, "10:00", "11:00", "nowhere", null, null)))
                .isEqualTo(new Decision.InvalidField("venueId", "is not one of this event's venues"));
        assertThat(schedule(event, newSession(SessionType.DEMONSTRATION_LESSON, "10:00", "11:00", "school", "MGL C3", null)))
                .isEqualTo(new Decision.InvalidField("classroom",
                        "is not a classroom of Trường Mầm non Đồng Tâm (MGL A1, MGN B2)"));
        assertThat(Lifecycle.move(event, "plenary", moveTo(DAY2.plusDays(1), "08:00", "09:00"), NOW))
                .isEqualTo(new Decision.OutsideEventDays(DAY2.plusDays(1), DAY1, DAY2));
        assertThat(schedule(event, newSession(SessionType.DISCUSSION, "09:00", "10:00", "hall", null, null)))
                .isEqualTo(new Decision.Clash(PLENARY, "Hội trường"));
        // a session does not clash with itself when it moves, nor with a cancelled one
        assertThat(Lifecycle.move(event, "plenary", moveTo(DAY1, "08:00", "09:00"), NOW)).isInstanceOf(Decision.Change.class);
        assertThat(schedule(event(EventStatus.PUBLISHED, List.of(PLENARY.cancelled())),
                newSession(SessionType.DISCUSSION, "09:00", "10:00", "hall", null, null))).isInstanceOf(Decision.Change.class);
    }

    @Test
    void aDemonstrationLessonTellsItsHostClassroomAndSeats() {
        Decision.Change change = (Decision.Change) schedule(event(EventStatus.PUBLISHED, List.of(PLENARY)),
                newSession(SessionType.DEMONSTRATION_LESSON, "08:00", "08:35", "school", " MGL A1 ", 12));
        assertThat(change.after().title()).isEqualTo("Thảo luận");
        SessionScheduled told = (SessionScheduled) change.messages().get(0);
        assertThat(told.venue()).isEqualTo("Trường Mầm non Đồng Tâm – MGL A1");
        assertThat(told.classroom()).isEqualTo("MGL A1");
        assertThat(told.seats()).isEqualTo(12);
        assertThat(told.venueId()).isEqualTo("school");
        assertThat(told.startsAt()).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
    }

    @Test
    void movingToAnotherVenueWithoutAClassroomTakesTheWholeVenue() {
        Session lesson = new Session("lesson", SessionType.DEMONSTRATION_LESSON, "Dự giờ", null, DAY1, LocalTime.of(8, 0),
                LocalTime.of(8, 35), SCHOOL.id(), "MGL A1", null, List.of(), SessionStatus.SCHEDULED, 0, 12);
        Event event = event(EventStatus.PUBLISHED, List.of(lesson));
        Session sameVenue = ((Decision.Change) Lifecycle.move(event, "lesson", moveTo(DAY2, "08:00", "08:35"), NOW)).after();
        assertThat(sameVenue.classroom()).isEqualTo("MGL A1");
        assertThat(sameVenue.seats()).isEqualTo(12);
        Session otherVenue = ((Decision.Change) Lifecycle.move(event, "lesson",
                new MoveSession(DAY2, LocalTime.of(10, 0), LocalTime.of(11, 0), "hall", null, null), NOW)).after();
        assertThat(otherVenue.venueId()).isEqualTo("hall");
        assertThat(otherVenue.classroom()).isNull();
    }

    /** The refusals answer as before: the same types, statuses, texts and extra members. */
    @Test
    void eachRefusalIsAnsweredAsItsProblem() {
        ProblemException notEditable = SessionProblems.problem(new Decision.EventNotEditable("evt-1", EventStatus.CANCELLED));
        assertThat(notEditable.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notEditable.type().toString()).endsWith("/event-not-editable");
        assertThat(notEditable.getMessage()).isEqualTo("Event evt-1 is CANCELLED; its programme can no longer change");
        assertThat(notEditable.properties()).containsEntry("currentState", EventStatus.CANCELLED);

        ProblemException cancelled = SessionProblems.problem(new Decision.NotChangeable("s1", SessionStatus.CANCELLED));
        assertThat(cancelled.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(cancelled.type().toString()).endsWith("/event-not-editable");
        assertThat(cancelled.getMessage()).isEqualTo("Session s1 is cancelled");
        assertThat(cancelled.properties()).containsEntry("currentState", SessionStatus.CANCELLED);

        assertThat(SessionProblems.problem(new Decision.UnknownSession("s9")).status()).isEqualTo(HttpStatus.NOT_FOUND);

        ProblemException tooMany = SessionProblems.problem(new Decision.TooManySessions("evt-1", EventLimits.SESSIONS));
        assertThat(tooMany.type().toString()).endsWith("/limit-exceeded");
        assertThat(tooMany.getMessage()).contains(EventLimits.SESSIONS + " sessions (cancelled ones included)");

        ProblemException invalid = SessionProblems.problem(new Decision.InvalidField("end", "must be after start"));
        assertThat(invalid.status()).isEqualTo(HttpStatus.BAD_REQUEST);

        ProblemException outside = SessionProblems.problem(new Decision.OutsideEventDays(DAY2.plusDays(1), DAY1, DAY2));
        assertThat(outside.type().toString()).endsWith("/session-outside-event");
        assertThat(outside.getMessage()).isEqualTo("The session is on 2026-10-27, outside the event's days 2026-10-25 – 2026-10-26");
        assertThat(outside.properties()).containsEntry("date", DAY2.plusDays(1)).containsEntry("firstDay", DAY1)
                .containsEntry("lastDay", DAY2);

        Session lesson = new Session("a1", SessionType.DEMONSTRATION_LESSON, "Dự giờ", null, DAY1, LocalTime.of(8, 0),
                LocalTime.of(8, 35), SCHOOL.id(), "MGL A1", null, List.of(), SessionStatus.SCHEDULED, 0, null);
        ProblemException clash = SessionProblems.problem(new Decision.Clash(lesson, SCHOOL.name()));
        assertThat(clash.type().toString()).endsWith("/session-clash");
        assertThat(clash.getMessage())
                .isEqualTo("The session overlaps \"Dự giờ\" (2026-10-25 08:00–08:35) at Trường Mầm non Đồng Tâm, MGL A1");
        assertThat(clash.properties().get("clashingSession")).isEqualTo(Map.of("id", "a1", "title", "Dự giờ",
                "venueId", "school", "classroom", "MGL A1", "date", DAY1, "start", LocalTime.of(8, 0),
                "end", LocalTime.of(8, 35)));
    }

    private static Decision schedule(Event event, NewSession request) {
        return Lifecycle.schedule(event, "new", request, NOW);
    }
}
