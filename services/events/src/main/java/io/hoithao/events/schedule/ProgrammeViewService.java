package io.hoithao.events.schedule;

import io.hoithao.events.event.Event;
import io.hoithao.events.event.EventLimits;
import io.hoithao.events.event.EventStore;
import io.hoithao.events.schedule.ProgrammeView.Day;
import io.hoithao.events.schedule.ProgrammeView.Item;
import io.hoithao.events.schedule.ProgrammeView.Lesson;
import io.hoithao.events.schedule.ProgrammeView.Paper;
import io.hoithao.events.schedule.ProgrammeView.Registrations;
import io.hoithao.events.session.Session;
import io.hoithao.events.session.SessionType;
import io.hoithao.events.session.SessionView;
import io.hoithao.platform.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Assembles the programme view from the event's own sessions and the projections of consumed messages. */
@Service
class ProgrammeViewService {

    private final EventStore events;
    private final ReactiveMongoTemplate mongo;

    ProgrammeViewService(EventStore events, ReactiveMongoTemplate mongo) {
        this.events = events;
        this.mongo = mongo;
    }

    /** The programme of an event the caller may see (a draft only its managers). */
    Mono<ProgrammeView> view(String eventId, Caller caller) {
        Query ofEvent = Query.query(Criteria.where("eventId").is(eventId));
        return events.find(eventId, caller).flatMap(event -> Mono.zip(
                        Mono.zip(count(eventId, "CONFIRMED"), count(eventId, "WAITLISTED"), count(eventId, "CANCELLED"))
                                .map(c -> Map.of("CONFIRMED", c.getT1(), "WAITLISTED", c.getT2(), "CANCELLED", c.getT3())),
                        mongo.find(ofEvent, Document.class, ProgrammeProjections.LESSONS).collectList(),
                        mongo.find(ofEvent, Document.class, ProgrammeProjections.PAPERS).collectList())
                .map(t -> assemble(event, t.getT1(), t.getT2(), t.getT3())));
    }

    /** Counted per status on the index {@code eventId, status}, without reading the registrations. */
    private Mono<Long> count(String eventId, String status) {
        return mongo.count(Query.query(Criteria.where("eventId").is(eventId).and("status").is(status)),
                ProgrammeProjections.REGISTRATIONS);
    }

    static ProgrammeView assemble(Event event, Map<String, Long> byStatus, List<Document> lessons, List<Document> papers) {
        ZoneId zone = event.zone();
        long confirmed = byStatus.getOrDefault("CONFIRMED", 0L);
        Registrations counts = new Registrations(event.capacity(), confirmed, byStatus.getOrDefault("WAITLISTED", 0L),
                byStatus.getOrDefault("CANCELLED", 0L), Math.max(0, event.capacity() - confirmed));

        List<Document> scheduledLessons = lessons.stream().filter(d -> Boolean.TRUE.equals(d.getBoolean("scheduled"))).toList();
        Set<String> placedLessons = new HashSet<>();
        List<Session> active = event.activeSessions().stream()
                .sorted(Comparator.comparing(Session::date).thenComparing(Session::start).thenComparing(Session::id))
                .toList();
        List<Day> days = new ArrayList<>();
        // an event stored before its days were limited may span years: its programme shows the first days only
        long count = Math.min(ChronoUnit.DAYS.between(event.startDate(), event.endDate()) + 1, EventLimits.DAYS);
        for (long offset = 0; offset < count; offset++) {
            LocalDate day = event.startDate().plusDays(offset);
            List<Item> items = active.stream().filter(s -> s.date().equals(day)).map(session -> {
                List<Paper> placed = papers.stream()
                        .filter(p -> "SCHEDULED".equals(p.getString("status")) && session.id().equals(p.getString("sessionId")))
                        .map(ProgrammeViewService::paper)
                        .sorted(Comparator.comparing(Paper::position))
                        .toList();
                List<Lesson> held = scheduledLessons.stream()
                        .filter(l -> heldIn(l, session, zone))
                        .peek(l -> placedLessons.add(l.getString("_id")))
                        .map(l -> lesson(l, zone))
                        .sorted(Comparator.comparing(Lesson::startsAt).thenComparing(Lesson::lessonId))
                        .toList();
                return new Item(SessionView.of(event, session), placed, held);
            }).toList();
            days.add(new Day(day, items));
        }
        List<Paper> accepted = papers.stream().filter(p -> "ACCEPTED".equals(p.getString("status")))
                .map(ProgrammeViewService::paper).sorted(Comparator.comparing(Paper::title)).toList();
        List<Lesson> other = scheduledLessons.stream().filter(l -> !placedLessons.contains(l.getString("_id")))
                .map(l -> lesson(l, zone)).sorted(Comparator.comparing(Lesson::startsAt)).toList();
        List<io.hoithao.events.event.Official> officials = event.officials().stream()
                .sorted(Comparator.comparing(io.hoithao.events.event.Official::role)).toList();
        return new ProgrammeView(event.id(), event.title(), event.status(), event.timeZone(), event.startDate(),
                event.endDate(), officials, counts, days, accepted, other);
    }

    /** A lesson belongs to the session it names, or else to the demonstration-lesson session its start falls in. */
    private static boolean heldIn(Document lesson, Session session, ZoneId zone) {
        String sessionId = lesson.getString("sessionId");
        if (sessionId != null) {
            return sessionId.equals(session.id());
        }
        if (session.type() != SessionType.DEMONSTRATION_LESSON) {
            return false;
        }
        Instant start = instant(lesson.get("startsAt"));
        return start != null && !start.isBefore(session.startsAt(zone)) && start.isBefore(session.endsAt(zone));
    }

    private static Paper paper(Document d) {
        return new Paper(d.getString("_id"), d.getString("title"), d.getString("unit"), d.getList("presenters", String.class, List.of()),
                d.getInteger("position"), d.getInteger("minutes"));
    }

    private static Lesson lesson(Document d, ZoneId zone) {
        Instant start = instant(d.get("startsAt"));
        Instant end = instant(d.get("endsAt"));
        return new Lesson(d.getString("_id"), d.getString("title"), d.getString("classroom"),
                start == null ? null : start.atZone(zone).toOffsetDateTime(),
                end == null ? null : end.atZone(zone).toOffsetDateTime(),
                d.getInteger("seats"), d.getInteger("seatsLeft"));
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : (Instant) value;
    }
}
