package io.hoithao.contracts.units;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A unit now sits under another parent (a school passed to another district office); the units below it
 * move along with it. {@code previousParentId} is null when the unit had no parent (a provincial centre
 * placed under its department). {@code revision} is the unit's version after the change.
 */
@MessageType("units.UnitMoved.v1")
public record UnitMoved(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String unitId,
        String parentId,
        String previousParentId,
        long revision) implements UnitsMessage {

    public UnitMoved {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(unitId, "unitId");
        text(parentId, "parentId");
        notNegative(revision, "revision");
        if (previousParentId != null && previousParentId.isBlank()) {
            throw new IllegalArgumentException("field 'previousParentId' is blank");
        }
        if (parentId.equals(previousParentId)) {
            throw new IllegalArgumentException("field 'parentId' is the same as 'previousParentId'");
        }
    }
}
