package io.hoithao.web.organiser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.hoithao.web.ApiProblem;
import io.hoithao.web.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * Planning an event: creating and editing it (kind, level, organising unit from the units directory,
 * days, time zone, capacity, officials), its venues with their classrooms, the programme by day with its
 * sessions; moving and cancelling a session after a confirmation that counts who it touches; the
 * lifecycle's steps, cancelling the event after a confirmation with the cascade's counts. The APIs'
 * refusals are shown in her language: a clash names the other session.
 */
@Controller
class PlanPages {

    static final List<String> KINDS = List.of("CONFERENCE", "WORKSHOP", "THEMATIC_SESSION");
    static final List<String> LEVELS = List.of("SCHOOL", "DISTRICT", "PROVINCE");
    static final List<String> ROLES = List.of("DIRECTING", "CHAIRING", "PRESENTING");
    static final List<String> VENUE_KINDS = List.of("HOST_SCHOOL", "HALL");
    static final List<String> TYPES = List.of("OPENING", "PLENARY", "PRESENTATION", "DEMONSTRATION_LESSON", "SITE_VISIT",
            "DISCUSSION", "BREAK", "CLOSING");
    /** A step's page name and the events API's path for it. */
    static final Map<String, String> STEPS = Map.of("publish", "publish", "open", "registration/open", "close",
            "registration/close", "start", "start", "complete", "complete", "cancel", "cancel");
    static final int OFFICIAL_ROWS = 4;
    /** The form's entry (never sent by the browser) labelling the chosen unit when the directory does not list it. */
    private static final String UNIT_LABEL = "organiserUnitLabel";

    private final OrganiserApi api;
    private final Console console;
    private final ConsoleProblems problems;

    PlanPages(OrganiserApi api, Console console, ConsoleProblems problems) {
        this.api = api;
        this.console = console;
        this.problems = problems;
    }

    // the event's form

    @GetMapping("/organiser/events/new")
    Mono<String> newEvent(@AuthenticationPrincipal OidcUser user, Model model) {
        return console.organiser(user).flatMap(organiser -> {
            Map<String, String> form = new LinkedHashMap<>();
            // her own unit by its directory id; its name labels it should the directory not list it
            form.put("organiserUnitId", organiser.unitId() == null ? "" : organiser.unitId());
            form.put(UNIT_LABEL, organiser.unit() == null ? "" : organiser.unit());
            form.put("kind", "CONFERENCE");
            form.put("level", "PROVINCE");
            form.put("timeZone", "Asia/Ho_Chi_Minh");
            form.put("capacity", "100");
            return eventForm(model, null, form, List.of());
        });
    }

    @PostMapping("/organiser/events")
    Mono<String> create(@AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        return console.organiser(user).then(exchange.getFormData()).flatMap(data -> {
            Map<String, String> form = flat(data);
            List<Map<String, String>> officials = officials(data);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", form.get("title"));
            body.put("description", blankToNull(form.get("description")));
            body.put("kind", form.get("kind"));
            body.put("level", form.get("level"));
            // the unit by its id only: left out, the events API takes an organiser's own unit (an administrator must choose)
            body.put("organiserUnitId", blankToNull(form.get("organiserUnitId")));
            body.put("startDate", date(form.get("startDate")));
            body.put("endDate", date(form.get("endDate")));
            body.put("timeZone", blankToNull(form.get("timeZone")));
            body.put("capacity", number(form.get("capacity")));
            body.put("officials", officials);
            return api.createEvent(body)
                    .map(event -> "redirect:/organiser/events/" + event.id() + "/plan?created")
                    .onErrorResume(ApiProblem.class, problem -> {
                        shown(model, exchange, problem);
                        return eventForm(model, null, form, officials);
                    });
        });
    }

    @GetMapping("/organiser/events/{id}/edit")
    Mono<String> edit(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model) {
        Console.id(id);
        return console.organiser(user).then(api.event(id)).flatMap(event -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("title", event.title());
            form.put("description", event.description() == null ? "" : event.description());
            form.put("kind", event.kind());
            form.put("level", event.level());
            form.put("organiserUnitId", event.organiserUnitId() == null ? "" : event.organiserUnitId());
            form.put(UNIT_LABEL, event.organiserUnit() == null ? "" : event.organiserUnit());
            form.put("startDate", String.valueOf(event.startDate()));
            form.put("endDate", String.valueOf(event.endDate()));
            form.put("timeZone", event.timeZone());
            form.put("capacity", String.valueOf(event.capacity()));
            List<Map<String, String>> officials = event.officials() == null ? List.of() : event.officials().stream()
                    .map(o -> Map.of("name", o.name(), "position", o.position() == null ? "" : o.position(),
                            "unit", o.unit() == null ? "" : o.unit(), "role", o.role()))
                    .toList();
            return eventForm(model, event, form, officials);
        });
    }

    /** Saves what changed: the details (PATCH), the capacity and the days each by their own request. */
    @PostMapping("/organiser/events/{id}")
    Mono<String> update(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(Mono.zip(api.event(id), exchange.getFormData())).flatMap(both -> {
            OrganiserApi.Event event = both.getT1();
            Map<String, String> form = flat(both.getT2());
            List<Map<String, String>> officials = officials(both.getT2());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("title", form.get("title"));
            details.put("description", form.getOrDefault("description", ""));
            details.put("officials", officials);
            // the unit moves only by its id, and only when she chose another one (the events API lets only an
            // administrator move a draft; sending the same unit back would be no change, but needs no request)
            String unitId = blankToNull(form.get("organiserUnitId"));
            if (unitId != null && !unitId.equals(event.organiserUnitId())) {
                details.put("organiserUnitId", unitId);
            }
            Mono<?> steps = api.updateEvent(id, details);
            Object capacity = number(form.get("capacity"));
            if (!String.valueOf(event.capacity()).equals(String.valueOf(capacity))) {
                steps = steps.then(api.capacity(id, capacity instanceof Integer n ? n : -1));
            }
            String start = date(form.get("startDate"));
            String end = date(form.get("endDate"));
            if (!String.valueOf(event.startDate()).equals(start) || !String.valueOf(event.endDate()).equals(end)
                    || !String.valueOf(event.timeZone()).equals(form.get("timeZone"))) {
                Map<String, Object> days = new LinkedHashMap<>();
                days.put("startDate", start);
                days.put("endDate", end);
                days.put("timeZone", blankToNull(form.get("timeZone")));
                steps = steps.then(api.reschedule(id, days));
            }
            return steps.thenReturn("redirect:/organiser/events/" + id + "/plan?saved")
                    .onErrorResume(ApiProblem.class, problem -> {
                        shown(model, exchange, problem);
                        return eventForm(model, event, form, officials);
                    });
        });
    }

    private Mono<String> eventForm(Model model, OrganiserApi.Event event, Map<String, String> form, List<Map<String, String>> officials) {
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        List<Map<String, String>> rows = new ArrayList<>(officials);
        while (rows.size() < Math.max(OFFICIAL_ROWS, officials.size() + 1)) {
            rows.add(Map.of("name", "", "position", "", "unit", "", "role", rows.isEmpty() ? "DIRECTING" : "CHAIRING"));
        }
        model.addAttribute("officials", rows);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("levels", LEVELS);
        model.addAttribute("roles", ROLES);
        return api.units().onErrorResume(e -> Mono.just(List.of())).doOnNext(units -> {
            // options valued by the units' ids, labelled by their official names
            List<UnitOption> options = new ArrayList<>(units.stream().map(u -> new UnitOption(u.id(), u.officialName())).toList());
            String current = form.get("organiserUnitId");
            if (current != null && !current.isBlank() && options.stream().noneMatch(o -> o.id().equals(current))) {
                // a unit the directory's first page does not list (or the directory cannot be reached): kept, so
                // that saving does not move the event
                String label = form.get(UNIT_LABEL);
                if (label == null || label.isBlank()) {
                    label = event != null && current.equals(event.organiserUnitId()) && event.organiserUnit() != null
                            ? event.organiserUnit() : current;
                }
                options.add(0, new UnitOption(current, label));
            }
            model.addAttribute("units", options);
        }).thenReturn("organiser/event-form");
    }

    // venues and the programme

    @GetMapping("/organiser/events/{id}/plan")
    Mono<String> plan(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        var query = exchange.getRequest().getQueryParams();
        for (String flag : List.of("created", "saved", "venue", "session", "moved", "cancelled")) {
            if (query.containsKey(flag)) {
                model.addAttribute("done", flag);
            }
        }
        return console.organiser(user).then(planPage(id, model, Map.of(), Map.of()));
    }

    @PostMapping("/organiser/events/{id}/venues")
    Mono<String> addVenue(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(exchange.getFormData()).flatMap(data -> {
            Map<String, String> form = flat(data);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", form.get("name"));
            body.put("kind", form.get("kind"));
            body.put("address", blankToNull(form.get("address")));
            body.put("classrooms", Arrays.stream(form.getOrDefault("classrooms", "").split("[,;\\n]"))
                    .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList());
            return api.addVenue(id, body).thenReturn("redirect:/organiser/events/" + id + "/plan?venue#venues")
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("venueProblem", problems.show(problem, locale(exchange)));
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return planPage(id, model, form, Map.of());
                    });
        });
    }

    @PostMapping("/organiser/events/{id}/sessions")
    Mono<String> addSession(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(exchange.getFormData()).flatMap(data -> {
            Map<String, String> form = flat(data);
            Map<String, Object> body = sessionBody(form, true);
            return api.addSession(id, body).thenReturn("redirect:/organiser/events/" + id + "/plan?session#programme")
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("sessionProblem", problems.show(problem, locale(exchange)));
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return planPage(id, model, Map.of(), form);
                    });
        });
    }

    private Mono<String> planPage(String id, Model model, Map<String, String> venueForm, Map<String, String> sessionForm) {
        return Mono.zip(api.event(id), api.programme(id)).doOnNext(both -> {
            OrganiserApi.Event event = both.getT1();
            model.addAttribute("event", event);
            model.addAttribute("programme", both.getT2());
            model.addAttribute("days", days(event));
            model.addAttribute("venueKinds", VENUE_KINDS);
            model.addAttribute("types", TYPES);
            model.addAttribute("venueForm", venueForm);
            Map<String, String> session = new LinkedHashMap<>(sessionForm);
            session.putIfAbsent("type", "PLENARY");
            session.putIfAbsent("date", String.valueOf(event.startDate()));
            model.addAttribute("sessionForm", session);
        }).thenReturn("organiser/plan");
    }

    // one session: move, cancel

    @GetMapping("/organiser/events/{id}/sessions/{sessionId}/move")
    Mono<String> moveForm(@PathVariable String id, @PathVariable String sessionId, @AuthenticationPrincipal OidcUser user, Model model) {
        Console.id(id);
        Console.id(sessionId);
        return console.organiser(user).then(sessionPage(id, sessionId, model, null));
    }

    @PostMapping("/organiser/events/{id}/sessions/{sessionId}/move")
    Mono<String> move(@PathVariable String id, @PathVariable String sessionId, @AuthenticationPrincipal OidcUser user, Model model,
                      ServerWebExchange exchange) {
        Console.id(id);
        Console.id(sessionId);
        return console.organiser(user).then(exchange.getFormData()).flatMap(data -> {
            Map<String, String> form = flat(data);
            return api.moveSession(id, sessionId, sessionBody(form, false))
                    .thenReturn("redirect:/organiser/events/" + id + "/plan?moved#session-" + sessionId)
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("problem", problems.show(problem, locale(exchange)));
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return sessionPage(id, sessionId, model, form);
                    });
        });
    }

    @GetMapping("/organiser/events/{id}/sessions/{sessionId}/cancel")
    Mono<String> cancelForm(@PathVariable String id, @PathVariable String sessionId, @AuthenticationPrincipal OidcUser user, Model model) {
        Console.id(id);
        Console.id(sessionId);
        model.addAttribute("cancelling", true);
        return console.organiser(user).then(sessionPage(id, sessionId, model, null));
    }

    @PostMapping("/organiser/events/{id}/sessions/{sessionId}/cancel")
    Mono<String> cancelSession(@PathVariable String id, @PathVariable String sessionId, @AuthenticationPrincipal OidcUser user) {
        Console.id(id);
        Console.id(sessionId);
        return console.organiser(user).then(api.cancelSession(id, sessionId))
                .thenReturn("redirect:/organiser/events/" + id + "/plan?cancelled#session-" + sessionId);
    }

    /** The session with who a change touches: the event's delegates, the observers booked in its lessons, the papers placed in it. */
    private Mono<String> sessionPage(String id, String sessionId, Model model, Map<String, String> form) {
        return Mono.zip(api.event(id), api.programme(id), api.session(id, sessionId), delegates(id)).doOnNext(t -> {
            OrganiserApi.Session session = t.getT3();
            OrganiserApi.Item item = t.getT2().item(sessionId).orElse(new OrganiserApi.Item(session, List.of(), List.of()));
            model.addAttribute("event", t.getT1());
            model.addAttribute("session", session);
            model.addAttribute("affected", new Affected(t.getT4(), item.bookings(), item.paperCount()));
            model.addAttribute("days", days(t.getT1()));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("date", String.valueOf(session.date()));
            values.put("start", String.valueOf(session.start()));
            values.put("end", String.valueOf(session.end()));
            values.put("venueId", session.venueId() == null ? "" : session.venueId());
            values.put("classroom", session.classroom() == null ? "" : session.classroom());
            if (form != null) {
                values.putAll(form);
            }
            model.addAttribute("form", values);
        }).thenReturn("organiser/session");
    }

    /** Delegates the programme reaches: confirmed, waiting and awaiting approval (0 while the event is not published). */
    private Mono<Long> delegates(String id) {
        Mono<Long> awaiting = api.delegates(id, "AWAITING_APPROVAL", null, 0, 1).map(OrganiserApi.Page::total)
                .onErrorResume(e -> Mono.just(0L));
        return Mono.zip(api.seats(id).map(s -> s.confirmed() + s.waitlisted()).onErrorResume(e -> Mono.just(0L)), awaiting)
                .map(t -> t.getT1() + t.getT2());
    }

    // the lifecycle

    @GetMapping("/organiser/events/{id}/steps/{step}")
    Mono<String> stepForm(@PathVariable String id, @PathVariable String step, @AuthenticationPrincipal OidcUser user, Model model) {
        Console.id(id);
        if (!STEPS.containsKey(step)) {
            throw new NotFoundException("No such step");
        }
        return console.organiser(user).then(stepPage(id, step, model));
    }

    @PostMapping("/organiser/events/{id}/steps/{step}")
    Mono<String> step(@PathVariable String id, @PathVariable String step, @AuthenticationPrincipal OidcUser user, Model model,
                      ServerWebExchange exchange) {
        Console.id(id);
        if (!STEPS.containsKey(step)) {
            throw new NotFoundException("No such step");
        }
        return console.organiser(user).then(exchange.getFormData()).flatMap(data -> {
            String reason = blankToNull(data.getFirst("reason"));
            Map<String, Object> body = "cancel".equals(step) && reason != null ? Map.of("reason", reason) : null;
            return api.transition(id, STEPS.get(step), body)
                    .thenReturn("redirect:/organiser/events/" + id + "?step=" + step)
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("problem", problems.show(problem, locale(exchange)));
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return stepPage(id, step, model);
                    });
        });
    }

    /** The step's confirmation; cancelling shows what the cascade will cancel. */
    private Mono<String> stepPage(String id, String step, Model model) {
        model.addAttribute("step", step);
        Mono<Long> lessons = api.lessons(id).map(l -> l.stream().filter(x -> !"CANCELLED".equals(x.status())).count())
                .onErrorResume(e -> Mono.just(0L));
        return Mono.zip(api.event(id), api.programme(id), delegates(id), lessons).doOnNext(t -> {
            model.addAttribute("event", t.getT1());
            model.addAttribute("cascade", new Cascade(t.getT3(), t.getT2().bookings(), t.getT2().papers(), t.getT4()));
        }).thenReturn("organiser/step");
    }

    // helpers

    private static Map<String, Object> sessionBody(Map<String, String> form, boolean created) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (created) {
            body.put("type", form.get("type"));
            body.put("title", form.get("title"));
            body.put("chair", blankToNull(form.get("chair")));
            String speakers = form.getOrDefault("speakers", "");
            body.put("speakers", Arrays.stream(speakers.split("[\\n;]")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        body.put("date", date(form.get("date")));
        body.put("start", blankToNull(form.get("start")));
        body.put("end", blankToNull(form.get("end")));
        body.put("venueId", blankToNull(form.get("venueId")));
        body.put("classroom", blankToNull(form.get("classroom")));
        if (form.get("seats") != null && !form.get("seats").isBlank()) {
            body.put("seats", number(form.get("seats")));
        }
        return body;
    }

    private static List<Map<String, String>> officials(MultiValueMap<String, String> data) {
        List<String> names = data.getOrDefault("officialName", List.of());
        List<String> positions = data.getOrDefault("officialPosition", List.of());
        List<String> units = data.getOrDefault("officialUnit", List.of());
        List<String> roles = data.getOrDefault("officialRole", List.of());
        List<Map<String, String>> officials = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Map<String, String> official = new LinkedHashMap<>();
            official.put("name", name);
            official.put("position", i < positions.size() ? positions.get(i).strip() : "");
            official.put("unit", i < units.size() ? units.get(i).strip() : "");
            official.put("role", i < roles.size() && ROLES.contains(roles.get(i)) ? roles.get(i) : "CHAIRING");
            officials.add(official);
        }
        return officials;
    }

    static List<LocalDate> days(OrganiserApi.Event event) {
        List<LocalDate> days = new ArrayList<>();
        if (event.startDate() != null && event.endDate() != null) {
            for (LocalDate d = event.startDate(); !d.isAfter(event.endDate()) && days.size() < 31; d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }

    private void shown(Model model, ServerWebExchange exchange, ApiProblem problem) {
        model.addAttribute("problem", problems.show(problem, locale(exchange)));
        exchange.getResponse().setRawStatusCode(problem.status());
    }

    static Locale locale(ServerWebExchange exchange) {
        return exchange.getLocaleContext().getLocale();
    }

    static Map<String, String> flat(MultiValueMap<String, String> data) {
        Map<String, String> form = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (!v.isEmpty() && !Set.of("_csrf").contains(k)) {
                form.put(k, v.get(0));
            }
        });
        return form;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A number as typed, else the text itself, so that the API names the field that is wrong. */
    static Object number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return value.strip();
        }
    }

    /** A date from the browser's date field (yyyy-mm-dd) or typed day-first (25/10/2027). */
    static String date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
            String[] p = v.split("/");
            return "%s-%02d-%02d".formatted(p[2], Integer.parseInt(p[1]), Integer.parseInt(p[0]));
        }
        return v;
    }

    /** An organising unit the form offers: its directory id as the value, its official name as the label. */
    record UnitOption(String id, String name) {
    }

    /** Who a session's move or cancellation touches. */
    record Affected(long registrations, int bookings, int papers) {
    }

    /** What cancelling the event cancels with it. */
    record Cascade(long registrations, int bookings, int papers, long lessons) {
    }
}
