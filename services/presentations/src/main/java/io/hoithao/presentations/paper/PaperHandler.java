package io.hoithao.presentations.paper;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Papers: a confirmed delegate submits and changes their own (by the email of their token); what the
 * others may see is decided by {@link PaperAccess}.
 */
@RestController
@Validated
@RequestMapping("/api/presentations")
class PaperHandler {

    private final PaperService service;

    PaperHandler(PaperService service) {
        this.service = service;
    }

    @PostMapping("/events/{eventId}/papers")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<PaperView>> submit(@PathVariable String eventId,
                                           @Valid @RequestBody PaperRequest request, Caller caller) {
        return service.submit(eventId, caller, request)
                .map(paper -> ResponseEntity.created(URI.create("/api/presentations/papers/" + paper.id()))
                        .body(PaperView.of(paper, null)));
    }

    @GetMapping("/events/{eventId}/papers")
    Mono<Page<PaperView>> ofEvent(@PathVariable String eventId, @RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        return service.ofEvent(eventId, status, page, size, caller);
    }

    /** The papers the caller may see, optionally of one submitting unit (its id in the directory) and one event. */
    @GetMapping("/papers")
    Mono<Page<PaperView>> list(@RequestParam(required = false) String unitId, @RequestParam(required = false) String eventId,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        return service.list(unitId, eventId, page, size, caller);
    }

    @GetMapping("/papers/{paperId}")
    Mono<PaperView> get(@PathVariable String paperId, Caller caller) {
        return service.view(paperId, caller);
    }

    @PutMapping("/papers/{paperId}")
    Mono<PaperView> edit(@PathVariable String paperId, @Valid @RequestBody PaperRequest request, Caller caller) {
        return service.edit(paperId, caller, request).map(PaperProblems::orThrow).map(p -> PaperView.of(p, null));
    }

    @PostMapping("/papers/{paperId}/withdraw")
    Mono<PaperView> withdraw(@PathVariable String paperId, Caller caller) {
        return service.withdraw(paperId, caller).map(PaperProblems::orThrow).map(p -> PaperView.of(p, null));
    }
}
