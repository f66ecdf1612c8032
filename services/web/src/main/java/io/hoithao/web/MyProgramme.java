package io.hoithao.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What is hers across the suite, in time order: the events she is registered for, the lessons she booked
 * or waits for at them, and her papers (at their session's times once the organiser placed them). Read
 * with her token for the page; for her calendar feed, which no token comes with, the feed keeps which
 * things are hers ({@link CalendarFeeds.Item}) and each fetch reads everything else (titles, days, times,
 * places, cancellations, a paper's session) from the public APIs then.
 */
@Component
class MyProgramme {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final SignedInApi api;
    private final EventsClient events;
    private final CalendarFeeds feeds;
    private final MessageSource messages;

    MyProgramme(SignedInApi api, EventsClient events, CalendarFeeds feeds, MessageSource messages) {
        this.api = api;
        this.events = events;
        this.feeds = feeds;
        this.messages = messages;
    }

    /** Her programme now, read as her: registrations (active ones), their lessons and her papers. */
    Mono<List<ProgrammePages.Entry>> entries(Locale locale) {
        PublicReads reads = new PublicReads();
        Mono<List<ProgrammePages.Entry>> registered = api.myRegistrations()
                .flatMapMany(Flux::fromIterable)
                .filter(SignedInApi.Registration::active)
                .concatMap(r -> reads.event(r.eventId())
                        .flatMapMany(event -> Flux.concat(
                                Mono.just(eventEntry(event, r.id(), r.status(),
                                        messages.getMessage(r.statusKey(), new Object[] {r.waitlistPosition()}, locale))),
                                lessons(event, r, locale))))
                .collectList();
        Mono<List<ProgrammePages.Entry>> papers = api.myPapers()
                .flatMapMany(Flux::fromIterable)
                .filter(p -> !"WITHDRAWN".equals(p.status()) && !"REJECTED".equals(p.status()))
                .concatMap(p -> paperEntry(reads, p.id(), p.eventId(), p.title(), p.status(), text("paper.status." + p.status(), locale)))
                .collectList()
                .onErrorResume(ApiProblem.class, e -> Mono.just(List.of()));
        return Mono.zip(registered, papers).map(both -> sorted(both.getT1(), both.getT2()));
    }

    /** Her feed's calendar as of now: which things are hers as the feed keeps them, everything else read now. */
    Mono<String> calendar(CalendarFeeds.Feed feed) {
        PublicReads reads = new PublicReads();
        Locale locale = Locale.forLanguageTag(feed.language() == null ? "vi" : feed.language());
        return Flux.fromIterable(feed.items() == null ? List.<CalendarFeeds.Item>of() : feed.items())
                .concatMap(item -> switch (item.kind()) {
                    case "EVENT" -> reads.event(item.eventId()).map(event -> eventEntry(event, item.id(), item.status(), item.statusText()));
                    case "LESSON" -> reads.lessons(item.eventId()).flatMap(lessons -> Mono.justOrEmpty(lessons.stream()
                            .filter(l -> l.id().equals(item.id())).findFirst()))
                            .map(lesson -> lessonEntry(item.eventId(), lesson, item.status(), item.statusText()));
                    case "PAPER" -> paperEntry(reads, item.id(), item.eventId(), item.title(), item.status(), item.statusText());
                    default -> Mono.<ProgrammePages.Entry>empty();
                })
                .collectList()
                .map(list -> Ics.of(text("programme.title", locale), sorted(list, List.of()), Instant.now()));
    }

    /** A new private feed address of what is hers now (shown once). */
    Mono<String> newFeed(String subject, List<ProgrammePages.Entry> entries, Locale locale) {
        return feeds.create(subject, items(entries), locale.getLanguage());
    }

    /** What is hers becomes her feed's list, if she has a feed. */
    Mono<Void> remember(String subject, List<ProgrammePages.Entry> entries, Locale locale) {
        return feeds.remember(subject, items(entries), locale.getLanguage());
    }

    /**
     * After she changed something through the site (registered, cancelled, booked, gave a seat up, submitted or
     * withdrew a paper): her feed learns it now, if she has one, rather than at her next visit to her programme.
     * It never fails the change she made.
     */
    Mono<Void> changed(Locale locale) {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getName())
                .flatMap(subject -> feeds.of(subject)
                        .flatMap(feed -> entries(locale).flatMap(list -> remember(subject, list, locale))))
                .onErrorResume(e -> Mono.empty());
    }

    private static List<CalendarFeeds.Item> items(List<ProgrammePages.Entry> entries) {
        return entries.stream()
                .map(e -> new CalendarFeeds.Item(e.kind(), e.id(), e.eventId(), e.title(), e.status(), e.statusText()))
                .toList();
    }

    private Flux<ProgrammePages.Entry> lessons(Api.Event event, SignedInApi.Registration r, Locale locale) {
        if (!"CONFIRMED".equals(r.status())) {
            return Flux.empty();
        }
        return api.schedule(event.id(), r.id())
                .onErrorResume(ApiProblem.class, e -> Mono.just(List.of()))
                .flatMapMany(Flux::fromIterable)
                .map(s -> lessonEntry(event.id(), s.lesson(), s.status(), "WAITLISTED".equals(s.status())
                        ? messages.getMessage("lessons.waitingAt", new Object[] {s.waitlistPosition()}, locale)
                        : text("lessons.yourSeat", locale)));
    }

    private static ProgrammePages.Entry eventEntry(Api.Event event, String registrationId, String status, String statusText) {
        boolean cancelled = "CANCELLED".equals(event.status());
        return new ProgrammePages.Entry("EVENT", registrationId, event.id(), event.title(), event.startDate(), event.endDate(),
                null, null, cancelled ? "CANCELLED" : status, statusText,
                event.venues() == null || event.venues().isEmpty() ? null : event.venues().get(0).name(),
                "/me/registrations/" + registrationId);
    }

    private static ProgrammePages.Entry lessonEntry(String eventId, SignedInApi.Lesson lesson, String status, String statusText) {
        return new ProgrammePages.Entry("LESSON", lesson.id(), eventId, lesson.title(),
                lesson.startsAt() == null ? null : lesson.startsAt().toLocalDate(), null, lesson.startsAt(), lesson.endsAt(),
                "CANCELLED".equals(lesson.status()) ? "CANCELLED" : status, statusText,
                lesson.hostSchool() == null ? null : lesson.hostSchool() + (lesson.classroom() == null ? "" : " · " + lesson.classroom()),
                "/events/" + eventId + "/lessons#lesson-" + lesson.id());
    }

    /** A paper at its session's day and times once placed in the published programme, else over the event's days. */
    private static Mono<ProgrammePages.Entry> paperEntry(PublicReads reads, String paperId, String eventId, String title,
                                                         String status, String statusText) {
        return reads.event(eventId).flatMap(event -> reads.programme(eventId).map(programme -> {
            Optional<Api.Session> session = placement(programme.orElse(null), paperId);
            if (session.isEmpty() || session.get().date() == null || session.get().start() == null) {
                return new ProgrammePages.Entry("PAPER", paperId, eventId, title, event.startDate(), event.endDate(), null, null,
                        status, statusText + " · " + event.title(), null, "/me/papers/" + paperId);
            }
            Api.Session s = session.get();
            ZoneId zone = zone(programme.get().timeZone());
            OffsetDateTime start = s.date().atTime(s.start()).atZone(zone).toOffsetDateTime();
            OffsetDateTime end = s.end() == null ? start : s.date().atTime(s.end()).atZone(zone).toOffsetDateTime();
            String where = s.venue() == null ? s.title() : s.title() + " · " + s.venue() + (s.classroom() == null ? "" : " · " + s.classroom());
            return new ProgrammePages.Entry("PAPER", paperId, eventId, title, s.date(), null, start, end,
                    s.cancelled() ? "CANCELLED" : status, statusText + " · " + event.title(), where, "/me/papers/" + paperId);
        }));
    }

    private static Optional<Api.Session> placement(Api.Programme programme, String paperId) {
        if (programme == null || programme.days() == null) {
            return Optional.empty();
        }
        return programme.days().stream()
                .flatMap(day -> day.sessions() == null ? java.util.stream.Stream.empty() : day.sessions().stream())
                .filter(item -> item.papers() != null && item.papers().stream().anyMatch(p -> paperId.equals(p.paperId())))
                .map(Api.Item::session)
                .findFirst();
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? VIETNAM : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return VIETNAM;
        }
    }

    private static List<ProgrammePages.Entry> sorted(List<ProgrammePages.Entry> a, List<ProgrammePages.Entry> b) {
        List<ProgrammePages.Entry> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparing(ProgrammePages.Entry::sortKey).thenComparing(ProgrammePages.Entry::kind));
        return all;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The public reads of one rendering, each made once: an event, its published programme, its lessons. */
    private final class PublicReads {

        private final Map<String, Mono<Api.Event>> events = new ConcurrentHashMap<>();
        private final Map<String, Mono<Optional<Api.Programme>>> programmes = new ConcurrentHashMap<>();
        private final Map<String, Mono<List<SignedInApi.Lesson>>> lessons = new ConcurrentHashMap<>();

        /** The event, or empty when it is gone. */
        Mono<Api.Event> event(String id) {
            return this.events.computeIfAbsent(id, key -> MyProgramme.this.events.event(key)
                    .onErrorResume(NotFoundException.class, e -> Mono.empty()).cache());
        }

        /** The published programme (none before it is published). */
        Mono<Optional<Api.Programme>> programme(String id) {
            return programmes.computeIfAbsent(id, key -> MyProgramme.this.events.programme(key).map(Optional::of)
                    .onErrorResume(NotFoundException.class, e -> Mono.just(Optional.empty()))
                    .defaultIfEmpty(Optional.empty()).cache());
        }

        Mono<List<SignedInApi.Lesson>> lessons(String eventId) {
            return lessons.computeIfAbsent(eventId, key -> MyProgramme.this.events.lessons(key)
                    .onErrorResume(NotFoundException.class, e -> Mono.just(List.of())).cache());
        }
    }
}
