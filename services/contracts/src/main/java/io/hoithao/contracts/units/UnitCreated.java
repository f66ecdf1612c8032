package io.hoithao.contracts.units;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A unit joined the directory. {@code kind} is DEPARTMENT, DISTRICT_OFFICE, SCHOOL, CENTRE or OTHER;
 * {@code level} PROVINCE, DISTRICT or SCHOOL; {@code parentId} is null only for a unit at the top (a
 * province's department). {@code revision} is the unit's version after the change (0 when created).
 */
@MessageType("units.UnitCreated.v1")
public record UnitCreated(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String unitId,
        String officialName,
        String shortName,
        String kind,
        String level,
        String parentId,
        long revision) implements UnitsMessage {

    public UnitCreated {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(unitId, "unitId");
        text(officialName, "officialName");
        text(shortName, "shortName");
        text(kind, "kind");
        text(level, "level");
        notNegative(revision, "revision");
    }
}
