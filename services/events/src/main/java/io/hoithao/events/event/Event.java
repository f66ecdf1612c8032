package io.hoithao.events.event;

import io.hoithao.events.session.Session;
import io.hoithao.events.session.SessionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event as stored: its details, venues, officials and sessions, lifecycle state (and, once
 * cancelled, the state it was cancelled from: a draft cancelled was never public), a version
 * incremented by every change and the normalised search fields. The document also holds the outbox of messages
 * its changes produced that are not yet published, which only the platform's {@code Publishing} writes. Sessions live in the event's document so that the clash check
 * and the write that adds a session are one atomic, version-guarded update. {@code organiserUnitId} is the
 * organising unit's id in the directory (what rights go by); {@code organiserUnit} a copy of its official name,
 * for display and search, refreshed when the directory renames the unit.
 */
@Document("events")
public record Event(
        @Id String id,
        String programmeId,
        String title,
        String description,
        EventKind kind,
        EventLevel level,
        String organiserUnitId,
        String organiserUnit,
        LocalDate startDate,
        LocalDate endDate,
        String timeZone,
        int capacity,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        List<Venue> venues,
        List<Official> officials,
        List<Session> sessions,
        EventStatus status,
        EventStatus cancelledFrom,
        long version,
        List<String> searchTerms,
        Instant createdAt,
        Instant updatedAt) {

    public Event {
        venues = venues == null ? List.of() : venues;
        officials = officials == null ? List.of() : officials;
        sessions = sessions == null ? List.of() : sessions;
    }

    /** Whether the event was never published: a draft, or a draft that was cancelled. */
    public boolean neverPublished() {
        return status == EventStatus.DRAFT || cancelledFrom == EventStatus.DRAFT;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Optional<Venue> venue(String venueId) {
        return venues.stream().filter(v -> v.id().equals(venueId)).findFirst();
    }

    public Optional<Session> session(String sessionId) {
        return sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst();
    }

    public List<Session> activeSessions() {
        return sessions.stream().filter(s -> s.status() == SessionStatus.SCHEDULED).toList();
    }
}
