package io.hoithao.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

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

import reactor.core.publisher.Mono;

/**
 * <em>Lịch của tôi</em>: everything that is hers across the suite in time order ({@link MyProgramme}) and a
 * private, revocable calendar feed of it ({@link CalendarFeeds}), rendered afresh at each fetch.
 */
@Controller
public class ProgrammePages {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MyProgramme programme;
    private final CalendarFeeds feeds;
    private final WebProperties properties;

    public ProgrammePages(MyProgramme programme, CalendarFeeds feeds, WebProperties properties) {
        this.programme = programme;
        this.feeds = feeds;
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
        return programme.entries(locale)
                .flatMap(list -> programme.newFeed(user.getSubject(), list, locale))
                .flatMap(token -> show(user, model, exchange, properties.publicUri() + "/feeds/" + token + ".ics"));
    }

    @PostMapping("/me/programme/feed/revoke")
    public Mono<String> revoke(@AuthenticationPrincipal OidcUser user) {
        return feeds.revoke(user.getSubject()).thenReturn("redirect:/me/programme?revoked");
    }

    /** The feed a calendar app subscribes to: no sign-in, the address is the secret; rendered now. */
    @GetMapping("/feeds/{token}.ics")
    public Mono<ResponseEntity<String>> feed(@PathVariable String token) {
        return feeds.feed(token)
                .switchIfEmpty(Mono.error(new NotFoundException("No such feed")))
                .flatMap(programme::calendar)
                .map(ics -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"hoithao.ics\"")
                        .body(ics));
    }

    private Mono<String> show(OidcUser user, Model model, ServerWebExchange exchange, String newFeedUrl) {
        Locale locale = exchange.getLocaleContext().getLocale();
        model.addAttribute("revoked", exchange.getRequest().getQueryParams().containsKey("revoked"));
        model.addAttribute("feedUrl", newFeedUrl);
        return programme.entries(locale).flatMap(list -> {
            model.addAttribute("entries", list);
            // what she sees is hers becomes her feed's list (a registration or booking made elsewhere included)
            return programme.remember(user.getSubject(), list, locale)
                    .then(feeds.of(user.getSubject()).map(f -> (Object) f).defaultIfEmpty(""))
                    .doOnNext(feed -> model.addAttribute("feed", feed instanceof CalendarFeeds.Feed f ? f : null))
                    .thenReturn("programme");
        });
    }

    /**
     * One line of her programme: an event (whole days), a lesson (times) or a paper (its session's times once
     * placed, else the event's days).
     *
     * @param kind EVENT, LESSON or PAPER
     * @param id the registration's id (EVENT), the lesson's or the paper's
     */
    public record Entry(String kind, String id, String eventId, String title, LocalDate date, LocalDate lastDate,
                        OffsetDateTime start, OffsetDateTime end, String status, String statusText, String where, String link) {

        Instant sortKey() {
            if (start != null) {
                return start.toInstant();
            }
            return date == null ? Instant.MAX : date.atStartOfDay(VIETNAM).toInstant();
        }
    }
}
