package io.hoithao.identity.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An administrator's change of someone's roles and unit; both are replaced. An organiser must have a unit.
 *
 * @param roles role names: {@code admin}, {@code organiser}, {@code reviewer}, {@code delegate}
 * @param unit   the unit's name, or {@code null}/empty for none (with {@code unitId}: ignored, the directory names it)
 * @param unitId the unit's id in the units directory, or {@code null}/empty for a unit known by name only (no rights
 *               in the services, which recognise units by id)
 */
public record RolesRequest(
        @NotEmpty(message = "must name at least one role") List<String> roles,
        @Size(max = 200, message = "is longer than 200 characters") String unit,
        @Size(max = 64, message = "is longer than 64 characters") String unitId) {

    public RolesRequest {
        unit = unit == null || unit.isBlank() ? null : unit.strip();
        unitId = unitId == null || unitId.isBlank() ? null : unitId.strip();
    }
}
