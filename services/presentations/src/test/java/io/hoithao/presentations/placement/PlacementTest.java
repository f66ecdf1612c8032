package io.hoithao.presentations.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperUnscheduled;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.placement.PresentationSession.Slot;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlacementTest {

    static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant NINE = Instant.parse("2026-10-25T02:00:00Z");

    static PresentationSession session(String id, int minutes, Slot... slots) {
        return new PresentationSession(id, "Tham luận", "Hội trường", NINE, NINE.plusSeconds(60L * minutes), false, 3, List.of(slots));
    }

    static Slot slot(String id, int minutes) {
        return new Slot(id, "Bài " + id, "Trường Mầm non Đồng Tâm", List.of("Nguyễn Thị Hoà"), minutes);
    }

    @Test
    void placingInTheMiddleShiftsTheRestAndTellsEachChangedPaper() {
        List<PresentationSession> sessions = List.of(session("s1", 60, slot("a", 20), slot("b", 20)));
        Placement.Outcome outcome = Placement.place("e", sessions, slot("c", 10), "s1", 2, 9, NOW);

        assertThat(outcome.sessions().get(0).slots()).extracting(Slot::paperId).containsExactly("a", "c", "b");
        assertThat(outcome.messages()).hasSize(2).allSatisfy(m -> assertThat(((PaperScheduled) m).revision()).isEqualTo(9));
        assertThat(outcome.messages()).extracting(m -> ((PaperScheduled) m).paperId() + "@" + ((PaperScheduled) m).position())
                .containsExactlyInAnyOrder("c@2", "b@3");
    }

    @Test
    void theSessionMayBeFilledExactlyButNotOverflowed() {
        List<PresentationSession> sessions = List.of(session("s1", 60, slot("a", 40)));
        assertThat(Placement.place("e", sessions, slot("b", 20), "s1", null, 1, NOW).sessions().get(0).placedMinutes()).isEqualTo(60);
        assertThatThrownBy(() -> Placement.place("e", sessions, slot("b", 21), "s1", null, 1, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type().toString()).endsWith("/session-overflow");
                    assertThat(e.properties()).containsEntry("overflowMinutes", 1).containsEntry("placedMinutes", 40);
                });
    }

    @Test
    void aPaperSitsInOneSessionOnlySoPlacingItElsewhereMovesIt() {
        List<PresentationSession> sessions = List.of(session("s1", 60, slot("a", 20), slot("b", 20)), session("s2", 30));
        Placement.Outcome outcome = Placement.place("e", sessions, slot("a", 20), "s2", null, 5, NOW);

        assertThat(outcome.sessions().get(0).slots()).extracting(Slot::paperId).containsExactly("b");
        assertThat(outcome.sessions().get(1).slots()).extracting(Slot::paperId).containsExactly("a");
        assertThat(outcome.messages()).extracting(m -> ((PaperScheduled) m).paperId() + "@" + ((PaperScheduled) m).sessionId())
                .containsExactlyInAnyOrder("a@s2", "b@s1");
    }

    @Test
    void replacingAPaperInItsOwnSessionDoesNotCountItTwice() {
        List<PresentationSession> sessions = List.of(session("s1", 40, slot("a", 20), slot("b", 20)));
        Placement.Outcome outcome = Placement.place("e", sessions, slot("b", 20), "s1", 1, 2, NOW);
        assertThat(outcome.sessions().get(0).slots()).extracting(Slot::paperId).containsExactly("b", "a");
    }

    @Test
    void positionsOutsideTheSessionAreRefused() {
        List<PresentationSession> sessions = List.of(session("s1", 60, slot("a", 10)));
        assertThatThrownBy(() -> Placement.place("e", sessions, slot("b", 10), "s1", 3, 1, NOW))
                .isInstanceOf(ProblemException.class).hasMessageContaining("invalid field");
    }

    @Test
    void aMovedSessionKeepsItsPapersAndAStaleMoveIsIgnored() {
        List<PresentationSession> sessions = List.of(session("s1", 60, slot("a", 20)));
        Instant later = NINE.plusSeconds(3600 * 4);
        SessionMoved moved = new SessionMoved(UUID.randomUUID(), NOW, "e", "s1", "Trường Mầm non Đồng Tâm", later,
                later.plusSeconds(3600), 4);
        Placement.Outcome outcome = Placement.moved("e", sessions, moved, 7, NOW);

        assertThat(outcome.sessions().get(0).startsAt()).isEqualTo(later);
        assertThat(outcome.sessions().get(0).slots()).extracting(Slot::paperId).containsExactly("a");
        assertThat(outcome.messages()).isEmpty();
        SessionMoved stale = new SessionMoved(UUID.randomUUID(), NOW, "e", "s1", "X", later, later.plusSeconds(60), 2);
        assertThat(Placement.moved("e", sessions, stale, 7, NOW)).isNull();
    }

    @Test
    void aCancelledSessionReleasesItsPapers() {
        List<PresentationSession> sessions = List.of(session("s1", 60, slot("a", 20), slot("b", 20)));
        Placement.Outcome outcome = Placement.cancelled("e", sessions,
                new SessionCancelled(UUID.randomUUID(), NOW, "e", "s1", 8), 11, NOW);

        assertThat(outcome.sessions().get(0).cancelled()).isTrue();
        assertThat(outcome.sessions().get(0).slots()).isEmpty();
        assertThat(outcome.messages()).hasSize(2).allSatisfy(m -> {
            assertThat(((PaperUnscheduled) m).reason()).isEqualTo("SESSION_CANCELLED");
            assertThat(((PaperUnscheduled) m).revision()).isEqualTo(11);
        });
        assertThatThrownBy(() -> Placement.place("e", outcome.sessions(), slot("a", 20), "s1", null, 12, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type().toString()).endsWith("/session-cancelled"));
    }

    @Test
    void onlyPresentationSessionsAreKept() {
        SessionScheduled lesson = new SessionScheduled(UUID.randomUUID(), NOW, "e", "s9", "DEMONSTRATION_LESSON", "Dự giờ",
                "Lớp 5A", NINE, NINE.plusSeconds(1800), 2);
        assertThat(Placement.scheduled("e", List.of(), lesson, 1, NOW)).isNull();
        SessionScheduled talk = new SessionScheduled(UUID.randomUUID(), NOW, "e", "s1", "PRESENTATION", "Tham luận",
                "Hội trường", NINE, NINE.plusSeconds(3600), 2);
        assertThat(Placement.scheduled("e", List.of(), talk, 1, NOW).sessions()).extracting(PresentationSession::id).containsExactly("s1");
    }
}
