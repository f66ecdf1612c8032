package io.hoithao.observations.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.WaitlistLeft;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each decision on a lesson, in plain Java: what it writes and tells, that nothing is to be done, or why not. */
class LifecycleTest {

    static final Instant NOW = Instant.parse("2026-10-20T03:00:00Z");
    static final Instant STARTS = Instant.parse("2026-10-25T01:00:00Z");
    static final Instant ENDS = STARTS.plusSeconds(2700);

    static Lesson lesson(LessonStatus status, int seats, List<Booking> bookings, List<Waiting> waitlist) {
        return new Lesson("les-1", "evt-1", "ses-1", "Bé tìm hiểu về nước", "Trường Mầm non Đồng Tâm", "venue-1", "A1", "Lá 1",
                AgeGroup.MAU_GIAO_LON, "Cô Lan", "Khám phá", "Nhận thức", STARTS, ENDS, seats, status, bookings, waitlist,
                7, 2, NOW, NOW);
    }

    static Booking booking(String registrationId) {
        return new Booking("bk-" + registrationId, registrationId, registrationId + "@truong.edu.vn", "Cô " + registrationId,
                NOW, "BOOKED", false);
    }

    static Waiting waiting(String registrationId) {
        return new Waiting(registrationId, registrationId + "@truong.edu.vn", "Cô " + registrationId, NOW);
    }

    static LessonDetails details(String classroom, int seats) {
        return new LessonDetails(" " + classroom + " ", "Lá 2", AgeGroup.MAU_GIAO_NHO, "Cô Hoa", "Làm thí nghiệm", "Thẩm mỹ", seats);
    }

    static <R> Decision.Change<R> change(Decision<R> decision) {
        assertThat(decision).isInstanceOf(Decision.Change.class);
        return (Decision.Change<R>) decision;
    }

    static Decision.Refusal refusal(Decision<?> decision) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused<?>) decision).refusal();
    }

    // --- a new lesson

    static LessonRequest request(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return new LessonRequest(" Bé chơi với cát ", " Trường Mầm non Hoa Sen ", " B2 ", "Chồi 1", AgeGroup.MAU_GIAO_NHO,
                "Cô Mai", "Chơi cát", "Vận động", startsAt, endsAt, 5);
    }

    @Test
    void aLessonEndsAfterItStartsAndACancelledEventTakesNoNewOne() {
        OffsetDateTime start = STARTS.atOffset(ZoneOffset.ofHours(7));
        assertThat(Lifecycle.refuseTimes(request(start, start))).contains(new Decision.InvalidField("endsAt", "must be after startsAt"));
        assertThat(Lifecycle.refuseTimes(request(start, start.minusMinutes(1)))).isPresent();
        assertThat(Lifecycle.refuseTimes(request(start, start.plusMinutes(45)))).isEmpty();
        assertThat(Lifecycle.refuseNewLesson("evt-1", true)).contains(new Decision.EventCancelled("evt-1"));
        assertThat(Lifecycle.refuseNewLesson("evt-1", false)).isEmpty();
    }

    @Test
    void anAddedLessonIsScheduledWithoutPlacesAndToldWithItsPlace() {
        OffsetDateTime start = STARTS.atOffset(ZoneOffset.ofHours(7));
        Lifecycle.Added added = Lifecycle.add("evt-1", request(start, start.plusMinutes(45)), "venue-9", NOW);

        Lesson lesson = added.lesson();
        assertThat(lesson.id()).startsWith("les-").hasSize(17);
        assertThat(lesson.status()).isEqualTo(LessonStatus.SCHEDULED);
        assertThat(lesson.title()).isEqualTo("Bé chơi với cát");
        assertThat(lesson.hostSchool()).isEqualTo("Trường Mầm non Hoa Sen");
        assertThat(lesson.classroom()).isEqualTo("B2");
        assertThat(lesson.venueId()).isEqualTo("venue-9");
        assertThat(lesson.startsAt()).isEqualTo(STARTS);
        assertThat(lesson.seats()).isEqualTo(5);
        assertThat(lesson.bookings()).isEmpty();
        assertThat(lesson.waitlist()).isEmpty();
        assertThat(lesson.version()).isZero();
        assertThat(added.messages()).singleElement().isInstanceOfSatisfying(LessonScheduled.class, m -> {
            assertThat(m.lessonId()).isEqualTo(lesson.id());
            assertThat(m.classroom()).as("the place").isEqualTo("B2 – Trường Mầm non Hoa Sen");
            assertThat(m.room()).isEqualTo("B2");
            assertThat(m.seats()).isEqualTo(5);
        });
    }

    static SessionScheduled session(String type, String host, Integer seats) {
        return new SessionScheduled(UUID.randomUUID(), NOW, "evt-1", "ses-7", type, "Dự giờ", "Hội trường", STARTS, ENDS, 3,
                host, "A1", seats, "venue-1");
    }

    @Test
    void onlyADemonstrationLessonSessionBecomesALessonWithEightSeatsUnlessItSaysOtherwise() {
        assertThat(Lifecycle.fromSession(session("PLENARY", "Trường A", 4), NOW)).isEmpty();

        Lesson lesson = Lifecycle.fromSession(session(Lifecycle.DEMONSTRATION_LESSON, null, null), NOW).orElseThrow();
        assertThat(lesson.id()).isEqualTo(Lifecycle.idOfSession("ses-7")).isEqualTo("les-ses-7");
        assertThat(lesson.seats()).isEqualTo(Lifecycle.DEFAULT_SEATS).isEqualTo(8);
        assertThat(lesson.hostSchool()).as("the venue's name without a host").isEqualTo("Hội trường");
        assertThat(lesson.sessionRevision()).isEqualTo(3);
        assertThat(lesson.className()).isNull();

        Lesson hosted = Lifecycle.fromSession(session(Lifecycle.DEMONSTRATION_LESSON, "Trường A", 4), NOW).orElseThrow();
        assertThat(hosted.hostSchool()).isEqualTo("Trường A");
        assertThat(hosted.seats()).isEqualTo(4);
    }

    // --- details

    @Test
    void detailsAreSetAndToldWithTheNewPlace() {
        Lesson lesson = lesson(LessonStatus.SCHEDULED, 3, List.of(booking("r1")), List.of());
        Decision.Change<Lesson> change = change(Lifecycle.details(lesson, details("B4", 4), NOW));

        assertThat(change.to()).isNull();
        assertThat(change.guard()).isEqualTo(Decision.Guard.AS_READ);
        assertThat(change.fields()).containsEntry("classroom", "B4").containsEntry("className", "Lá 2")
                .containsEntry("ageGroup", AgeGroup.MAU_GIAO_NHO).containsEntry("teacher", "Cô Hoa")
                .containsEntry("activity", "Làm thí nghiệm").containsEntry("developmentalArea", "Thẩm mỹ").containsEntry("seats", 4)
                .hasSize(7);
        assertThat(change.appended()).isEmpty();
        assertThat(change.removed()).isEmpty();
        assertThat(change.result()).isSameAs(lesson);
        assertThat(change.messages()).singleElement().isInstanceOfSatisfying(LessonScheduled.class, m -> {
            assertThat(m.room()).isEqualTo("B4");
            assertThat(m.classroom()).as("the place").isEqualTo("B4 – Trường Mầm non Đồng Tâm");
            assertThat(m.seats()).isEqualTo(4);
        });
    }

    @Test
    void noFewerSeatsThanBookedObservers() {
        Lesson lesson = lesson(LessonStatus.SCHEDULED, 3, List.of(booking("r1"), booking("r2")), List.of());

        assertThat(refusal(Lifecycle.details(lesson, details("A1", 1), NOW))).isEqualTo(new Decision.SeatsBelowBookings("les-1", 2, 1));
        assertThat(change(Lifecycle.details(lesson, details("A1", 2), NOW)).fields()).containsEntry("seats", 2);
    }

    @Test
    void aCancelledLessonTakesNoDetails() {
        Lesson lesson = lesson(LessonStatus.CANCELLED, 3, List.of(), List.of());

        assertThat(refusal(Lifecycle.details(lesson, details("A1", 3), NOW)))
                .isEqualTo(new Decision.NotBookable("les-1", LessonStatus.CANCELLED));
    }

    // --- the session moved or changed place

    static SessionMoved moved(long revision, Instant startsAt) {
        return new SessionMoved(UUID.randomUUID(), NOW, "evt-1", "ses-1", "Hội trường", startsAt, startsAt.plusSeconds(2700), revision);
    }

    @Test
    void aMoveIsTakenOnceAndToldOnlyWhenTheTimeChanges() {
        Lesson lesson = lesson(LessonStatus.SCHEDULED, 3, List.of(), List.of());

        assertThat(Lifecycle.move(lesson, moved(2, STARTS.plusSeconds(3600)), NOW)).as("old news").isEqualTo(new Decision.Done<>(false));
        assertThat(Lifecycle.move(lesson(LessonStatus.CANCELLED, 3, List.of(), List.of()), moved(3, STARTS.plusSeconds(3600)), NOW))
                .isEqualTo(new Decision.Done<>(false));

        Decision.Change<Boolean> same = change(Lifecycle.move(lesson, moved(3, STARTS), NOW));
        assertThat(same.fields()).containsExactly(java.util.Map.entry("sessionRevision", 3L));
        assertThat(same.messages()).isEmpty();
        assertThat(same.result()).isTrue();

        Decision.Change<Boolean> later = change(Lifecycle.move(lesson, moved(4, STARTS.plusSeconds(3600)), NOW));
        assertThat(later.fields()).containsEntry("sessionRevision", 4L).containsEntry("startsAt", STARTS.plusSeconds(3600))
                .containsEntry("endsAt", STARTS.plusSeconds(3600 + 2700));
        assertThat(later.messages()).singleElement().isInstanceOfSatisfying(LessonMoved.class, m -> {
            assertThat(m.startsAt()).isEqualTo(STARTS.plusSeconds(3600));
            assertThat(m.revision()).isEqualTo(8);
        });
    }

    @Test
    void aPlaceKeepsNoFewerSeatsThanBookedAndRemovesWhatItDoesNotName() {
        Lesson lesson = lesson(LessonStatus.SCHEDULED, 3, List.of(booking("r1"), booking("r2")), List.of());
        Lesson decided = Lifecycle.withPlace(lesson, "Trường B", null, null, 1);

        Decision.Change<Lesson> change = change(Lifecycle.place(lesson, decided, NOW));
        assertThat(change.fields()).containsEntry("hostSchool", "Trường B").containsEntry("seats", 3)
                .containsEntry("venueId", null).containsEntry("classroom", null);
        assertThat(change.messages()).singleElement().isInstanceOfSatisfying(LessonScheduled.class, m -> {
            assertThat(m.classroom()).as("the place").isEqualTo("Trường B");
            assertThat(m.room()).isNull();
            assertThat(m.seats()).isEqualTo(3);
        });
        assertThat(Lifecycle.seatsKept(lesson, 1)).isEqualTo(3);
        assertThat(Lifecycle.seatsKept(lesson, 2)).isEqualTo(2);
        assertThat(Lifecycle.seatsKept(lesson, 6)).isEqualTo(6);
    }

    // --- cancellation

    @Test
    void cancellingLetsEveryPlaceLapseAndTellsEachOne() {
        Lesson lesson = lesson(LessonStatus.SCHEDULED, 3, List.of(booking("r1"), booking("r2")), List.of(waiting("w1")));
        Decision.Change<Optional<Lesson>> change = change(Lifecycle.cancel(lesson, "Mưa bão", NOW));

        assertThat(change.from()).isEqualTo(LessonStatus.SCHEDULED);
        assertThat(change.to()).isEqualTo(LessonStatus.CANCELLED);
        assertThat(change.fields()).containsEntry("cancelledBookings", lesson.bookings()).containsEntry("bookings", List.of())
                .containsEntry("waitlist", List.of());
        assertThat(change.result()).containsSame(lesson);
        assertThat(change.messages()).hasSize(4);
        assertThat(change.messages().get(0)).isInstanceOfSatisfying(LessonCancelled.class, m -> {
            assertThat(m.reason()).isEqualTo("Mưa bão");
            assertThat(m.revision()).isEqualTo(8);
        });
        assertThat(change.messages()).filteredOn(SeatReleased.class::isInstance).map(SeatReleased.class::cast)
                .extracting(SeatReleased::registrationId, SeatReleased::seatsLeft, SeatReleased::revision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r1", 3, 8L), org.assertj.core.groups.Tuple.tuple("r2", 3, 8L));
        assertThat(change.messages()).filteredOn(WaitlistLeft.class::isInstance).map(WaitlistLeft.class::cast)
                .extracting(WaitlistLeft::registrationId).containsExactly("w1");
    }

    @Test
    void aCancelledLessonIsNotCancelledAgain() {
        assertThat(Lifecycle.cancel(lesson(LessonStatus.CANCELLED, 3, List.of(), List.of()), "again", NOW))
                .isEqualTo(new Decision.Done<>(Optional.empty()));
    }

    // --- promotion

    @Test
    void theFirstWaitingDelegateTakesAFreeSeat() {
        Lesson lesson = lesson(LessonStatus.SCHEDULED, 2, List.of(booking("r1")), List.of(waiting("w1"), waiting("w2")));
        Decision.Change<Integer> change = change(Lifecycle.promoteFirst(lesson, NOW));

        assertThat(change.removed()).containsExactly(java.util.Map.entry("waitlist", "w1"));
        assertThat(change.appended()).containsOnlyKeys("bookings");
        assertThat((Booking) change.appended().get("bookings")).satisfies(b -> {
            assertThat(b.registrationId()).isEqualTo("w1");
            assertThat(b.via()).isEqualTo("PROMOTED");
        });
        assertThat(change.result()).isEqualTo(1);
        assertThat(change.messages()).singleElement().isInstanceOfSatisfying(SeatBooked.class, m -> {
            assertThat(m.registrationId()).isEqualTo("w1");
            assertThat(m.seatsLeft()).isZero();
            assertThat(m.revision()).isEqualTo(8);
        });
    }

    @ParameterizedTest
    @EnumSource(LessonStatus.class)
    void nobodyIsPromotedFromAFullLessonAnEmptyListOrACancelledLesson(LessonStatus status) {
        assertThat(Lifecycle.promoteFirst(lesson(status, 1, List.of(booking("r1")), List.of(waiting("w1"))), NOW))
                .isEqualTo(new Decision.Done<>(0));
        assertThat(Lifecycle.promoteFirst(lesson(status, 3, List.of(), List.of()), NOW)).isEqualTo(new Decision.Done<>(0));
        Decision<Integer> free = Lifecycle.promoteFirst(lesson(status, 3, List.of(), List.of(waiting("w1"))), NOW);
        assertThat(free instanceof Decision.Change).isEqualTo(status.bookable());
    }
}
