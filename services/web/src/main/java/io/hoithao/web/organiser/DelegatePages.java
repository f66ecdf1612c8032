package io.hoithao.web.organiser;

import io.hoithao.documents.Cells;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.hoithao.web.ApiProblem;
import io.hoithao.web.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The event's delegates: the list filtered by status and unit, searched ignoring diacritics and case
 * ("ha thi mai" finds Hà Thị Mai); per-unit quotas and the approval mode; the approval queue, approved or
 * rejected one at a time or for a selection after a confirmation that states how many; registering someone
 * on her behalf; a UTF-8 CSV import whose per-row results (good, duplicate, malformed, refused) are shown as
 * a table and can be downloaded.
 */
@Controller
class DelegatePages {

    static final List<String> STATUSES = List.of("CONFIRMED", "WAITLISTED", "AWAITING_APPROVAL", "REJECTED", "CANCELLED");
    static final List<String> CATEGORIES = List.of("TEACHER", "LEADER", "MANAGER", "STAFF", "GUEST");
    static final int PAGE = 50;
    static final int QUOTA_ROWS = 3;
    /** The last import's rows, kept in her session for the download. */
    static final String LAST_IMPORT = "organiser.lastImport.";

    private final OrganiserApi api;
    private final Console console;
    private final ConsoleProblems problems;

    DelegatePages(OrganiserApi api, Console console, ConsoleProblems problems) {
        this.api = api;
        this.console = console;
        this.problems = problems;
    }

    @GetMapping("/organiser/events/{id}/delegates")
    Mono<String> list(@PathVariable String id, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String unitId, @RequestParam(required = false) String q,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String done,
                      @AuthenticationPrincipal OidcUser user, Model model) {
        Console.id(id);
        String s = status != null && STATUSES.contains(status) ? status : null;
        model.addAttribute("status", s == null ? "" : s);
        String unit = unitId == null || unitId.isBlank() ? null : unitId.strip();
        model.addAttribute("unitId", unit == null ? "" : unit);
        model.addAttribute("q", q == null ? "" : q.strip());
        if (done != null && Set.of("approved", "rejected", "quotas", "approval", "registered").contains(done)) {
            model.addAttribute("done", done);
        }
        return console.organiser(user).then(listPage(id, s, unit, q, Math.max(0, page), model));
    }

    private Mono<String> listPage(String id, String status, String unit, String q, int page, Model model) {
        Mono<List<OrganiserApi.Delegate>> all = all(id, status, unit).map(list -> {
            String folded = Console.fold(q);
            return folded.isEmpty() ? list : list.stream().filter(d -> matches(d, folded)).toList();
        });
        Mono<java.util.Optional<OrganiserApi.Seats>> seats = api.seats(id).map(java.util.Optional::of)
                .onErrorResume(ApiProblem.class, e -> Mono.just(java.util.Optional.empty()));
        Mono<List<OrganiserApi.Unit>> units = api.units().onErrorResume(e -> Mono.just(List.of()));
        return Mono.zip(api.event(id), all, seats, units).doOnNext(t -> {
            List<OrganiserApi.Delegate> found = t.getT2();
            int from = Math.min(page * PAGE, found.size());
            model.addAttribute("event", t.getT1());
            model.addAttribute("delegates", found.subList(from, Math.min(from + PAGE, found.size())));
            model.addAttribute("found", found.size());
            model.addAttribute("page", page);
            model.addAttribute("hasNext", from + PAGE < found.size());
            model.addAttribute("statuses", STATUSES);
            model.addAttribute("categories", CATEGORIES);
            OrganiserApi.Seats s = t.getT3().orElse(null);
            model.addAttribute("seats", s);
            List<OrganiserApi.UnitSeats> quotas = new ArrayList<>(s == null ? List.of() : s.quotaList());
            for (int i = 0; i < QUOTA_ROWS; i++) {
                quotas.add(new OrganiserApi.UnitSeats("", "", null, 0, false));
            }
            model.addAttribute("quotas", quotas);
            model.addAttribute("units", t.getT3().isPresent() ? t.getT4() : List.of());
            model.addAttribute("directory", t.getT4());
            model.addAttribute("directoryIds", t.getT4().stream().map(OrganiserApi.Unit::id).toList());
            if (!model.containsAttribute("person")) {
                model.addAttribute("person", Map.of("category", "TEACHER"));
            }
        }).thenReturn("organiser/delegates");
    }

    /** Name, email, phone, unit or code, each compared without diacritics or case. */
    static boolean matches(OrganiserApi.Delegate d, String folded) {
        String text = Console.fold(String.join(" ", nonNull(d.fullName()), nonNull(d.email()), nonNull(d.phone()),
                nonNull(d.unit()), nonNull(d.confirmationCode())));
        for (String word : folded.split(" ")) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private Mono<List<OrganiserApi.Delegate>> all(String id, String status, String unit) {
        return api.delegates(id, status, unit, 0, 200)
                .expand(p -> (long) (p.page() + 1) * p.size() < p.total() ? api.delegates(id, status, unit, p.page() + 1, 200) : Mono.empty())
                .flatMapIterable(OrganiserApi.Page::items)
                .collectList()
                .map(list -> list.stream().sorted(Comparator.comparing(OrganiserApi.Delegate::createdAt,
                        Comparator.nullsLast(Comparator.naturalOrder()))).toList())
                // an event the registrations service has not seen published has nobody yet
                .onErrorResume(ApiProblem.class, e -> e.status() == 404 ? Mono.just(List.of()) : Mono.error(e));
    }

    // approving and rejecting

    /** One registration, at once (the button is on its row). */
    @PostMapping("/organiser/events/{id}/delegates/{registrationId}/{decision:approve|reject}")
    Mono<String> decideOne(@PathVariable String id, @PathVariable String registrationId, @PathVariable String decision,
                           @AuthenticationPrincipal OidcUser user) {
        Console.id(id);
        Console.id(registrationId);
        return console.organiser(user).then(decide(List.of(registrationId), decision))
                .map(r -> "redirect:/organiser/events/" + id + "/delegates?status=AWAITING_APPROVAL&done="
                        + ("approve".equals(decision) ? "approved" : "rejected"));
    }

    /** A selection: first the confirmation stating the number, then the decisions one after another. */
    @PostMapping("/organiser/events/{id}/delegates/selection")
    Mono<String> selection(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(Mono.zip(api.event(id), exchange.getFormData())).flatMap(both -> {
            MultiValueMap<String, String> data = both.getT2();
            List<String> ids = data.getOrDefault("ids", List.of()).stream().map(Console::id).distinct().toList();
            String decision = "reject".equals(data.getFirst("decision")) ? "reject" : "approve";
            model.addAttribute("event", both.getT1());
            model.addAttribute("ids", ids);
            model.addAttribute("decision", decision);
            if (ids.isEmpty()) {
                model.addAttribute("empty", true);
                return Mono.just("organiser/decide");
            }
            if (!"yes".equals(data.getFirst("confirmed"))) {
                return Mono.just("organiser/decide");
            }
            return decide(ids, decision).doOnNext(results -> model.addAttribute("results", results)).thenReturn("organiser/decide");
        });
    }

    /** Each decision by itself: one the API refuses (already decided by a colleague) does not stop the others. */
    private Mono<List<Decided>> decide(List<String> ids, String decision) {
        return Flux.fromIterable(ids)
                .concatMap(rid -> ("approve".equals(decision) ? api.approve(rid) : api.reject(rid))
                        .map(d -> new Decided(rid, d.fullName(), d.status(), null))
                        .onErrorResume(ApiProblem.class, p -> Mono.just(new Decided(rid, null, null, p.type()))))
                .collectList();
    }

    // quotas and the approval mode

    @PostMapping("/organiser/events/{id}/quotas")
    Mono<String> quotas(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(exchange.getFormData()).flatMap(data -> {
            // each row's unit by its id in the directory (the select's value), as the registrations service takes it
            List<String> units = data.getOrDefault("quotaUnit", List.of());
            List<String> seats = data.getOrDefault("quotaSeats", List.of());
            List<Map<String, Object>> quotas = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                String unit = units.get(i).strip();
                String n = i < seats.size() ? seats.get(i).strip() : "";
                if (unit.isEmpty() || n.isEmpty()) {
                    continue;
                }
                Map<String, Object> quota = new LinkedHashMap<>();
                quota.put("unitId", unit);
                quota.put("seats", PlanPages.number(n));
                quotas.add(quota);
            }
            return api.quotas(id, quotas).thenReturn("redirect:/organiser/events/" + id + "/delegates?done=quotas#quotas")
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("quotaProblem", problems.show(problem, PlanPages.locale(exchange)));
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return listPage(id, null, null, null, 0, model);
                    });
        });
    }

    @PostMapping("/organiser/events/{id}/approval")
    Mono<String> approval(@PathVariable String id, @AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(exchange.getFormData())
                .flatMap(data -> api.approval(id, "true".equals(data.getFirst("required"))))
                .thenReturn("redirect:/organiser/events/" + id + "/delegates?done=approval#approval");
    }

    // on her behalf

    @PostMapping("/organiser/events/{id}/delegates/new")
    Mono<String> register(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(exchange.getFormData()).flatMap(data -> {
            Map<String, String> form = PlanPages.flat(data);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventId", id);
            // her unit by its id in the directory
            for (String field : List.of("fullName", "email", "phone", "unitId", "position", "category", "note")) {
                body.put(field, PlanPages.blankToNull(form.get(field)));
            }
            return api.register(body).thenReturn("redirect:/organiser/events/" + id + "/delegates?done=registered")
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("personProblem", problems.show(problem, PlanPages.locale(exchange)));
                        model.addAttribute("person", form);
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return listPage(id, null, null, null, 0, model);
                    });
        });
    }

    // the CSV import

    @GetMapping("/organiser/events/{id}/imports")
    Mono<String> importForm(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model) {
        Console.id(id);
        return console.organiser(user).then(Mono.zip(api.event(id), directory())).doOnNext(t -> {
            model.addAttribute("event", t.getT1());
            model.addAttribute("directory", t.getT2());
        }).thenReturn("organiser/import");
    }

    @PostMapping("/organiser/events/{id}/imports")
    Mono<String> importCsv(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(Mono.zip(api.event(id), exchange.getMultipartData(), directory())).flatMap(both -> {
            model.addAttribute("event", both.getT1());
            model.addAttribute("directory", both.getT3());
            MultiValueMap<String, Part> parts = both.getT2();
            String unit = parts.getFirst("unitId") instanceof FormFieldPart f ? PlanPages.blankToNull(f.value()) : null;
            if (!(parts.getFirst("file") instanceof FilePart file)) {
                model.addAttribute("missing", true);
                exchange.getResponse().setRawStatusCode(400);
                return Mono.just("organiser/import");
            }
            return DataBufferUtils.join(file.content()).map(buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                DataBufferUtils.release(buffer);
                return bytes;
            }).defaultIfEmpty(new byte[0]).flatMap(bytes -> api.importCsv(id, unit, withoutBom(bytes)))
                    .flatMap(result -> exchange.getSession().doOnNext(session ->
                            session.getAttributes().put(LAST_IMPORT + id, rows(result))).thenReturn(result))
                    .doOnNext(result -> {
                        model.addAttribute("result", result);
                        model.addAttribute("rows", rows(result));
                    })
                    .thenReturn("organiser/import")
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("problem", problems.show(problem, PlanPages.locale(exchange)));
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return Mono.just("organiser/import");
                    });
        });
    }

    /** The last import's per-row results as CSV (UTF-8 with a byte order mark, which spreadsheet programs need). */
    @GetMapping("/organiser/events/{id}/imports/last.csv")
    Mono<ResponseEntity<byte[]>> lastImport(@PathVariable String id, @AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(exchange.getSession()).map(session -> {
            @SuppressWarnings("unchecked")
            List<Row> rows = (List<Row>) session.getAttributes().get(LAST_IMPORT + id);
            if (rows == null) {
                throw new NotFoundException("No import in this session");
            }
            StringBuilder csv = new StringBuilder("\uFEFFrow,email,fullName,result,problem\r\n");
            for (Row r : rows) {
                csv.append(r.row()).append(',').append(cell(r.email())).append(',').append(cell(r.fullName())).append(',')
                        .append(r.result()).append(',').append(cell(r.problemType())).append("\r\n");
            }
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + ".csv\"")
                    .body(csv.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** good (registered, waiting or awaiting approval), duplicate, malformed (unreadable or invalid) or refused. */
    static List<Row> rows(OrganiserApi.ImportResult result) {
        return (result.rows() == null ? List.<OrganiserApi.ImportRow>of() : result.rows()).stream().map(r -> {
            String kind;
            if (!"REJECTED".equals(r.outcome())) {
                kind = "good";
            } else if ("duplicate-registration".equals(r.problemType())) {
                kind = "duplicate";
            } else if ("malformed-csv".equals(r.problemType()) || "validation".equals(r.problemType())) {
                kind = "malformed";
            } else {
                kind = "refused";
            }
            return new Row(r.row(), r.email(), r.fullName(), kind, r.outcome(), r.problemType());
        }).toList();
    }

    /** A text cell: quoted when it must be, and never read by a spreadsheet as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = Cells.inert(value);
        return v.matches(".*[,\"\r\n].*") || v.contains(",") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** The units directory, to choose a unit by name and send its id; empty when it cannot be read. */
    private Mono<List<OrganiserApi.Unit>> directory() {
        return api.units().onErrorResume(e -> Mono.just(List.of()));
    }

    private static byte[] withoutBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                ? java.util.Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }

    /** @param problem the API's problem type when it refused the decision */
    record Decided(String id, String fullName, String status, String problem) {
    }

    /**
     * @param result  good, duplicate, malformed or refused
     * @param outcome the API's outcome (REGISTERED, WAITLISTED, PENDING_APPROVAL, REJECTED)
     */
    record Row(long row, String email, String fullName, String result, String outcome, String problemType)
            implements java.io.Serializable {
    }
}
