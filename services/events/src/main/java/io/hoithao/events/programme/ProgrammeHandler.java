package io.hoithao.events.programme;

import io.hoithao.events.programme.ProgrammeRequests.NewPhase;
import io.hoithao.events.programme.ProgrammeRequests.NewPlan;
import io.hoithao.events.programme.ProgrammeRequests.NewProgramme;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Programmes (chuyên đề) with their phases and plans; list their events with {@code GET /api/events?programmeId=}.
 * Anyone may read them; administrators and organisers create them; the organisers of the programme's
 * unit (or an administrator) add phases and plans. Events join a programme through the events API, from
 * its unit and the units below it in the directory.
 */
@RestController
@Validated
@RequestMapping("/api/events/programmes")
class ProgrammeHandler {

    private final ProgrammeService programmes;

    ProgrammeHandler(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<Programme>> create(@Valid @RequestBody NewProgramme request, Caller caller) {
        return Mono.defer(() -> programmes.create(request, caller))
                .map(p -> ResponseEntity.created(URI.create("/api/events/programmes/" + p.id())).body(p));
    }

    @GetMapping
    Mono<Page<Programme>> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Page.of(programmes.list(page, size), programmes.count(), page, size);
    }

    @GetMapping("/{id}")
    Mono<Programme> get(@PathVariable String id) {
        return programmes.find(id);
    }

    @PostMapping("/{id}/phases")
    Mono<Programme> addPhase(@PathVariable String id, @Valid @RequestBody NewPhase request, Caller caller) {
        return Mono.defer(() -> programmes.addPhase(id, request, caller));
    }

    @PostMapping("/{id}/plans")
    Mono<Programme> addPlan(@PathVariable String id, @Valid @RequestBody NewPlan request, Caller caller) {
        return Mono.defer(() -> programmes.addPlan(id, request, caller));
    }
}
