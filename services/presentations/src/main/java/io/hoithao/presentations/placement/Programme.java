package io.hoithao.presentations.placement;

import io.hoithao.platform.outbox.OutboxEntry;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event's presentation sessions and the papers placed in them. Keeping them in one document makes
 * every placement (with its duration check against the session, and the rule that a paper sits in at
 * most one session) a single conditional write on {@code version}, with no transaction.
 */
@Document("programmes")
record Programme(@Id String eventId, long version, List<PresentationSession> sessions,
                 List<String> appliedMessageIds, List<OutboxEntry> outbox) {

    Programme {
        sessions = sessions == null ? List.of() : sessions;
        appliedMessageIds = appliedMessageIds == null ? List.of() : appliedMessageIds;
    }

    static Programme empty(String eventId) {
        return new Programme(eventId, 0, List.of(), List.of(), List.of());
    }
}
