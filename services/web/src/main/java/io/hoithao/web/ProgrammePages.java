package io.hoithao.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * <em>Lịch của tôi</em>: everything that is hers across the suite in time order (the events she is
 * registered for, the lessons she booked or waits for, the papers she submitted) and a private,
 * revocable calendar feed of it ({@link CalendarFeeds}).
 */
@Controller
public class ProgrammePages {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final SignedInApi api;
    private final EventsClient events;
    private final CalendarFeeds feeds;
    private final MessageSource messages;
    private final WebProperties properties;

    public ProgrammePages(SignedInApi api, EventsClient events, CalendarFeeds feeds, MessageSource messages,
                          WebProperties properties) {
        this.api = api;
        this.events = events;
        this.feeds = feeds;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/me/programme")
    public Mono<String> programme(@AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        return show(user, model, exchange, null);
    }

    /** A new private address (the old one stops working); shown once, on this answer. */
    @PostMapping("/me/programme/feed")
    public Mono<String> newFeed(@AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return entries(locale)
                .flatMap(list -> feeds.create(user.getSubject(), Ics.of(text("programme.title", locale), list, Instant.now())))
                .flatMap(token -> show(user, model, exchange, properties.publicUri() + "/feeds/" + token + ".ics"));
    }

    @PostMapping("/me/programme/feed/revoke")
    public Mono<String> revoke(@AuthenticationPrincipal OidcUser user) {
        return feeds.revoke(user.getSubject()).thenReturn("redirect:/me/programme?revoked");
    }

    /** The feed a calendar app subscribes to: no sign-in, the address is the secret. */
    @GetMapping("/feeds/{token}.ics")
    public Mono<ResponseEntity<String>> feed(@PathVariable String token) {
        return feeds.calendar(token)
                .map(ics -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"hoithao.ics\"")
                        .body(ics))
                .switchIfEmpty(Mono.error(new NotFoundException("No such feed")));
    }

    private Mono<String> show(OidcUser user, Model model, ServerWebExchange exchange, String newFeedUrl) {
        Locale locale = exchange.getLocaleContext().getLocale();
        model.addAttribute("revoked", exchange.getRequest().getQueryParams().containsKey("revoked"));
        model.addAttribute("feedUrl", newFeedUrl);
        return entries(locale).flatMap(list -> {
            model.addAttribute("entries", list);
            String ics = Ics.of(text("programme.title", locale), list, Instant.now());
            return feeds.snapshot(user.getSubject(), ics)
                    .then(feeds.of(user.getSubject()).map(f -> (Object) f).defaultIfEmpty(""))
                    .doOnNext(feed -> model.addAttribute("feed", feed instanceof CalendarFeeds.Feed f ? f : null))
                    .thenReturn("programme");
        });
    }

    /** Her registrations (active ones), their lessons and her papers, in time order. */
    Mono<List<Entry>> entries(Locale locale) {
        Mono<List<Entry>> registered = api.myRegistrations()
                .flatMapMany(Flux::fromIterable)
                .filter(SignedInApi.Registration::active)
                .concatMap(r -> events.event(r.eventId())
                        .onErrorResume(NotFoundException.class, e -> Mono.empty())
                        .flatMapMany(event -> Flux.concat(
                                Mono.just(new Entry("EVENT", r.id(), event.title(), event.startDate(), event.endDate(), null, null,
                                        r.status(), messages.getMessage(r.statusKey(), new Object[] {r.waitlistPosition()}, locale), where(event),
                                        "/me/registrations/" + r.id())),
                                lessons(event, r, locale))))
                .collectList();
        Mono<List<Entry>> papers = api.myPapers()
                .flatMapMany(Flux::fromIterable)
                .filter(p -> !"WITHDRAWN".equals(p.status()))
                .concatMap(p -> events.event(p.eventId()).onErrorResume(NotFoundException.class, e -> Mono.empty())
                        .map(event -> new Entry("PAPER", p.id(), p.title(), event.startDate(), event.endDate(), null, null,
                                p.status(), text("paper.status." + p.status(), locale) + " · " + event.title(), where(event), null)))
                .collectList()
                .onErrorResume(ApiProblem.class, e -> Mono.just(List.of()));
        return Mono.zip(registered, papers).map(both -> {
            List<Entry> all = new ArrayList<>(both.getT1());
            all.addAll(both.getT2());
            all.sort(Comparator.comparing(Entry::sortKey).thenComparing(Entry::kind));
            return all;
        });
    }

    private Flux<Entry> lessons(Api.Event event, SignedInApi.Registration r, Locale locale) {
        if (!"CONFIRMED".equals(r.status())) {
            return Flux.empty();
        }
        return api.schedule(event.id(), r.id())
                .onErrorResume(ApiProblem.class, e -> Mono.just(List.of()))
                .flatMapMany(Flux::fromIterable)
                .map(s -> new Entry("LESSON", s.lesson().id(), s.lesson().title(), s.lesson().startsAt() == null ? null
                        : s.lesson().startsAt().toLocalDate(), null, s.lesson().startsAt(), s.lesson().endsAt(), s.status(),
                        "WAITLISTED".equals(s.status())
                                ? messages.getMessage("lessons.waitingAt", new Object[] {s.waitlistPosition()}, locale)
                                : text("lessons.yourSeat", locale),
                        s.lesson().hostSchool() == null ? null : s.lesson().hostSchool()
                                + (s.lesson().classroom() == null ? "" : " · " + s.lesson().classroom()),
                        "/events/" + event.id() + "/lessons#lesson-" + s.lesson().id()));
    }

    private static String where(Api.Event event) {
        return event.venues() == null || event.venues().isEmpty() ? null : event.venues().get(0).name();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /**
     * One line of her programme: an event (whole days), a lesson (times) or a paper (the event's days).
     *
     * @param kind EVENT, LESSON or PAPER
     */
    public record Entry(String kind, String id, String title, LocalDate date, LocalDate lastDate, OffsetDateTime start,
                        OffsetDateTime end, String status, String statusText, String where, String link) {

        Instant sortKey() {
            if (start != null) {
                return start.toInstant();
            }
            return date == null ? Instant.MAX : date.atStartOfDay(VIETNAM).toInstant();
        }
    }
}
