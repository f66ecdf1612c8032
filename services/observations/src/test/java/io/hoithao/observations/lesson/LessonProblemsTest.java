package io.hoithao.observations.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.platform.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Each refusal answered as the problem the API has always given for it. */
class LessonProblemsTest {

    static ProblemException problem(Decision.Refusal refusal) {
        return LessonProblems.problem(refusal);
    }

    static String type(ProblemException problem) {
        String type = problem.type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Test
    void everyRefusalIsItsProblem() {
        ProblemException notBookable = problem(new Decision.NotBookable("les-1", LessonStatus.CANCELLED));
        assertThat(notBookable.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(type(notBookable)).isEqualTo("lesson-not-bookable");
        assertThat(notBookable.getMessage()).isEqualTo("Lesson les-1 is CANCELLED");
        assertThat(notBookable.properties()).containsEntry("lessonId", "les-1").containsEntry("status", LessonStatus.CANCELLED);

        ProblemException below = problem(new Decision.SeatsBelowBookings("les-1", 3, 2));
        assertThat(type(below)).isEqualTo("seats-below-bookings");
        assertThat(below.getMessage()).isEqualTo("Lesson les-1 has 3 booked observers; it cannot offer only 2 seats");
        assertThat(below.properties()).containsEntry("booked", 3);

        ProblemException held = problem(new Decision.AlreadyHeld("les-1", "reg-1", "WAITLISTED"));
        assertThat(type(held)).isEqualTo("already-booked");
        assertThat(held.getMessage()).isEqualTo("Registration reg-1 is already WAITLISTED at lesson les-1");
        assertThat(held.properties()).containsEntry("lessonId", "les-1").containsEntry("status", "WAITLISTED");

        ProblemException notBooked = problem(new Decision.NotBooked("les-1", List.of("reg-2")));
        assertThat(type(notBooked)).isEqualTo("not-booked");
        assertThat(notBooked.properties()).containsEntry("registrationIds", List.of("reg-2"));

        ProblemException invalid = problem(new Decision.InvalidField("endsAt", "must be after startsAt"));
        assertThat(invalid.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(type(invalid)).isEqualTo("validation");

        ProblemException eventCancelled = problem(new Decision.EventCancelled("evt-1"));
        assertThat(type(eventCancelled)).isEqualTo("event-cancelled");
        assertThat(eventCancelled.getMessage()).isEqualTo("Event evt-1 was cancelled; it takes no new lessons");

        ProblemException changing = problem(new Decision.KeptChanging("les-1"));
        assertThat(changing.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(type(changing)).isEqualTo("concurrent-modification");
    }

    @Test
    void anAnswerIsGivenAndARefusalThrown() {
        assertThat(LessonProblems.orThrow(new Decision.Done<>(42))).isEqualTo(42);
        assertThatThrownBy(() -> LessonProblems.orThrow(new Decision.Refused<Integer>(new Decision.KeptChanging("les-1"))))
                .isInstanceOf(ProblemException.class).hasMessageContaining("changing too fast");
    }
}
