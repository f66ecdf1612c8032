package io.hoithao.observations.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.observations.ObserverWaitlisted;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.WaitlistLeft;
import io.hoithao.observations.booking.BookingService.Outcome;
import io.hoithao.observations.booking.BookingService.Released;
import io.hoithao.observations.booking.BookingService.Status;
import io.hoithao.observations.delegate.Observer;
import io.hoithao.observations.lesson.AgeGroup;
import io.hoithao.observations.lesson.Booking;
import io.hoithao.observations.lesson.Decision;
import io.hoithao.observations.lesson.Lesson;
import io.hoithao.observations.lesson.LessonStatus;
import io.hoithao.observations.lesson.Waiting;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each decision on a lesson's seats, in plain Java: a seat, a waiting place, nothing, or why not. */
class SeatingTest {

    static final Instant NOW = Instant.parse("2026-10-20T03:00:00Z");
    static final Observer LAN = new Observer("reg-lan", "evt-1", "lan@truong.edu.vn", "Cô Lan", "Trường A", true, NOW, "CONFIRMED");

    static Lesson lesson(LessonStatus status, int seats, List<Booking> bookings, List<Waiting> waitlist) {
        Instant starts = Instant.parse("2026-10-25T01:00:00Z");
        return new Lesson("les-1", "evt-1", null, "Bé tìm hiểu về nước", "Trường Mầm non Đồng Tâm", null, "A1", "Lá 1",
                AgeGroup.MAU_GIAO_LON, "Cô Hoa", "Khám phá", "Nhận thức", starts, starts.plusSeconds(2700), seats, status,
                bookings, waitlist, 4, 0, NOW, NOW);
    }

    static Booking booking(String registrationId) {
        return new Booking("bk-" + registrationId, registrationId, registrationId + "@x.vn", registrationId, NOW, "BOOKED", false);
    }

    static Waiting waiting(String registrationId) {
        return new Waiting(registrationId, registrationId + "@x.vn", registrationId, NOW);
    }

    @Test
    void aFreeSeatIsTakenWhileTheLessonIsAsReadAndASeatStillFree() {
        Lesson lesson = lesson(LessonStatus.SCHEDULED, 2, List.of(booking("reg-1")), List.of());
        Decision<Outcome> decision = Seating.take(lesson, LAN, BookingService.BOOKED, true, NOW);

        assertThat(decision).isInstanceOf(Decision.Change.class);
        Decision.Change<Outcome> change = (Decision.Change<Outcome>) decision;
        assertThat(change.guard()).isEqualTo(new Decision.Guard.SeatFreeFor("reg-lan"));
        assertThat(change.to()).isNull();
        Booking booking = (Booking) change.appended().get("bookings");
        assertThat(booking.registrationId()).isEqualTo("reg-lan");
        assertThat(booking.via()).isEqualTo("BOOKED");
        assertThat(booking.attended()).isFalse();
        assertThat(change.result()).isEqualTo(new Outcome("les-1", "reg-lan", Status.BOOKED, booking.bookingId(), 0, null));
        assertThat(change.messages()).singleElement().isInstanceOfSatisfying(SeatBooked.class, m -> {
            assertThat(m.bookingId()).isEqualTo(booking.bookingId());
            assertThat(m.delegateEmail()).isEqualTo("lan@truong.edu.vn");
            assertThat(m.seatsLeft()).isZero();
            assertThat(m.revision()).isEqualTo(5);
        });
    }

    @Test
    void aFullLessonGivesAWaitingPlaceWhileItIsStillFullOrNothingToWhoWillNotWait() {
        Lesson full = lesson(LessonStatus.SCHEDULED, 1, List.of(booking("reg-1")), List.of(waiting("reg-2")));

        Decision.Change<Outcome> change = (Decision.Change<Outcome>) Seating.take(full, LAN, BookingService.BOOKED, true, NOW);
        assertThat(change.guard()).isEqualTo(new Decision.Guard.StillFullFor("reg-lan"));
        assertThat(((Waiting) change.appended().get("waitlist")).registrationId()).isEqualTo("reg-lan");
        assertThat(change.result()).isEqualTo(new Outcome("les-1", "reg-lan", Status.WAITLISTED, null, 0, 2));
        assertThat(change.messages()).singleElement().isInstanceOf(ObserverWaitlisted.class);

        assertThat(Seating.take(full, LAN, BookingService.ROTATION, false, NOW))
                .isEqualTo(new Decision.Done<>(new Outcome("les-1", "reg-lan", Status.FULL, null, 0, null)));
    }

    @Test
    void aCancelledLessonOrASecondPlaceIsRefused() {
        assertThat(Seating.take(lesson(LessonStatus.CANCELLED, 3, List.of(), List.of()), LAN, BookingService.BOOKED, true, NOW))
                .isEqualTo(new Decision.Refused<>(new Decision.NotBookable("les-1", LessonStatus.CANCELLED)));
        assertThat(Seating.take(lesson(LessonStatus.SCHEDULED, 3, List.of(booking("reg-lan")), List.of()), LAN,
                BookingService.BOOKED, true, NOW))
                .isEqualTo(new Decision.Refused<>(new Decision.AlreadyHeld("les-1", "reg-lan", "BOOKED")));
        assertThat(Seating.refuseSecondPlace(lesson(LessonStatus.SCHEDULED, 1, List.of(booking("reg-1")), List.of(waiting("reg-lan"))),
                "reg-lan")).contains(new Decision.AlreadyHeld("les-1", "reg-lan", "WAITLISTED"));
        assertThat(Seating.refuseSecondPlace(lesson(LessonStatus.SCHEDULED, 3, List.of(), List.of()), "reg-lan")).isEmpty();
        assertThat(Seating.refuseBooking(lesson(LessonStatus.SCHEDULED, 3, List.of(), List.of()))).isEmpty();
    }

    @Test
    void givingUpASeatOrAWaitingPlaceIsToldAndNothingHeldChangesNothing() {
        Lesson lesson = lesson(LessonStatus.SCHEDULED, 2, List.of(booking("reg-1"), booking("reg-lan")), List.of(waiting("reg-2")));

        Decision.Change<Released> seat = (Decision.Change<Released>) Seating.giveUp(lesson, "reg-lan", "ốm", NOW);
        assertThat(seat.removed()).containsExactly(Map.entry("bookings", "reg-lan"));
        assertThat(seat.guard()).isEqualTo(Decision.Guard.AS_READ);
        assertThat(seat.result()).isEqualTo(Released.SEAT);
        assertThat(seat.messages()).singleElement().isInstanceOfSatisfying(SeatReleased.class, m -> {
            assertThat(m.bookingId()).isEqualTo("bk-reg-lan");
            assertThat(m.seatsLeft()).isEqualTo(1);
            assertThat(m.reason()).isEqualTo("ốm");
            assertThat(m.revision()).isEqualTo(5);
        });

        Decision.Change<Released> place = (Decision.Change<Released>) Seating.giveUp(lesson, "reg-2", "ốm", NOW);
        assertThat(place.removed()).containsExactly(Map.entry("waitlist", "reg-2"));
        assertThat(place.result()).isEqualTo(Released.WAITING_PLACE);
        assertThat(place.messages()).singleElement().isInstanceOf(WaitlistLeft.class);

        assertThat(Seating.giveUp(lesson, "reg-9", "ốm", NOW)).isEqualTo(new Decision.Done<>(Released.NOTHING));
    }

    @Test
    void attendanceIsMarkedForBookedObserversOnly() {
        Lesson lesson = lesson(LessonStatus.SCHEDULED, 2, List.of(booking("reg-1")), List.of(waiting("reg-2")));

        assertThat(Seating.refuseAttendance(lesson, List.of("reg-1"))).isEmpty();
        assertThat(Seating.refuseAttendance(lesson, List.of("reg-1", "reg-2", "reg-3")))
                .contains(new Decision.NotBooked("les-1", List.of("reg-2", "reg-3")));
    }
}
