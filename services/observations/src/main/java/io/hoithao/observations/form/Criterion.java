package io.hoithao.observations.form;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One line of the observation form, scored from 1 (not seen) to 5 (fully achieved). */
record Criterion(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String id, @NotBlank @Size(max = 300) String label) {
}
