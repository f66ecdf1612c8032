package io.hoithao.notifications.reminder;

import io.hoithao.notifications.NotificationsProperties;
import io.hoithao.notifications.delivery.Deliveries;
import io.hoithao.notifications.mail.Mails;
import io.hoithao.notifications.mail.Mails.LessonInfo;
import io.hoithao.notifications.mail.Mails.PaperInfo;
import io.hoithao.notifications.observation.Lesson;
import io.hoithao.notifications.observation.Seat;
import io.hoithao.notifications.paper.KnownPaper;
import io.hoithao.notifications.person.KnownEvent;
import io.hoithao.notifications.person.Person;
import io.hoithao.notifications.preference.Preference;
import io.hoithao.notifications.programme.Session;
import io.hoithao.platform.scheduling.PeriodicTask;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The day-before reminders: for every event day whose start (in the event's zone) is less than the lead
 * away, one reminder to each confirmed delegate who has not turned them off, with her lessons and the
 * papers she presents that day. The delivery's id names the
 * event, the day and the person, so writing it is the claim: however many instances run this, one wins.
 */
@Component
public class Reminders extends PeriodicTask {

    private final ReactiveMongoTemplate mongo;
    private final Deliveries deliveries;
    private final Mails mails;
    private final OptOut optOut;
    private final NotificationsProperties properties;

    public Reminders(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails, OptOut optOut,
                     NotificationsProperties properties) {
        super(properties.reminderInterval());
        this.mongo = mongo;
        this.deliveries = deliveries;
        this.mails = mails;
        this.optOut = optOut;
        this.properties = properties;
    }

    @Override
    public Mono<?> runOnce() {
        Instant now = Instant.now();
        return mongo.findAll(KnownEvent.class)
                .filter(event -> event.startDate() != null && event.title() != null)
                .concatMap(event -> {
                    ZoneId zone = ZoneId.of(event.timeZone() == null ? "Asia/Ho_Chi_Minh" : event.timeZone());
                    return Flux.fromStream(event.startDate().datesUntil(event.endDate().plusDays(1)))
                            .filter(day -> {
                                Instant starts = day.atStartOfDay(zone).toInstant();
                                return now.isBefore(starts) && !now.isBefore(starts.minus(properties.reminderLead()));
                            })
                            .concatMap(day -> remind(event, day, zone, now));
                })
                .then();
    }

    private Mono<?> remind(KnownEvent event, LocalDate day, ZoneId zone, Instant now) {
        Query confirmed = Query.query(Criteria.where("eventId").is(event.eventId()).and("status").is("CONFIRMED"));
        return mongo.find(confirmed, Person.class).concatMap(person -> {
            String recipient = person.email().toLowerCase(Locale.ROOT);
            return mongo.findById(recipient, Preference.class).defaultIfEmpty(new Preference(recipient, "vi", false))
                    .filter(preference -> !preference.remindersOff())
                    .flatMap(preference -> Mono.zip(lessons(person, day, zone).collectList(),
                                    papers(event.eventId(), recipient, day, zone).collectList())
                            .flatMap(t -> deliveries.enqueue(mails.renderReminder("reminder|" + event.eventId() + "|" + day,
                                    recipient, person.fullName(), preference.language(), event, day, person.confirmationCode(),
                                    t.getT1(), t.getT2(), optOut.link(recipient), now))));
        }).then();
    }

    private Flux<LessonInfo> lessons(Person person, LocalDate day, ZoneId zone) {
        return mongo.find(Query.query(Criteria.where("registrationId").is(person.registrationId()).and("state").is("BOOKED")), Seat.class)
                .concatMap(seat -> mongo.findById(seat.lessonId(), Lesson.class))
                .filter(lesson -> !Boolean.TRUE.equals(lesson.cancelled()))
                .filter(lesson -> lesson.startsAt() != null && lesson.startsAt().atZone(zone).toLocalDate().equals(day))
                .sort(Comparator.comparing(Lesson::startsAt))
                .map(l -> new LessonInfo(l.lessonId(), l.title(), l.classroom(), l.startsAt(), l.endsAt()));
    }

    /** The papers she submitted that are placed in a session of that day, by the session's start. */
    private Flux<PaperInfo> papers(String eventId, String recipient, LocalDate day, ZoneId zone) {
        Query placed = Query.query(Criteria.where("eventId").is(eventId).and("submitterEmail").is(recipient)
                .and("sessionId").ne(null));
        return mongo.find(placed, KnownPaper.class)
                .concatMap(paper -> mongo.findById(paper.sessionId(), Session.class)
                        .filter(session -> !Boolean.TRUE.equals(session.cancelled()))
                        .filter(session -> session.startsAt() != null && session.startsAt().atZone(zone).toLocalDate().equals(day))
                        .map(session -> new PaperInfo(paper.title(), session.title(), session.venue(), session.startsAt(),
                                session.endsAt())))
                .sort(Comparator.comparing(PaperInfo::startsAt));
    }
}
