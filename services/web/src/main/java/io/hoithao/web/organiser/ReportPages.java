package io.hoithao.web.organiser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.hoithao.web.ApiProblem;
import io.hoithao.web.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The review report (báo cáo sơ kết) of a programme's phase for a unit and the units below it, from the reports
 * API: events by level and kind, participation with the units that did not take part, model sites per level
 * against the previous phase (with a chart), attendance, papers, lessons and the observation forms' averages;
 * its DOCX and XLSX, and an event's documents (delegate list, attendance, badges, certificates, programme),
 * passed on as downloads.
 */
@Controller
class ReportPages {

    static final Set<String> LEVELS = Set.of("SCHOOL", "DISTRICT", "PROVINCE");
    private static final List<String> DOCUMENTS = List.of("delegates.xlsx", "attendance.xlsx", "badges.pdf", "certificates.pdf");

    private final OrganiserApi api;
    private final Console console;

    ReportPages(OrganiserApi api, Console console) {
        this.api = api;
        this.console = console;
    }

    @GetMapping("/organiser/reports")
    Mono<String> report(@RequestParam(required = false) String programme, @RequestParam(required = false) String phase,
                        @RequestParam(required = false) String unit, @RequestParam(required = false) String level,
                        @AuthenticationPrincipal OidcUser user, Model model) {
        String chosenLevel = level != null && LEVELS.contains(level) ? level : "SCHOOL";
        return console.organiser(user).flatMap(organiser -> Mono.zip(api.programmes(), api.units()).flatMap(t -> {
            List<OrganiserApi.ProgrammeInfo> programmes = t.getT1();
            List<OrganiserApi.Unit> units = herUnitFirst(t.getT2(), organiser.unitId());
            // what she chose, else the first programme, its latest phase and her own unit
            OrganiserApi.ProgrammeInfo chosen = programmes.stream().filter(p -> p.id().equals(programme)).findFirst()
                    .orElse(programmes.isEmpty() ? null : programmes.get(0));
            String chosenPhase = chosen == null ? null : chosen.phaseList().stream().map(OrganiserApi.Phase::name)
                    .filter(n -> n.equals(phase)).findFirst()
                    .orElse(chosen.phaseList().stream().max(Comparator.comparingInt(OrganiserApi.Phase::fromYear))
                            .map(OrganiserApi.Phase::name).orElse(null));
            String chosenUnit = units.stream().map(OrganiserApi.Unit::id).filter(id -> id.equals(unit)).findFirst()
                    .orElse(units.isEmpty() ? null : units.get(0).id());
            model.addAttribute("programmes", programmes);
            model.addAttribute("units", units);
            model.addAttribute("programme", chosen);
            model.addAttribute("phase", chosenPhase);
            model.addAttribute("unit", chosenUnit);
            model.addAttribute("level", chosenLevel);
            model.addAttribute("levels", List.of("SCHOOL", "DISTRICT", "PROVINCE"));
            if (chosen == null || chosenPhase == null || chosenUnit == null) {
                return Mono.just("organiser/report");
            }
            return api.report(chosen.id(), chosenUnit, chosenPhase, chosenLevel).doOnNext(report -> {
                model.addAttribute("report", report);
                model.addAttribute("chart", chart(report));
            }).thenReturn("organiser/report").onErrorResume(ApiProblem.class, e -> {
                // another unit's report is not hers: said on the page, where she can choose again
                if (e.status() != 403) {
                    return Mono.error(e);
                }
                model.addAttribute("forbidden", true);
                return Mono.just("organiser/report");
            });
        }));
    }

    /**
     * Her own unit first (by its id: a unit elsewhere in the directory with the same official name is another unit),
     * then the directory's order.
     */
    static List<OrganiserApi.Unit> herUnitFirst(List<OrganiserApi.Unit> units, String herUnitId) {
        List<OrganiserApi.Unit> ordered = new ArrayList<>(units.stream().filter(u -> u.id().equals(herUnitId)).toList());
        units.stream().filter(u -> !u.id().equals(herUnitId)).forEach(ordered::add);
        return ordered;
    }

    /** The model sites chart's figures per level, as the page's data attributes carry them (comma-separated). */
    static Chart chart(OrganiserApi.ReviewReport report) {
        List<OrganiserApi.ModelSites> sites = report.modelSites() == null ? List.of() : report.modelSites();
        return new Chart(sites.stream().map(s -> "level." + s.level()).toList(),
                sites.stream().map(s -> String.valueOf(s.previous())).collect(Collectors.joining(",")),
                sites.stream().map(s -> String.valueOf(s.count())).collect(Collectors.joining(",")));
    }

    @GetMapping("/organiser/reports/{programmeId}/units/{unitId}/report.{format}")
    Mono<ResponseEntity<Flux<DataBuffer>>> reportDocument(@PathVariable String programmeId, @PathVariable String unitId,
                                                          @PathVariable String format, @RequestParam String phase,
                                                          @RequestParam(required = false) String level,
                                                          @AuthenticationPrincipal OidcUser user) {
        Console.id(programmeId);
        Console.id(unitId);
        if (!"docx".equals(format) && !"xlsx".equals(format)) {
            throw new NotFoundException("No such document");
        }
        String chosenLevel = level != null && LEVELS.contains(level) ? level : "SCHOOL";
        return console.organiser(user).then(api.download(u -> u.path("/api/reports/programmes/{p}/units/{u}/report." + format)
                .queryParam("phase", "{phase}").queryParam("level", "{level}")
                .build(java.util.Map.of("p", programmeId, "u", unitId, "phase", phase, "level", chosenLevel)), "bao-cao-so-ket." + format));
    }

    /** The registrations API's documents of an event: delegate list and attendance (XLSX), badges and certificates (PDF). */
    @GetMapping("/organiser/events/{id}/documents/{document}")
    Mono<ResponseEntity<Flux<DataBuffer>>> eventDocument(@PathVariable String id, @PathVariable String document,
                                                         @AuthenticationPrincipal OidcUser user) {
        Console.id(id);
        if ("programme.pdf".equals(document)) {
            return console.organiser(user).then(api.download(u -> u.path("/api/events/{id}/programme.pdf").build(id),
                    "programme-" + id + ".pdf"));
        }
        if (!DOCUMENTS.contains(document)) {
            throw new NotFoundException("No such document");
        }
        return console.organiser(user).then(api.download(u -> u.path("/api/registrations/events/{id}/" + document).build(id),
                document.replace(".", "-" + id + ".")));
    }

    /** @param levels the levels' catalogue keys, one a bar pair */
    record Chart(List<String> levels, String previous, String current) {
    }
}
