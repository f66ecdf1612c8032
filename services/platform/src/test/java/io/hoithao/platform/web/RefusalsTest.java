package io.hoithao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class RefusalsTest {

    sealed interface Result {
    }

    record Done(String value) implements Result {
    }

    record Refused(String why) implements Result {
    }

    record Unknown() implements Result {
    }

    static String orThrow(Result result) {
        return Refusals.orThrow(result, Done.class, Done::value, Refused.class,
                refused -> ProblemException.conflict("refused", refused.why()));
    }

    @Test
    void aDoneResultAnswersItsValueAndARefusalItsProblem() {
        assertThat(orThrow(new Done("written"))).isEqualTo("written");
        assertThatThrownBy(() -> orThrow(new Refused("full")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("full");
                });
        assertThatThrownBy(() -> orThrow(new Unknown())).isInstanceOf(ClassCastException.class);
    }
}
