package io.hoithao.registrations.registration;

import static io.hoithao.registrations.registration.RegistrationStatus.AWAITING_APPROVAL;
import static io.hoithao.registrations.registration.RegistrationStatus.CANCELLED;
import static io.hoithao.registrations.registration.RegistrationStatus.CONFIRMED;
import static io.hoithao.registrations.registration.RegistrationStatus.PENDING;
import static io.hoithao.registrations.registration.RegistrationStatus.REJECTED;
import static io.hoithao.registrations.registration.RegistrationStatus.WAITLISTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decisions alone, without Mongo or HTTP: what each command decides in every status. */
class LifecycleTest {

    static final Instant NOW = Instant.parse("2027-10-20T01:00:00Z");

    static Registration in(RegistrationStatus status) {
        return new Registration("reg-1", "evt-1", "Nguyễn Thị Hoà", "hoa@mndongtam.edu.vn", "0912345678",
                "Trường Mầm non Đồng Tâm", "unit-1", null, DelegateCategory.TEACHER, null, status,
                status == CONFIRMED ? "K7QM-3XPD" : null, null, null, List.of(), 3, NOW, NOW, 7L, null);
    }

    /** What a decision is, in one line: the change's transition, "done", or the refusal's requested status. */
    static String summary(Decision decision) {
        if (decision instanceof Decision.Change change) {
            return change.from() + " → " + change.to();
        }
        if (decision instanceof Decision.Done done) {
            return "done, " + done.registration().status();
        }
        Decision.InvalidTransition invalid = (Decision.InvalidTransition) decision;
        return "refused, " + invalid.current() + " cannot become " + invalid.requested();
    }

    static List<String> inEveryStatus(java.util.function.Function<Registration, Decision> command) {
        List<String> lines = new ArrayList<>();
        for (RegistrationStatus status : RegistrationStatus.values()) {
            lines.add(status + ": " + summary(command.apply(in(status))));
        }
        return lines;
    }

    @Test
    void approvalMakesAnAwaitingRegistrationPendingAndAnswersOneApprovedBeforeAsItIs() {
        assertThat(inEveryStatus(Lifecycle::approve)).containsExactly(
                "PENDING: refused, PENDING cannot become CONFIRMED",
                "AWAITING_APPROVAL: AWAITING_APPROVAL → PENDING",
                "CONFIRMED: done, CONFIRMED",
                "WAITLISTED: done, WAITLISTED",
                "REJECTED: refused, REJECTED cannot become CONFIRMED",
                "CANCELLED: refused, CANCELLED cannot become CONFIRMED");
        Decision.Change approval = (Decision.Change) Lifecycle.approve(in(AWAITING_APPROVAL));
        assertThat(approval.messages()).isEmpty();
        assertThat(approval.fields()).isEmpty();
    }

    @Test
    void onlyAnAwaitingRegistrationIsRejectedAndRejectingTwiceChangesNothing() {
        assertThat(inEveryStatus(r -> Lifecycle.reject(r, "Không đúng đối tượng", NOW))).containsExactly(
                "PENDING: refused, PENDING cannot become REJECTED",
                "AWAITING_APPROVAL: AWAITING_APPROVAL → REJECTED",
                "CONFIRMED: refused, CONFIRMED cannot become REJECTED",
                "WAITLISTED: refused, WAITLISTED cannot become REJECTED",
                "REJECTED: done, REJECTED",
                "CANCELLED: refused, CANCELLED cannot become REJECTED");
        Decision.Change rejection = (Decision.Change) Lifecycle.reject(in(AWAITING_APPROVAL), "Không đúng đối tượng", NOW);
        assertThat(rejection.fields()).isEqualTo(Map.of("reason", "Không đúng đối tượng"));
        assertThat(rejection.messages()).singleElement().isInstanceOfSatisfying(RegistrationRejected.class,
                m -> assertThat(m.reason()).isEqualTo("Không đúng đối tượng"));
    }

    @Test
    void everyActiveRegistrationIsCancelledTellingWhetherItHeldASeat() {
        assertThat(inEveryStatus(r -> Lifecycle.cancel(r, "Bận công tác", NOW))).containsExactly(
                "PENDING: PENDING → CANCELLED",
                "AWAITING_APPROVAL: AWAITING_APPROVAL → CANCELLED",
                "CONFIRMED: CONFIRMED → CANCELLED",
                "WAITLISTED: WAITLISTED → CANCELLED",
                "REJECTED: refused, REJECTED cannot become CANCELLED",
                "CANCELLED: done, CANCELLED");
        for (RegistrationStatus status : RegistrationStatus.cancellable()) {
            Decision.Change cancellation = (Decision.Change) Lifecycle.cancel(in(status), "Bận công tác", NOW);
            assertThat(cancellation.messages()).singleElement().isInstanceOfSatisfying(RegistrationCancelled.class,
                    m -> assertThat(m.wasConfirmed()).as(status.name()).isEqualTo(status == CONFIRMED));
        }
    }

    @Test
    void theSeatDecisionsAndThePromotionAreTransitionsOfTheTable() {
        Decision.Change confirmed = Lifecycle.confirm(in(PENDING), 4, "K7QM-3XPD", NOW);
        assertThat(summary(confirmed)).isEqualTo("PENDING → CONFIRMED");
        assertThat(confirmed.fields()).isEqualTo(Map.of("confirmationCode", "K7QM-3XPD", "turn", 4L));
        assertThat(confirmed.messages()).singleElement().isInstanceOf(RegistrationConfirmed.class);

        Decision.Change waitlisted = Lifecycle.waitlist(in(PENDING), 5, NOW);
        assertThat(summary(waitlisted)).isEqualTo("PENDING → WAITLISTED");
        assertThat(waitlisted.fields()).isEqualTo(Map.of("turn", 5L));
        assertThat(waitlisted.messages()).singleElement().isInstanceOf(RegistrationWaitlisted.class);

        Decision.Change promoted = Lifecycle.promote(in(WAITLISTED), "K7QM-3XPE", NOW);
        assertThat(summary(promoted)).isEqualTo("WAITLISTED → CONFIRMED");
        assertThat(promoted.messages()).singleElement().isInstanceOfSatisfying(RegistrationPromoted.class,
                m -> assertThat(m.confirmationCode()).isEqualTo("K7QM-3XPE"));
    }

    @Test
    void aChangeOutsideTheTableCannotBeMade() {
        assertThatThrownBy(() -> Lifecycle.cancellation(in(REJECTED), "late", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REJECTED cannot become CANCELLED");
        assertThatThrownBy(() -> new Decision.Change("reg-1", CONFIRMED, WAITLISTED, Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONFIRMED cannot become WAITLISTED");
    }

    @Test
    void aNewRegistrationWaitsForApprovalWithItsMessageOrIsPendingWithNone() {
        RegistrationRequest request = new RegistrationRequest("evt-1", "  Nguyễn Thị Hoà ", "hoa@mndongtam.edu.vn",
                "0912 345 678", "Trường Mầm non Đồng Tâm", "unit-1", " ", DelegateCategory.TEACHER, null);
        Lifecycle.Registered awaiting = Lifecycle.register(request, "hoa@mndongtam.edu.vn", null, true, NOW);
        assertThat(awaiting.registration().status()).isEqualTo(AWAITING_APPROVAL);
        assertThat(awaiting.messages()).singleElement().isInstanceOf(RegistrationPendingApproval.class);

        Lifecycle.Registered pending = Lifecycle.register(request, "hoa@mndongtam.edu.vn", null, false, NOW);
        assertThat(pending.registration().status()).isEqualTo(PENDING);
        assertThat(pending.messages()).isEmpty();
        assertThat(pending.registration().fullName()).isEqualTo("Nguyễn Thị Hoà");
        assertThat(pending.registration().phone()).isEqualTo("0912345678");
        assertThat(pending.registration().position()).isNull();
    }
}
