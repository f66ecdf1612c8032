package io.hoithao.contracts.units;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A unit has new names; its id, and so everything recorded under it, stays. {@code revision} is the
 * unit's version after the change: a consumer keeps the names of the highest revision.
 */
@MessageType("units.UnitRenamed.v1")
public record UnitRenamed(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String unitId,
        String officialName,
        String shortName,
        String previousOfficialName,
        long revision) implements UnitsMessage {

    public UnitRenamed {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(unitId, "unitId");
        text(officialName, "officialName");
        text(shortName, "shortName");
        text(previousOfficialName, "previousOfficialName");
        notNegative(revision, "revision");
    }
}
