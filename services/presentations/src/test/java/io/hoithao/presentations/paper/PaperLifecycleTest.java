package io.hoithao.presentations.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRejected;
import io.hoithao.contracts.presentations.PaperRevised;
import io.hoithao.contracts.presentations.PaperRevisionRequested;
import io.hoithao.contracts.presentations.PaperWithdrawn;
import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.status.StatusChange;
import io.hoithao.platform.web.ProblemException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

/** Each command decided on a paper in every status, in plain Java: what it writes and tells, or why not. */
class PaperLifecycleTest {

    static final Instant NOW = Instant.parse("2026-09-10T03:00:00Z");
    static final Paper.Material SLIDES = new Paper.Material("m1", "slides.pdf", "application/pdf", 10, "ab", NOW);
    static final PaperRequest EDIT = new PaperRequest(" Dạy học STEM ", " Tóm tắt ", List.of(" Nguyễn Thị Lan "), null, null,
            20, " ");

    static Paper paper(PaperStatus status) {
        return paper(status, List.of(), List.of());
    }

    static Paper paper(PaperStatus status, List<Paper.Review> reviews, List<Paper.Material> materials) {
        return new Paper("p-1", "evt-1", "STEM", "Tóm tắt", List.of("Lan"), "Trường Mầm non Đồng Tâm", "unit-1", 15, null,
                new Paper.Submitter("reg-1", "lan@example.vn", "Nguyễn Thị Lan"), status, 4, NOW, NOW, reviews, null,
                materials);
    }

    static Paper.Review review(String email) {
        return new Paper.Review("Reviewer " + email, email, 8, "Tốt", NOW);
    }

    /** The status changes a paper is asked for, the status each asks for (or stays in) and what it tells. */
    enum Command {
        EDIT(PaperStatus.SUBMITTED, "EDITED", PaperRevised.class,
                paper -> PaperLifecycle.edit(paper, true, PaperLifecycleTest.EDIT, null, NOW)),
        REVIEW(PaperStatus.UNDER_REVIEW, "UNDER_REVIEW", null,
                paper -> PaperLifecycle.review(paper, review("b@example.vn"), r -> false)),
        ACCEPT(PaperStatus.ACCEPTED, "ACCEPTED", PaperAccepted.class,
                paper -> PaperLifecycle.decide(paper, PaperStatus.ACCEPTED, "Hay", NOW)),
        REJECT(PaperStatus.REJECTED, "REJECTED", PaperRejected.class,
                paper -> PaperLifecycle.decide(paper, PaperStatus.REJECTED, null, NOW)),
        ASK_FOR_REVISION(PaperStatus.REVISION_REQUESTED, "REVISION_REQUESTED", PaperRevisionRequested.class,
                paper -> PaperLifecycle.decide(paper, PaperStatus.REVISION_REQUESTED, null, NOW)),
        WITHDRAW(PaperStatus.WITHDRAWN, "WITHDRAWN", PaperWithdrawn.class,
                paper -> PaperLifecycle.withdraw(paper, true, NOW));

        final PaperStatus target;
        final String requested;
        final Class<?> message;
        final Function<Paper, PaperDecision> decide;

        Command(PaperStatus target, String requested, Class<?> message, Function<Paper, PaperDecision> decide) {
            this.target = target;
            this.requested = requested;
            this.message = message;
            this.decide = decide;
        }
    }

    static Stream<Arguments> everyStatusAndCommand() {
        return Arrays.stream(PaperStatus.values())
                .flatMap(status -> Arrays.stream(Command.values()).map(command -> Arguments.of(status, command)));
    }

    @ParameterizedTest
    @MethodSource("everyStatusAndCommand")
    void eachCommandMovesAlongTheTableOrKeepsItsStatusOrIsRefusedNamingBoth(PaperStatus status, Command command) {
        PaperDecision decision = command.decide.apply(paper(status));

        boolean stays = status == command.target && (command == Command.EDIT || command == Command.REVIEW);
        if (stays || PaperStatusTest.NEXT.get(status).contains(command.target)) {
            PaperDecision.Change change = (PaperDecision.Change) decision;
            assertThat(change.write().from()).isEqualTo(status);
            assertThat(change.write().to()).isEqualTo(stays ? null : command.target);
            if (command.message == null) {
                assertThat(change.write().messages()).isEmpty();
            } else {
                assertThat(change.write().messages()).singleElement().isInstanceOf(command.message);
            }
        } else {
            assertThat(decision).isEqualTo(new PaperDecision.InvalidTransition("p-1", status, command.requested));
        }
    }

    @Test
    void aChangeOutsideTheTableCannotBeMade() {
        assertThatThrownBy(() -> new PaperDecision.Change(new StatusChange<>(PaperStatus.REJECTED, PaperStatus.SUBMITTED,
                Map.of(), Map.of(), List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaperDecision.Change(new StatusChange<>(PaperStatus.UNDER_REVIEW,
                PaperStatus.UNDER_REVIEW, Map.of(), Map.of(), List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaperLifecycle.decide(paper(PaperStatus.UNDER_REVIEW), PaperStatus.WITHDRAWN, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(PaperStatus.class)
    void onlyTheSubmitterEditsWithdrawsAndAddsMaterials(PaperStatus status) {
        Paper paper = paper(status);
        assertThat(PaperLifecycle.edit(paper, false, EDIT, null, NOW)).isEqualTo(new PaperDecision.NotSubmitter("p-1"));
        assertThat(PaperLifecycle.withdraw(paper, false, NOW)).isEqualTo(new PaperDecision.NotSubmitter("p-1"));
        assertThat(PaperLifecycle.addMaterial(paper, false, SLIDES, 5)).isEqualTo(new PaperDecision.NotSubmitter("p-1"));
    }

    @Test
    void anEditWritesTheTrimmedContentAndKeepsThePapersUnitUnlessAManagerNamedAnother() {
        PaperDecision.Change own = (PaperDecision.Change) PaperLifecycle.edit(paper(PaperStatus.REVISION_REQUESTED), true,
                EDIT, null, NOW);
        assertThat(own.write().fields()).containsEntry("title", "Dạy học STEM").containsEntry("abstract", "Tóm tắt")
                .containsEntry("presenters", List.of("Nguyễn Thị Lan")).containsEntry("unitId", "unit-1")
                .containsEntry("unit", "Trường Mầm non Đồng Tâm").containsEntry("requestedMinutes", 20)
                .containsEntry("topic", null);
        PaperRevised revised = (PaperRevised) own.write().messages().get(0);
        assertThat(revised.title()).isEqualTo("Dạy học STEM");

        PaperDecision.Change moved = (PaperDecision.Change) PaperLifecycle.edit(paper(PaperStatus.SUBMITTED), true, EDIT,
                new KnownUnits.KnownUnit("unit-2", "Trường Tiểu học Đồng Tâm", null, null), NOW);
        assertThat(moved.write().fields()).containsEntry("unitId", "unit-2").containsEntry("unit", "Trường Tiểu học Đồng Tâm");
    }

    @Test
    void aReviewerReviewsOnceAndTheReviewIsAppended() {
        Paper reviewed = paper(PaperStatus.UNDER_REVIEW, List.of(review("a@example.vn")), List.of());
        assertThat(PaperLifecycle.review(reviewed, review("a@example.vn"), r -> r.reviewerEmail().equals("a@example.vn")))
                .isEqualTo(new PaperDecision.AlreadyReviewed("p-1", "Reviewer a@example.vn"));
        PaperDecision.Change second = (PaperDecision.Change) PaperLifecycle.review(reviewed, review("b@example.vn"),
                r -> r.reviewerEmail().equals("b@example.vn"));
        assertThat(second.write().appended()).isEqualTo(Map.of("reviews", review("b@example.vn")));
        assertThat(second.write().to()).isNull();
    }

    @Test
    void aDecisionIsRecordedWithItsCommentAndToldToTheSubmitter() {
        PaperDecision.Change accepted = (PaperDecision.Change) PaperLifecycle.decide(paper(PaperStatus.UNDER_REVIEW),
                PaperStatus.ACCEPTED, "Hay", NOW);
        assertThat(accepted.write().fields()).isEqualTo(Map.of("decision", new Paper.Decision(PaperStatus.ACCEPTED, "Hay", NOW)));
        PaperAccepted told = (PaperAccepted) accepted.write().messages().get(0);
        assertThat(told.submitterEmail()).isEqualTo("lan@example.vn");
        assertThat(told.unit()).isEqualTo("Trường Mầm non Đồng Tâm");
    }

    @ParameterizedTest
    @EnumSource(PaperStatus.class)
    void materialsAreAddedUntilThePaperIsFinalAndUpToTheLimit(PaperStatus status) {
        PaperDecision added = PaperLifecycle.addMaterial(paper(status), true, SLIDES, 5);
        if (Set.of(PaperStatus.REJECTED, PaperStatus.WITHDRAWN).contains(status)) {
            assertThat(added).isEqualTo(new PaperDecision.InvalidTransition("p-1", status, "MATERIAL_ADDED"));
        } else {
            PaperDecision.Change change = (PaperDecision.Change) added;
            assertThat(change.write().to()).isNull();
            assertThat(change.write().appended()).isEqualTo(Map.of("materials", SLIDES));
            assertThat(change.write().messages()).isEmpty();
            Paper full = paper(status, List.of(), Collections.nCopies(5, SLIDES));
            assertThat(PaperLifecycle.addMaterial(full, true, SLIDES, 5))
                    .isEqualTo(new PaperDecision.TooManyMaterials("p-1", 5, 5));
        }
    }

    /** The refusals answer as before: the same types, statuses, texts and extra members. */
    @Test
    void eachRefusalIsAnsweredAsItsProblem() {
        ProblemException transition = PaperProblems.problem(
                new PaperDecision.InvalidTransition("p-1", PaperStatus.REJECTED, "EDITED"));
        assertThat(transition.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(transition.type().toString()).endsWith("/invalid-transition");
        assertThat(transition.getMessage()).isEqualTo("Paper p-1 is REJECTED; it cannot become EDITED");
        assertThat(transition.properties()).containsEntry("currentState", "REJECTED").containsEntry("requestedState", "EDITED");

        ProblemException notSubmitter = PaperProblems.problem(new PaperDecision.NotSubmitter("p-1"));
        assertThat(notSubmitter.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notSubmitter.type().toString()).endsWith("/not-submitter");
        assertThat(notSubmitter.getMessage()).isEqualTo("Only the delegate who submitted paper p-1 may change it");
        assertThat(notSubmitter.properties()).containsEntry("paperId", "p-1");

        ProblemException reviewed = PaperProblems.problem(new PaperDecision.AlreadyReviewed("p-1", "Trần Văn Bình"));
        assertThat(reviewed.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reviewed.type().toString()).endsWith("/already-reviewed");
        assertThat(reviewed.getMessage()).isEqualTo("Trần Văn Bình has already reviewed paper p-1");
        assertThat(reviewed.properties()).containsEntry("paperId", "p-1");

        ProblemException materials = PaperProblems.problem(new PaperDecision.TooManyMaterials("p-1", 5, 5));
        assertThat(materials.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(materials.type().toString()).endsWith("/too-many-materials");
        assertThat(materials.getMessage()).isEqualTo("Paper p-1 already has 5 materials");
        assertThat(materials.properties()).containsEntry("maxPerPaper", 5);
    }
}
