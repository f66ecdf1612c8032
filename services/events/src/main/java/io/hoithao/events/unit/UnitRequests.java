package io.hoithao.events.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the units API; other properties in a body (id, version, outbox...) are ignored. */
final class UnitRequests {

    private UnitRequests() {
    }

    /** A new unit; {@code shortName} defaults to the official name, {@code parentId} is absent only at the top. */
    record CreateUnit(
            @NotBlank @Size(max = UnitRules.MAX_NAME) String officialName,
            @Size(max = UnitRules.MAX_NAME) String shortName,
            @NotNull UnitKind kind,
            @NotNull UnitLevel level,
            @Size(min = 1, max = 100) String parentId) {
    }

    /**
     * New names. Without {@code shortName} the short name stays, unless it was the official name (given
     * by default), in which case it follows the new one.
     */
    record RenameUnit(
            @NotBlank @Size(max = UnitRules.MAX_NAME) String officialName,
            @Size(max = UnitRules.MAX_NAME) String shortName) {
    }

    /** The unit's new parent. */
    record MoveUnit(@NotBlank @Size(max = 100) String parentId) {
    }
}
