package io.hoithao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemExceptionTest {

    enum Status { DRAFT, CANCELLED }

    @Test
    void anInvalidTransitionNamesBothStatusesAndKeepsThemAsGiven() {
        ProblemException e = ProblemException.invalidTransition("Event", "evt-1", Status.CANCELLED, Status.DRAFT);

        assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(e.type().toString()).isEqualTo("https://hoithao.io/problems/invalid-transition");
        assertThat(e.getMessage()).isEqualTo("Event evt-1 is CANCELLED; it cannot become DRAFT");
        assertThat(e.properties()).containsExactly(Map.entry("currentState", Status.CANCELLED),
                Map.entry("requestedState", Status.DRAFT));
        assertThat(ProblemException.invalidTransition("Registration", "r-1", "CANCELLED", "CONFIRMED").properties())
                .containsEntry("currentState", "CANCELLED").containsEntry("requestedState", "CONFIRMED");
    }

    @Test
    void invalidFieldsAreListedEachWithItsFieldAndMessage() {
        ProblemException e = ProblemException.invalidFields(List.of(ProblemException.fieldError("scores.a", "must be scored"),
                ProblemException.fieldError("scores.b", "must be between 1 and 5")));

        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.type().toString()).isEqualTo("https://hoithao.io/problems/validation");
        assertThat(e.getMessage()).isEqualTo("The request has 2 invalid field(s)");
        assertThat(e.properties().get("errors")).isEqualTo(List.of(
                Map.of("field", "scores.a", "message", "must be scored"),
                Map.of("field", "scores.b", "message", "must be between 1 and 5")));
        assertThat(ProblemException.fieldError("title", "is blank").keySet()).containsExactly("field", "message");
        assertThat(ProblemException.invalidField("endsAt", "is before startsAt").properties().get("errors"))
                .isEqualTo(List.of(Map.of("field", "endsAt", "message", "is before startsAt")));
    }
}
