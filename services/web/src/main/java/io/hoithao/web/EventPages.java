package io.hoithao.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The public pages: upcoming events with search and filters, one event with its programme. */
@Controller
public class EventPages {

    static final List<String> LEVELS = List.of("SCHOOL", "DISTRICT", "PROVINCE");
    static final List<String> KINDS = List.of("CONFERENCE", "WORKSHOP", "THEMATIC_SESSION");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final EventsClient events;
    private final SignedInApi api;

    public EventPages(EventsClient events, SignedInApi api) {
        this.events = events;
        this.api = api;
    }

    @GetMapping({"/", "/events"})
    public Mono<String> list(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
                             @RequestParam(required = false) String kind, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") String page,
                             Model model) {
        String lvl = level != null && LEVELS.contains(level) ? level : null;
        String knd = kind != null && KINDS.contains(kind) ? kind : null;
        boolean badFrom = from != null && !from.isBlank() && date(from) == null;
        boolean badTo = to != null && !to.isBlank() && date(to) == null;
        String fromDate = badFrom || from == null || from.isBlank() ? LocalDate.now(VIETNAM).toString() : from.strip();
        String toDate = badTo || to == null || to.isBlank() ? null : to.strip();
        int pageNumber = number(page);
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        model.addAttribute("q", query);
        model.addAttribute("level", lvl);
        model.addAttribute("kind", knd);
        model.addAttribute("from", fromDate);
        model.addAttribute("to", toDate);
        model.addAttribute("badFrom", badFrom);
        model.addAttribute("badTo", badTo);
        model.addAttribute("levels", LEVELS);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("pageNumber", pageNumber);
        return events.find(new EventsClient.EventSearch(query, lvl, knd, fromDate, toDate, pageNumber))
                .doOnNext(found -> {
                    model.addAttribute("events", found.items());
                    model.addAttribute("total", found.total());
                    model.addAttribute("hasNext", (long) (found.page() + 1) * found.size() < found.total());
                })
                .thenReturn("events");
    }

    @GetMapping("/events/{id}")
    public Mono<String> event(@PathVariable String id,
                              @org.springframework.security.core.annotation.AuthenticationPrincipal
                              org.springframework.security.oauth2.core.oidc.user.OidcUser user, Model model) {
        checkId(id);
        // her own registration for the event, when she is signed in; the public page never fails for it
        Mono<java.util.Optional<SignedInApi.Registration>> mine = user == null ? Mono.just(java.util.Optional.empty())
                : api.myRegistrations(id)
                        .map(list -> list.stream().filter(SignedInApi.Registration::active).findFirst())
                        .onErrorResume(e -> Mono.just(java.util.Optional.empty()));
        return Mono.zip(events.event(id), events.programme(id), mine)
                .doOnNext(all -> {
                    model.addAttribute("event", all.getT1());
                    model.addAttribute("programme", all.getT2());
                    model.addAttribute("myRegistration", all.getT3().orElse(null));
                })
                .thenReturn("event");
    }

    /** The programme alone, for the live update (htmx swaps it in when the stream says it changed). */
    @GetMapping("/events/{id}/programme")
    public Mono<String> programme(@PathVariable String id, Model model) {
        checkId(id);
        return Mono.zip(events.event(id), events.programme(id))
                .doOnNext(both -> {
                    model.addAttribute("event", both.getT1());
                    model.addAttribute("programme", both.getT2());
                })
                .thenReturn("event :: programme");
    }

    @GetMapping("/events/{id}/calendar.ics")
    public Mono<ResponseEntity<byte[]>> calendar(@PathVariable String id) {
        checkId(id);
        return events.calendar(id).map(ics -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hoithao-" + id + ".ics\"")
                .body(ics));
    }

    /**
     * The events service's change stream, passed on as one "changed" event per change (the page then
     * fetches the programme fragment), with a comment every 15 s so proxies keep the connection.
     */
    @GetMapping(path = "/events/{id}/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    public Flux<ServerSentEvent<String>> changes(@PathVariable String id) {
        checkId(id);
        Flux<ServerSentEvent<String>> changed = events.changes(id)
                .filter(e -> e.data() != null || e.event() != null)
                .map(e -> ServerSentEvent.<String>builder().event("changed").data(e.event() == null ? "change" : e.event()).build());
        Flux<ServerSentEvent<String>> keepAlive = Flux.interval(Duration.ofSeconds(15))
                .map(n -> ServerSentEvent.<String>builder().comment("keep-alive").build());
        return changed.publish(shared -> Flux.merge(shared, keepAlive.takeUntilOther(shared.then())));
    }

    /** The language switch: remembered in a cookie for a year, then back to the page it was used on. */
    @GetMapping("/language")
    public Mono<ResponseEntity<Void>> language(@RequestParam(name = "lang", required = false) String lang,
                                               @RequestParam(name = "back", required = false) String back,
                                               ServerWebExchange exchange) {
        var locale = LanguageResolver.supported(lang);
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && !back.contains("\r") && !back.contains("\n") ? back : "/";
        var response = ResponseEntity.status(303).header(HttpHeaders.LOCATION, target);
        if (locale != null) {
            ResponseCookie cookie = ResponseCookie.from(LanguageResolver.COOKIE, locale.getLanguage())
                    .path("/").maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").build();
            response.header(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        return Mono.just(response.build());
    }

    static void checkId(String id) {
        if (id.length() > 64 || !id.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
            throw new NotFoundException("No such event");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int number(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            return n < 0 || n > 10_000 ? 0 : n;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
