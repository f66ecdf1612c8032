package io.hoithao.events.schedule;

import io.hoithao.events.event.EventStatus;
import io.hoithao.events.event.Official;
import io.hoithao.events.session.SessionView;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event's whole programme by day, enriched with what the other services told: registration counts,
 * demonstration lessons with seats left, accepted papers and their presenters. {@code officials} are the
 * event's directing and chairing officials (chỉ đạo, chủ trì) and presenters, in that order, with their roles.
 */
public record ProgrammeView(
        String eventId,
        String title,
        EventStatus status,
        String timeZone,
        LocalDate startDate,
        LocalDate endDate,
        List<Official> officials,
        Registrations registrations,
        List<Day> days,
        List<Paper> acceptedPapers,
        List<Lesson> otherLessons) {

    /** Delegates as the registrations service reported them; {@code seatsLeft} is capacity minus confirmed. */
    public record Registrations(int capacity, long confirmed, long waitlisted, long cancelled, long seatsLeft) {
    }

    public record Day(LocalDate date, List<Item> sessions) {
    }

    /** A session with the papers placed in it and the demonstration lessons it holds. */
    public record Item(SessionView session, List<Paper> papers, List<Lesson> lessons) {
    }

    public record Paper(String paperId, String title, String unit, List<String> presenters, Integer position, Integer minutes) {
    }

    /** {@code seats} and {@code seatsLeft} are null while the observations service has not told them. */
    public record Lesson(String lessonId, String title, String classroom, OffsetDateTime startsAt, OffsetDateTime endsAt,
                         Integer seats, Integer seatsLeft) {
    }
}
