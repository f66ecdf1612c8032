package io.hoithao.events.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.events.session.SessionRules.Clash;
import io.hoithao.events.session.SessionRules.EndsBeforeStart;
import io.hoithao.events.session.SessionRules.OutsideEventDays;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

    static final LocalDate DAY1 = LocalDate.of(2026, 10, 25);
    static final LocalDate DAY2 = LocalDate.of(2026, 10, 26);

    static Session session(String id, LocalDate date, String start, String end, String venue, String classroom) {
        return new Session(id, SessionType.PLENARY, "Phiên " + id, null, date, LocalTime.parse(start), LocalTime.parse(end),
                venue, classroom, null, List.of(), SessionStatus.SCHEDULED, 0, null);
    }

    static final Session PLENARY = session("plenary", DAY1, "07:30", "09:30", "hall", null);
    static final Session LESSON_A1 = session("a1", DAY1, "08:00", "08:35", "dong-tam", "MGL A1");

    static java.util.Optional<SessionRules.Conflict> check(Session candidate) {
        return SessionRules.check(DAY1, DAY2, List.of(PLENARY, LESSON_A1), candidate);
    }

    @Test
    void endingAtOrBeforeTheStartIsRefused() {
        assertThat(check(session("x", DAY1, "10:00", "10:00", "hall", null))).containsInstanceOf(EndsBeforeStart.class);
        assertThat(check(session("x", DAY1, "10:00", "09:00", "hall", null))).containsInstanceOf(EndsBeforeStart.class);
    }

    @Test
    void aDayOutsideTheEventIsRefused() {
        assertThat(check(session("x", DAY2.plusDays(1), "07:30", "08:00", "hall", null)))
                .hasValueSatisfying(c -> assertThat(c).isEqualTo(new OutsideEventDays(DAY1, DAY2)));
        assertThat(check(session("x", DAY1.minusDays(1), "07:30", "08:00", "hall", null))).containsInstanceOf(OutsideEventDays.class);
        assertThat(check(session("x", DAY2, "07:30", "08:00", "hall", null))).isEmpty();
    }

    @Test
    void overlappingInTheSameVenueClashesAndNamesTheOtherSession() {
        assertThat(check(session("x", DAY1, "09:00", "10:00", "hall", null)))
                .hasValueSatisfying(c -> assertThat(((Clash) c).other().id()).isEqualTo("plenary"));
        assertThat(check(session("x", DAY1, "07:00", "11:00", "hall", null))).containsInstanceOf(Clash.class);
        assertThat(check(session("x", DAY1, "08:00", "08:30", "hall", null))).containsInstanceOf(Clash.class);
    }

    @Test
    void backToBackSessionsAndOtherDaysDoNotClash() {
        assertThat(check(session("x", DAY1, "09:30", "10:00", "hall", null))).isEmpty();
        assertThat(check(session("x", DAY1, "07:00", "07:30", "hall", null))).isEmpty();
        assertThat(check(session("x", DAY2, "07:30", "09:30", "hall", null))).isEmpty();
    }

    @Test
    void parallelSessionsInOtherVenuesOrOtherClassroomsAreFine() {
        assertThat(check(session("x", DAY1, "08:00", "09:00", "site", null))).isEmpty();
        assertThat(check(session("x", DAY1, "08:00", "08:35", "dong-tam", "MGB B2"))).isEmpty();
    }

    @Test
    void theSameClassroomOrTheWholeVenueClashes() {
        assertThat(check(session("x", DAY1, "08:30", "09:00", "dong-tam", "mgl a1")))
                .hasValueSatisfying(c -> assertThat(((Clash) c).other().id()).isEqualTo("a1"));
        assertThat(check(session("x", DAY1, "08:30", "09:00", "dong-tam", null))).containsInstanceOf(Clash.class);
    }

    @Test
    void cancelledSessionsAndTheSessionItselfDoNotClash() {
        assertThat(SessionRules.check(DAY1, DAY2, List.of(PLENARY.cancelled()), session("x", DAY1, "08:00", "09:00", "hall", null)))
                .isEmpty();
        Session moved = PLENARY.movedTo(DAY1, LocalTime.parse("08:00"), LocalTime.parse("10:00"), "hall", null, null);
        assertThat(check(moved)).isEmpty();
        assertThat(moved.sequence()).isEqualTo(1);
    }
}
