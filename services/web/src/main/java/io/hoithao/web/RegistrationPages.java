package io.hoithao.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The delegate's pages: register for an event (her name, email and unit from her account), her
 * registrations with their status, confirmation code and QR badge (a printable A6 card), and cancelling
 * one after a confirmation step. Every problem an API answers is explained on the page in her language,
 * next to the field it names.
 */
@Controller
public class RegistrationPages {

    static final List<String> CATEGORIES = List.of("TEACHER", "LEADER", "MANAGER", "STAFF", "GUEST");
    private static final Duration SHORT = Duration.ofSeconds(30);

    private final SignedInApi api;
    private final EventsClient events;
    private final ProblemMessages problems;
    private final MyProgramme programme;

    public RegistrationPages(SignedInApi api, EventsClient events, ProblemMessages problems, MyProgramme programme) {
        this.api = api;
        this.programme = programme;
        this.events = events;
        this.problems = problems;
    }

    @GetMapping("/events/{id}/register")
    public Mono<String> form(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model) {
        EventPages.checkId(id);
        return Mono.zip(events.event(id), api.account(user))
                .doOnNext(both -> {
                    SignedInApi.Account account = both.getT2();
                    model.addAttribute("event", both.getT1());
                    model.addAttribute("email", account.email());
                    model.addAttribute("form", new RegistrationForm(account.fullName(), "", account.unit(), account.unitId(), "", "TEACHER", ""));
                    model.addAttribute("categories", CATEGORIES);
                })
                .thenReturn("register");
    }

    @PostMapping("/events/{id}/register")
    public Mono<String> register(@PathVariable String id, @ModelAttribute("form") RegistrationForm form,
                                 @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        EventPages.checkId(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", id);
        body.put("fullName", form.fullName());
        body.put("email", user.getEmail());
        body.put("phone", form.phone());
        // she registers for her own confirmed unit of the directory, by id (the service takes it from her token anyway)
        body.put("unitId", blankToNull(form.unitId()));
        body.put("position", blankToNull(form.position()));
        body.put("category", form.category());
        body.put("note", blankToNull(form.note()));
        return api.register(body)
                .flatMap(registration -> programme.changed(exchange.getLocaleContext().getLocale()).thenReturn(registration))
                .map(registration -> "redirect:/me/registrations/" + registration.id())
                .onErrorResume(ApiProblem.class, problem -> events.event(id).map(event -> {
                    model.addAttribute("event", event);
                    model.addAttribute("email", user.getEmail());
                    model.addAttribute("categories", CATEGORIES);
                    model.addAttribute("problem", problems.show(problem, exchange.getLocaleContext().getLocale()));
                    exchange.getResponse().setRawStatusCode(problem.status() == 409 ? 409 : 400);
                    return "register";
                }));
    }

    @GetMapping("/me/registrations")
    public Mono<String> mine(Model model) {
        return api.myRegistrations()
                .flatMap(list -> reactor.core.publisher.Flux.fromIterable(list)
                        .flatMapSequential(r -> events.event(r.eventId()).map(e -> new Mine(r, e))
                                .onErrorResume(NotFoundException.class, e -> Mono.just(new Mine(r, null))))
                        .collectList())
                .doOnNext(list -> model.addAttribute("registrations", list.stream()
                        .sorted(Comparator.comparing((Mine m) -> !m.registration().active())
                                .thenComparing(m -> m.event() == null ? null : m.event().startDate(),
                                        Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList()))
                .thenReturn("registrations");
    }

    @GetMapping("/me/registrations/{id}")
    public Mono<String> registration(@PathVariable String id,
                                     @org.springframework.web.bind.annotation.RequestParam(required = false) String cancelled,
                                     Model model) {
        model.addAttribute("cancelledNow", cancelled != null);
        return withEvent(id, model).thenReturn("registration");
    }

    /** One A6 card to print: her name, unit, the event, the QR code and the confirmation code. */
    @GetMapping("/me/registrations/{id}/badge")
    public Mono<String> badge(@PathVariable String id, Model model) {
        return withEvent(id, model).thenReturn("badge");
    }

    @GetMapping("/me/registrations/{id}/qr.png")
    public Mono<ResponseEntity<byte[]>> qr(@PathVariable String id) {
        EventPages.checkId(id);
        return api.registration(id)
                .filter(SignedInApi.Registration::hasBadge)
                .switchIfEmpty(Mono.error(new NotFoundException("No badge")))
                .flatMap(r -> api.qr(r.confirmationCode()))
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(SHORT).cachePrivate()).body(png));
    }

    /** The confirmation step before cancelling. */
    @GetMapping("/me/registrations/{id}/cancel")
    public Mono<String> confirmCancel(@PathVariable String id, Model model) {
        return withEvent(id, model).thenReturn("cancel");
    }

    @PostMapping("/me/registrations/{id}/cancel")
    public Mono<String> cancel(@PathVariable String id, ServerWebExchange exchange) {
        EventPages.checkId(id);
        return api.cancel(id)
                .flatMap(registration -> programme.changed(exchange.getLocaleContext().getLocale()).thenReturn(registration))
                .map(r -> "redirect:/me/registrations/" + r.id() + "?cancelled=1");
    }

    private Mono<Void> withEvent(String id, Model model) {
        EventPages.checkId(id);
        return api.registration(id)
                .flatMap(r -> events.event(r.eventId()).map(e -> new Mine(r, e))
                        .onErrorResume(NotFoundException.class, e -> Mono.just(new Mine(r, null))))
                .doOnNext(m -> {
                    model.addAttribute("registration", m.registration());
                    model.addAttribute("event", m.event());
                })
                .then();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What the registration form posts (her email is her account's, not a field). */
    public record RegistrationForm(String fullName, String phone, String unit, String unitId, String position, String category,
                                   String note) {
    }

    /** A registration with its event (null if the event is gone). */
    public record Mine(SignedInApi.Registration registration, Api.Event event) {
    }
}
