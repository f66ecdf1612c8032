package io.hoithao.web.organiser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organiser's dashboard: her unit's events, what needs her now (registrations awaiting approval,
 * waiting lists, accepted papers not yet placed, lessons without a teacher, events starting within a
 * week), and one event's figures: confirmed, waiting, awaiting approval and checked in, per day and per
 * unit, with a chart of each day's confirmed and checked-in delegates.
 */
@Controller
class DashboardPages {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    private final OrganiserApi api;
    private final Console console;

    DashboardPages(OrganiserApi api, Console console) {
        this.api = api;
        this.console = console;
    }

    @GetMapping("/organiser")
    Mono<String> dashboard(@AuthenticationPrincipal OidcUser user, Model model) {
        LocalDate today = LocalDate.now(VIETNAM);
        return console.organiser(user).flatMap(organiser -> herEvents(organiser)
                .flatMapMany(Flux::fromIterable)
                .sort(Comparator.comparing(OrganiserApi.Event::startDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .concatMap(event -> card(event, today))
                .collectList()
                .doOnNext(cards -> {
                    model.addAttribute("organiser", organiser);
                    model.addAttribute("cards", cards);
                    model.addAttribute("actions", actions(cards, today));
                }))
                .thenReturn("organiser/dashboard");
    }

    /**
     * Every event for an administrator; an organiser's unit's events, by her unit's id (the events API's
     * {@code organiser} filter). An organiser without a confirmed unit manages no event, so none are listed.
     */
    private Mono<List<OrganiserApi.Event>> herEvents(Console.Organiser organiser) {
        if (organiser.admin()) {
            return api.events(null);
        }
        return organiser.unitId() == null ? Mono.just(List.of()) : api.events(organiser.unitId());
    }

    /** An event's figures for the dashboard; what an API cannot say yet (an unpublished event) is left empty. */
    private Mono<Card> card(OrganiserApi.Event event, LocalDate today) {
        if (!event.live()) {
            return Mono.just(new Card(event, null, 0, 0, 0));
        }
        Mono<java.util.Optional<OrganiserApi.Seats>> seats = api.seats(event.id()).map(java.util.Optional::of)
                .onErrorResume(e -> Mono.just(java.util.Optional.empty()));
        Mono<Long> awaiting = api.delegates(event.id(), "AWAITING_APPROVAL", null, 0, 1).map(OrganiserApi.Page::total)
                .onErrorResume(e -> Mono.just(0L));
        Mono<Integer> papers = api.programme(event.id()).map(OrganiserApi.Programme::papersToPlace)
                .onErrorResume(e -> Mono.just(0));
        Mono<Long> noTeacher = api.lessons(event.id()).map(l -> l.stream().filter(OrganiserApi.Lesson::withoutTeacher).count())
                .onErrorResume(e -> Mono.just(0L));
        return Mono.zip(seats, awaiting, papers, noTeacher)
                .map(t -> new Card(event, t.getT1().orElse(null), t.getT2(), t.getT3(), t.getT4()));
    }

    private static List<Action> actions(List<Card> cards, LocalDate today) {
        List<Action> actions = new ArrayList<>();
        for (Card card : cards) {
            OrganiserApi.Event e = card.event();
            if (!e.live()) {
                continue;
            }
            if (card.awaiting() > 0) {
                actions.add(new Action("awaiting", card.awaiting(), e, "/organiser/events/" + e.id() + "/delegates?status=AWAITING_APPROVAL"));
            }
            if (card.seats() != null && card.seats().waitlisted() > 0) {
                actions.add(new Action("waiting", card.seats().waitlisted(), e, "/organiser/events/" + e.id() + "/delegates?status=WAITLISTED"));
            }
            if (card.papersToPlace() > 0) {
                actions.add(new Action("papers", card.papersToPlace(), e, "/review/events/" + e.id()));
            }
            if (card.lessonsWithoutTeacher() > 0) {
                actions.add(new Action("teacher", card.lessonsWithoutTeacher(), e, "/organiser/events/" + e.id() + "/lessons"));
            }
            if (e.startsWithin(today, 7)) {
                actions.add(new Action("starting", 0, e, "/organiser/events/" + e.id()));
            }
        }
        return actions;
    }

    @GetMapping("/organiser/events/{id}")
    Mono<String> event(@PathVariable String id, @RequestParam(required = false) String step,
                       @AuthenticationPrincipal OidcUser user, Model model) {
        Console.id(id);
        if (step != null && PlanPages.STEPS.containsKey(step)) {
            model.addAttribute("stepDone", step);
        }
        return console.organiser(user).then(api.event(id)).flatMap(event -> {
            model.addAttribute("event", event);
            Mono<java.util.Optional<OrganiserApi.Seats>> seats = api.seats(id).map(java.util.Optional::of)
                    .onErrorResume(e -> Mono.just(java.util.Optional.empty()));
            Mono<List<OrganiserApi.Delegate>> waiting = all(id, "WAITLISTED");
            Mono<List<OrganiserApi.Delegate>> awaiting = all(id, "AWAITING_APPROVAL");
            Mono<OrganiserApi.Attendance> attendance = api.attendance(id)
                    .onErrorResume(e -> Mono.just(new OrganiserApi.Attendance(id, 0, List.of())));
            return Mono.zip(seats, waiting, awaiting, attendance).doOnNext(t -> {
                OrganiserApi.Seats s = t.getT1().orElse(null);
                model.addAttribute("seats", s);
                model.addAttribute("waitingCount", t.getT2().size());
                model.addAttribute("awaitingCount", t.getT3().size());
                model.addAttribute("attendance", t.getT4());
                model.addAttribute("units", units(s, t.getT2(), t.getT3(), t.getT4()));
                model.addAttribute("chart", chart(t.getT4()));
            });
        }).thenReturn("organiser/event");
    }

    /** Every registration of the event with this status (the API's pages of 200). */
    private Mono<List<OrganiserApi.Delegate>> all(String eventId, String status) {
        return api.delegates(eventId, status, null, 0, 200)
                .expand(page -> (long) (page.page() + 1) * page.size() < page.total()
                        ? api.delegates(eventId, status, null, page.page() + 1, 200) : Mono.empty())
                .flatMapIterable(OrganiserApi.Page::items)
                .collectList()
                .onErrorResume(e -> Mono.just(List.of()));
    }

    /** One row a unit: confirmed, waiting, awaiting approval, its quota, checked in on each day. */
    static List<UnitRow> units(OrganiserApi.Seats seats, List<OrganiserApi.Delegate> waiting, List<OrganiserApi.Delegate> awaiting,
                               OrganiserApi.Attendance attendance) {
        Map<String, UnitRow> rows = new LinkedHashMap<>();
        int days = attendance.dayList().size();
        for (int d = 0; d < days; d++) {
            for (OrganiserApi.UnitDay unit : attendance.dayList().get(d).units()) {
                UnitRow row = rows.computeIfAbsent(Console.fold(unit.unit()), k -> new UnitRow(unit.unit(), days));
                row.confirmed = unit.confirmed();
                row.attended[d] = unit.attended();
            }
        }
        if (seats != null) {
            for (OrganiserApi.UnitSeats quota : seats.quotaList()) {
                UnitRow row = rows.computeIfAbsent(Console.fold(quota.unit()), k -> new UnitRow(quota.unit(), days));
                row.quota = quota.quota();
                row.confirmed = Math.max(row.confirmed, quota.confirmed());
            }
        }
        waiting.forEach(r -> rows.computeIfAbsent(Console.fold(r.unit()), k -> new UnitRow(r.unit(), days)).waiting++);
        awaiting.forEach(r -> rows.computeIfAbsent(Console.fold(r.unit()), k -> new UnitRow(r.unit(), days)).awaiting++);
        return rows.values().stream().sorted(Comparator.comparing(r -> Console.fold(r.unit))).collect(Collectors.toList());
    }

    /** The chart's figures, as the page's data attributes carry them (comma-separated, one a day). */
    static Chart chart(OrganiserApi.Attendance attendance) {
        List<OrganiserApi.AttendanceDay> days = attendance.dayList();
        return new Chart(days.stream().map(d -> d.day().format(DAY)).collect(Collectors.joining(",")),
                days.stream().map(d -> String.valueOf(d.confirmed())).collect(Collectors.joining(",")),
                days.stream().map(d -> String.valueOf(d.attended())).collect(Collectors.joining(",")));
    }

    @GetMapping("/organiser/events/{id}/attendance.csv")
    Mono<ResponseEntity<byte[]>> attendanceCsv(@PathVariable String id, @AuthenticationPrincipal OidcUser user) {
        Console.id(id);
        return console.organiser(user).then(api.attendanceCsv(id)).map(csv -> ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attendance-" + id + ".csv\"")
                .body(csv));
    }

    /**
     * @param seats the registrations service's figures (null until the event is published there)
     */
    record Card(OrganiserApi.Event event, OrganiserApi.Seats seats, long awaiting, int papersToPlace, long lessonsWithoutTeacher) {
    }

    /** @param kind the catalogue key's last part: {@code organiser.action.<kind>} */
    record Action(String kind, long count, OrganiserApi.Event event, String link) {
    }

    record Chart(String labels, String confirmed, String attended) {
    }

    /** A unit's figures; mutable while they are gathered from the several answers. */
    static final class UnitRow {
        private final String unit;
        private Integer quota;
        private int confirmed;
        private int waiting;
        private int awaiting;
        private final int[] attended;

        UnitRow(String unit, int days) {
            this.unit = unit;
            this.attended = new int[days];
        }

        public String getUnit() {
            return unit;
        }

        public Integer getQuota() {
            return quota;
        }

        public int getConfirmed() {
            return confirmed;
        }

        public int getWaiting() {
            return waiting;
        }

        public int getAwaiting() {
            return awaiting;
        }

        public int[] getAttended() {
            return attended;
        }
    }
}
