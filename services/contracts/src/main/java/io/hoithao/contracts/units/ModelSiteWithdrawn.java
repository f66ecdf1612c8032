package io.hoithao.contracts.units;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A unit is no longer a model site of a programme in a phase. {@code revision} is the designation's version
 * after the change: a consumer keeps the highest.
 */
@MessageType("units.ModelSiteWithdrawn.v1")
public record ModelSiteWithdrawn(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String unitId,
        String programmeId,
        String phase,
        long revision) implements UnitsMessage {

    public ModelSiteWithdrawn {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(unitId, "unitId");
        text(programmeId, "programmeId");
        text(phase, "phase");
        notNegative(revision, "revision");
    }
}
