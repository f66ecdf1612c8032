package io.hoithao.presentations.placement;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event's presentation sessions and the papers placed in them. Keeping them in one document makes
 * every placement (with its duration check against the session, and the rule that a paper sits in at
 * most one session) a single conditional write on {@code version}, with no transaction. {@code withdrawn}
 * lists the papers whose withdrawal has begun: a withdrawal writes it here (taking the paper out of its
 * session in the same write) before the paper is marked withdrawn, and a placement written on the same
 * version refuses them, so the two exclude each other whatever order they run in.
 */
@Document("programmes")
record Programme(@Id String eventId, long version, List<PresentationSession> sessions,
                 List<String> appliedMessageIds, List<String> withdrawn) {

    Programme {
        sessions = sessions == null ? List.of() : sessions;
        appliedMessageIds = appliedMessageIds == null ? List.of() : appliedMessageIds;
        withdrawn = withdrawn == null ? List.of() : withdrawn;
    }

    static Programme empty(String eventId) {
        return new Programme(eventId, 0, List.of(), List.of(), List.of());
    }
}
