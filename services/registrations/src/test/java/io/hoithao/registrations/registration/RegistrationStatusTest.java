package io.hoithao.registrations.registration;

import static io.hoithao.registrations.registration.RegistrationStatus.AWAITING_APPROVAL;
import static io.hoithao.registrations.registration.RegistrationStatus.CANCELLED;
import static io.hoithao.registrations.registration.RegistrationStatus.CONFIRMED;
import static io.hoithao.registrations.registration.RegistrationStatus.PENDING;
import static io.hoithao.registrations.registration.RegistrationStatus.REJECTED;
import static io.hoithao.registrations.registration.RegistrationStatus.WAITLISTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationStatusTest {

    /**
     * Every pair of statuses, written out by hand: "from → to" for an allowed transition, "from ↛ to" for a refused
     * one. A change to the table changes a line here.
     */
    static final List<String> TABLE = List.of(
            "PENDING ↛ PENDING", "PENDING ↛ AWAITING_APPROVAL", "PENDING → CONFIRMED", "PENDING → WAITLISTED",
            "PENDING ↛ REJECTED", "PENDING → CANCELLED",
            "AWAITING_APPROVAL → PENDING", "AWAITING_APPROVAL ↛ AWAITING_APPROVAL", "AWAITING_APPROVAL ↛ CONFIRMED",
            "AWAITING_APPROVAL ↛ WAITLISTED", "AWAITING_APPROVAL → REJECTED", "AWAITING_APPROVAL → CANCELLED",
            "CONFIRMED ↛ PENDING", "CONFIRMED ↛ AWAITING_APPROVAL", "CONFIRMED ↛ CONFIRMED", "CONFIRMED ↛ WAITLISTED",
            "CONFIRMED ↛ REJECTED", "CONFIRMED → CANCELLED",
            "WAITLISTED ↛ PENDING", "WAITLISTED ↛ AWAITING_APPROVAL", "WAITLISTED → CONFIRMED", "WAITLISTED ↛ WAITLISTED",
            "WAITLISTED ↛ REJECTED", "WAITLISTED → CANCELLED",
            "REJECTED ↛ PENDING", "REJECTED ↛ AWAITING_APPROVAL", "REJECTED ↛ CONFIRMED", "REJECTED ↛ WAITLISTED",
            "REJECTED ↛ REJECTED", "REJECTED ↛ CANCELLED",
            "CANCELLED ↛ PENDING", "CANCELLED ↛ AWAITING_APPROVAL", "CANCELLED ↛ CONFIRMED", "CANCELLED ↛ WAITLISTED",
            "CANCELLED ↛ REJECTED", "CANCELLED ↛ CANCELLED");

    @Test
    void everyPairOfStatusesIsAllowedOrRefusedAsTheTableSays() {
        List<String> actual = new ArrayList<>();
        for (RegistrationStatus from : RegistrationStatus.values()) {
            for (RegistrationStatus to : RegistrationStatus.values()) {
                actual.add(from + (from.canBecome(to) ? " → " : " ↛ ") + to);
            }
        }
        assertThat(actual).containsExactlyElementsOf(TABLE);
    }

    @Test
    void rejectedAndCancelledAreFinal() {
        EnumSet<RegistrationStatus> terminal = EnumSet.noneOf(RegistrationStatus.class);
        for (RegistrationStatus status : RegistrationStatus.values()) {
            if (status.terminal()) {
                terminal.add(status);
            }
        }
        assertThat(terminal).containsExactlyInAnyOrder(REJECTED, CANCELLED);
    }

    @Test
    void anActiveRegistrationMayBeCancelledAndOnlyAConfirmedDelegateIsCheckedIn() {
        assertThat(RegistrationStatus.cancellable()).containsExactlyInAnyOrder(PENDING, AWAITING_APPROVAL, CONFIRMED, WAITLISTED);
        assertThat(RegistrationStatus.checkingIn()).containsExactly(CONFIRMED);
        for (RegistrationStatus status : RegistrationStatus.values()) {
            assertThat(status.checksIn()).as(status.name()).isEqualTo(status == CONFIRMED);
        }
    }
}
