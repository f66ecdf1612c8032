package io.hoithao.web.checkin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;

import io.hoithao.web.Api;
import io.hoithao.web.ApiProblem;
import io.hoithao.web.ApiUnavailableException;
import io.hoithao.web.EventsClient;
import io.hoithao.web.NotFoundException;
import io.hoithao.web.ProblemMessages;
import io.hoithao.web.SignInAgainException;
import io.hoithao.web.SignedInApi;
import reactor.core.publisher.Mono;

/**
 * Check-in at the door, for the event's organisers, on a phone: by the badge's QR code (the page's script
 * reads the camera with jsQR), by the typed code, or by name (diacritics ignored). Each check-in answers at
 * once with the delegate's name and unit, and the time of her first check-in that day when she was already
 * checked in. The page's script posts with {@code X-Requested-With} and gets JSON; without script the forms
 * post and the page comes back with the answer. Scans made offline wait in the browser (see js/checkin.js).
 */
@Controller
class CheckInPages {

    static final String XHR = "X-Requested-With=XMLHttpRequest";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** How many name matches the page lists. */
    static final int MATCHES = 20;

    private final CheckInClient api;
    private final EventsClient events;
    private final SignedInApi account;
    private final ProblemMessages problems;
    private final MessageSource messages;

    CheckInPages(CheckInClient api, EventsClient events, SignedInApi account, ProblemMessages problems, MessageSource messages) {
        this.api = api;
        this.events = events;
        this.account = account;
        this.problems = problems;
        this.messages = messages;
    }

    /** The answer to one check-in, as the page shows it. {@code kind}: done, already or problem. */
    record Result(String kind, String fullName, String unit, String message, String code) {
    }

    /** A name match: the delegate, her code and whether she is checked in on the page's day. */
    record Match(String fullName, String unit, String code, boolean checkedIn) {
    }

    @GetMapping("/checkin")
    Mono<String> events(@AuthenticationPrincipal OidcUser user, Model model) {
        return account.account(user).flatMap(a -> api.eventsOf(a.unitId()))
                .doOnNext(list -> model.addAttribute("events", list.stream()
                        .filter(e -> !"CANCELLED".equals(e.status()) && !"DRAFT".equals(e.status())).toList()))
                .thenReturn("checkin/events");
    }

    @GetMapping("/checkin/events/{id}")
    Mono<String> page(@PathVariable String id, @RequestParam(required = false) String day,
                      @RequestParam(required = false) String q, Model model) {
        checkId(id);
        return events.event(id).flatMap(event -> {
            LocalDate chosen = day(event, day);
            fill(model, event, chosen);
            if (q == null || q.isBlank()) {
                return Mono.just("checkin/day");
            }
            model.addAttribute("q", q.strip());
            return api.confirmed(id).map(all -> {
                model.addAttribute("matches", matches(all, q, chosen));
                return "checkin/day";
            });
        });
    }

    /** Without script: the code form and the name list's buttons post here; the page comes back with the answer. */
    @PostMapping("/checkin/events/{id}")
    Mono<String> checkInForm(@PathVariable String id, ServerWebExchange exchange, Model model) {
        checkId(id);
        Locale locale = exchange.getLocaleContext().getLocale();
        return Mono.zip(events.event(id), exchange.getFormData()).flatMap(t -> {
            Api.Event event = t.getT1();
            LocalDate chosen = day(event, t.getT2().getFirst("day"));
            fill(model, event, chosen);
            return checkIn(event, t.getT2(), chosen, locale).map(answer -> {
                model.addAttribute("result", answer.getBody());
                exchange.getResponse().setStatusCode(answer.getStatusCode());
                return "checkin/day";
            });
        });
    }

    /** The page's script (also for queued scans sent later): the answer as JSON. */
    @PostMapping(path = "/checkin/events/{id}", headers = XHR)
    @ResponseBody
    Mono<ResponseEntity<Result>> checkInJson(@PathVariable String id, ServerWebExchange exchange) {
        checkId(id);
        Locale locale = exchange.getLocaleContext().getLocale();
        return Mono.zip(events.event(id), exchange.getFormData())
                .flatMap(t -> checkIn(t.getT1(), t.getT2(), day(t.getT1(), t.getT2().getFirst("day")), locale))
                .onErrorResume(NotFoundException.class, e -> Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(new Result("problem", null, null, text("error.not-found", locale), null))));
    }

    private Mono<ResponseEntity<Result>> checkIn(Api.Event event, MultiValueMap<String, String> form, LocalDate day, Locale locale) {
        String code = form.getFirst("code") == null ? "" : form.getFirst("code").strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty() || code.length() > 40) {
            return Mono.just(ResponseEntity.badRequest().body(new Result("problem", null, null, text("checkin.code.missing", locale), code)));
        }
        ZoneId zone = zone(event);
        return api.checkIn(code, day)
                .map(c -> ResponseEntity.ok(new Result(c.alreadyCheckedIn() ? "already" : "done", c.fullName(), c.unit(),
                        message(c, zone, locale), code)))
                .onErrorResume(ApiProblem.class, p -> Mono.just(ResponseEntity.status(p.status())
                        .body(new Result("problem", null, null, p.status() == 404
                                ? text("checkin.code.unknown", locale, code)
                                : problem(p, locale), code))))
                .onErrorResume(SignInAgainException.class, e -> Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .body(new Result("problem", null, null, text("checkin.signInAgain", locale), code))))
                .onErrorResume(ApiUnavailableException.class, e -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(new Result("problem", null, null, text("error.unavailable", locale), code))));
    }

    /** The problem in her language: this page's own wording ({@code checkin.problem.<type>}) where it has one. */
    private String problem(ApiProblem problem, Locale locale) {
        String own = messages.getMessage("checkin.problem." + problem.type(), null, null, locale);
        return own != null ? own : problems.show(problem, locale).message();
    }

    private String message(CheckInClient.CheckIn c, ZoneId zone, Locale locale) {
        String at = c.checkedInAt() == null ? null : time(c.checkedInAt(), zone);
        if (c.alreadyCheckedIn()) {
            return at == null ? text("checkin.already", locale) : text("checkin.alreadyAt", locale, at);
        }
        return at == null ? text("checkin.done", locale) : text("checkin.doneAt", locale, at);
    }

    static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    private void fill(Model model, Api.Event event, LocalDate chosen) {
        model.addAttribute("event", event);
        model.addAttribute("day", chosen);
        model.addAttribute("days", days(event));
    }

    static List<Match> matches(List<CheckInClient.Delegate> all, String q, LocalDate day) {
        String wanted = Names.fold(q);
        List<Match> found = new ArrayList<>();
        for (CheckInClient.Delegate d : all) {
            boolean byName = !wanted.isEmpty() && Names.fold(d.fullName()).contains(wanted);
            boolean byCode = d.confirmationCode() != null && d.confirmationCode().equalsIgnoreCase(q.strip());
            if ((byName || byCode) && d.confirmationCode() != null) {
                found.add(new Match(d.fullName(), d.unit(), d.confirmationCode(), d.checkedIn(day)));
                if (found.size() == MATCHES) {
                    break;
                }
            }
        }
        return found;
    }

    static List<LocalDate> days(Api.Event event) {
        List<LocalDate> days = new ArrayList<>();
        if (event.startDate() == null) {
            return days;
        }
        LocalDate end = event.endDate() == null ? event.startDate() : event.endDate();
        for (LocalDate d = event.startDate(); !d.isAfter(end) && days.size() < 60; d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** The day asked for if it is one of the event's, else today during the event, else its first day. */
    static LocalDate day(Api.Event event, String asked) {
        List<LocalDate> days = days(event);
        if (asked != null && !asked.isBlank()) {
            try {
                LocalDate parsed = LocalDate.parse(asked.strip());
                if (days.contains(parsed)) {
                    return parsed;
                }
            } catch (DateTimeException ignored) {
                // an impossible day: the default below
            }
        }
        LocalDate today = LocalDate.now(zone(event));
        return days.contains(today) || days.isEmpty() ? today : days.get(0);
    }

    static ZoneId zone(Api.Event event) {
        try {
            return event.timeZone() == null ? VIETNAM : ZoneId.of(event.timeZone());
        } catch (DateTimeException e) {
            return VIETNAM;
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** An id as the APIs make them; anything else is a page that does not exist (never sent on to an API). */
    static void checkId(String id) {
        if (id.length() > 64 || !id.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            throw new NotFoundException("No such event");
        }
    }
}
