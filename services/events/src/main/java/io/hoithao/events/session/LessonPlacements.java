package io.hoithao.events.session;

import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.events.event.Event;
import io.hoithao.events.event.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps a demonstration lesson's session in step with its lesson: the observations service has the last
 * word on the classroom and the observer seats (it holds the bookings and the classrooms' timetables), and
 * announces them with {@link LessonScheduled}; the session takes them over by one version-guarded write.
 * It tells nothing back (the lesson's message already told everyone), so the two services cannot echo
 * each other; a redelivered or outdated announcement writes the values the session already has, or is
 * overtaken by the next one, which the events topic keeps in order per event.
 */
@Component
public class LessonPlacements {

    private final EventStore events;

    LessonPlacements(EventStore events) {
        this.events = events;
    }

    /** Takes over the lesson's classroom and seats, if it is a session's lesson (one with a host). */
    public Mono<Event> follow(LessonScheduled lesson) {
        if (lesson.sessionId() == null || lesson.host() == null) {
            return Mono.empty();
        }
        return events.follow(lesson.eventId(), event -> {
            Session session = event.session(lesson.sessionId()).orElse(null);
            if (session == null || session.status() != SessionStatus.SCHEDULED
                    || session.type() != SessionType.DEMONSTRATION_LESSON
                    || Objects.equals(session.classroom(), lesson.room()) && Objects.equals(session.seats(), lesson.seats())) {
                return Mono.<Event>empty();
            }
            List<Session> sessions = new ArrayList<>(event.sessions().size());
            event.sessions().forEach(s -> sessions.add(s.id().equals(session.id())
                    ? s.placedAs(lesson.room(), lesson.seats()) : s));
            return events.write(event, new EventStore.Change(new Update().set("sessions", sessions), List.of(), session.id()));
        });
    }
}
