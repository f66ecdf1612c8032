package io.hoithao.identity.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An administrator's change of someone's roles and unit; both are replaced. An organiser must have a unit.
 *
 * @param roles role names: {@code admin}, {@code organiser}, {@code reviewer}, {@code delegate}
 * @param unit  the unit, or {@code null}/empty for none
 */
public record RolesRequest(
        @NotEmpty(message = "must name at least one role") List<String> roles,
        @Size(max = 200, message = "is longer than 200 characters") String unit) {

    public RolesRequest {
        unit = unit == null || unit.isBlank() ? null : unit.strip();
    }
}
