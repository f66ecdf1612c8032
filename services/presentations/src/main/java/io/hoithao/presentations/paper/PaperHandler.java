package io.hoithao.presentations.paper;

import io.hoithao.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Validated
@RequestMapping("/api/presentations")
class PaperHandler {

    private final PaperService service;

    PaperHandler(PaperService service) {
        this.service = service;
    }

    @PostMapping("/events/{eventId}/papers")
    Mono<ResponseEntity<PaperView>> submit(@PathVariable String eventId,
                                           @RequestHeader(Caller.REGISTRATION_HEADER) String registrationId,
                                           @RequestHeader(Caller.EMAIL_HEADER) String email,
                                           @Valid @RequestBody PaperRequest request) {
        return service.submit(eventId, new Caller(registrationId, email), request)
                .map(paper -> ResponseEntity.created(URI.create("/api/presentations/papers/" + paper.id()))
                        .body(PaperView.of(paper, null)));
    }

    @GetMapping("/events/{eventId}/papers")
    Mono<Page<PaperView>> ofEvent(@PathVariable String eventId, @RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.ofEvent(eventId, status, page, size);
    }

    @GetMapping("/papers")
    Mono<Page<PaperView>> ofUnit(@RequestParam String unit, @RequestParam(required = false) String eventId,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.ofUnit(unit, eventId, page, size);
    }

    @GetMapping("/papers/{paperId}")
    Mono<PaperView> get(@PathVariable String paperId) {
        return service.view(paperId);
    }

    @PutMapping("/papers/{paperId}")
    Mono<PaperView> edit(@PathVariable String paperId,
                         @RequestHeader(Caller.REGISTRATION_HEADER) String registrationId,
                         @RequestHeader(Caller.EMAIL_HEADER) String email,
                         @Valid @RequestBody PaperRequest request) {
        return service.edit(paperId, new Caller(registrationId, email), request).map(p -> PaperView.of(p, null));
    }

    @PostMapping("/papers/{paperId}/withdraw")
    Mono<PaperView> withdraw(@PathVariable String paperId,
                             @RequestHeader(Caller.REGISTRATION_HEADER) String registrationId,
                             @RequestHeader(Caller.EMAIL_HEADER) String email) {
        return service.withdraw(paperId, new Caller(registrationId, email)).map(p -> PaperView.of(p, null));
    }
}
