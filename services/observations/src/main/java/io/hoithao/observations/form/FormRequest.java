package io.hoithao.observations.form;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** An observer's scores (criterion id → 1..5, every criterion of the event) and comments. */
record FormRequest(@NotBlank @Size(max = 100) String registrationId,
                   @NotNull @Size(max = 20, message = "at most {max} scores, one per criterion of the form")
                   Map<@NotNull @Size(max = 40) String, Integer> scores,
                   @Size(max = 4000) String comments) {
}
