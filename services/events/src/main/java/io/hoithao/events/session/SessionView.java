package io.hoithao.events.session;

import io.hoithao.events.event.Event;
import io.hoithao.events.event.Venue;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A session as the API shows it: local day and times, and the same instants with their offset; a demonstration
 * lesson's classroom and seats are those its lesson has in the observations service once it has told them.
 */
public record SessionView(
        String id,
        SessionType type,
        String title,
        String description,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String venueId,
        String venue,
        String address,
        String classroom,
        String chair,
        List<String> speakers,
        SessionStatus status,
        int sequence,
        Integer seats) {

    public static SessionView of(Event event, Session session) {
        Venue venue = event.venue(session.venueId()).orElse(null);
        return new SessionView(session.id(), session.type(), session.title(), session.description(), session.date(),
                session.start(), session.end(),
                session.date().atTime(session.start()).atZone(event.zone()).toOffsetDateTime(),
                session.date().atTime(session.end()).atZone(event.zone()).toOffsetDateTime(),
                session.venueId(), venue == null ? null : venue.name(), venue == null ? null : venue.address(),
                session.classroom(), session.chair(), session.speakers(), session.status(), session.sequence(),
                session.seats());
    }
}
