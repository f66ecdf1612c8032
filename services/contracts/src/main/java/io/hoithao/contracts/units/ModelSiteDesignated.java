package io.hoithao.contracts.units;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A unit is a model site (mô hình điểm) of a programme in one of its phases, at a level: {@code PROVINCE}
 * (designated by the department) or {@code DISTRICT} (by a district office). Designating it again at another
 * level replaces the level. {@code revision} is the designation's version after the change: a consumer keeps
 * the highest.
 */
@MessageType("units.ModelSiteDesignated.v1")
public record ModelSiteDesignated(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String unitId,
        String programmeId,
        String phase,
        String level,
        long revision) implements UnitsMessage {

    public ModelSiteDesignated {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(unitId, "unitId");
        text(programmeId, "programmeId");
        text(phase, "phase");
        text(level, "level");
        notNegative(revision, "revision");
    }
}
