package io.hoithao.events.unit;

import java.time.Instant;

/** A unit as the API shows it. */
public record UnitView(
        String id,
        String officialName,
        String shortName,
        UnitKind kind,
        UnitLevel level,
        String parentId,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static UnitView of(Unit unit) {
        return new UnitView(unit.id(), unit.officialName(), unit.shortName(), unit.kind(), unit.level(), unit.parentId(),
                unit.version(), unit.createdAt(), unit.updatedAt());
    }
}
