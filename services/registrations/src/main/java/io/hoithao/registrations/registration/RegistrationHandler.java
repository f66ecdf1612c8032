package io.hoithao.registrations.registration;

import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.event.OpenEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * The registrations API: delegates register, look up and cancel by confirmation code; organisers
 * approve or reject, set unit quotas and approval mode, list registrations and see an event's seats.
 */
@RestController
@RequestMapping("/api/registrations")
class RegistrationHandler {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RegistrationService registrations;
    private final EventProjection events;

    RegistrationHandler(RegistrationService registrations, EventProjection events) {
        this.registrations = registrations;
        this.events = events;
    }

    @PostMapping
    Mono<ResponseEntity<RegistrationView>> register(@Valid @RequestBody RegistrationRequest request,
                                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY, "must be 1 to 200 characters");
        }
        return registrations.register(request, key).map(outcome -> {
            ResponseEntity.BodyBuilder response = ResponseEntity
                    .created(URI.create("/api/registrations/" + outcome.registration().id()));
            if (outcome.replayed()) {
                response.header("Idempotent-Replayed", "true");
            }
            return response.body(RegistrationView.of(outcome.registration()));
        });
    }

    @GetMapping("/{id}")
    Mono<RegistrationView> get(@PathVariable String id) {
        return registrations.find(id).map(RegistrationView::of);
    }

    record Reason(@Size(max = 500) String reason) {
    }

    /** An organiser cancels a registration. */
    @PostMapping("/{id}/cancel")
    Mono<RegistrationView> cancel(@PathVariable String id, @Valid @RequestBody(required = false) Reason body) {
        return registrations.cancel(id, reasonOf(body, "Cancelled by the organiser")).map(RegistrationView::of);
    }

    @PostMapping("/{id}/approve")
    Mono<RegistrationView> approve(@PathVariable String id) {
        return registrations.approve(id).map(RegistrationView::of);
    }

    @PostMapping("/{id}/reject")
    Mono<RegistrationView> reject(@PathVariable String id, @Valid @RequestBody(required = false) Reason body) {
        return registrations.reject(id, reasonOf(body, null)).map(RegistrationView::of);
    }

    @GetMapping("/codes/{code}")
    Mono<RegistrationView> byCode(@PathVariable String code) {
        return registrations.findByCode(code).map(RegistrationView::of);
    }

    /** The delegate cancels with the code from their confirmation. */
    @PostMapping("/codes/{code}/cancel")
    Mono<RegistrationView> cancelByCode(@PathVariable String code, @Valid @RequestBody(required = false) Reason body) {
        return registrations.findByCode(code)
                .flatMap(registration -> registrations.cancel(registration.id(), reasonOf(body, "Cancelled by the delegate")))
                .map(RegistrationView::of);
    }

    @GetMapping(path = "/codes/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    Mono<ResponseEntity<byte[]>> qr(@PathVariable String code,
                                    @RequestParam(defaultValue = "300") @Min(100) @Max(1000) int size) {
        return registrations.findByCode(code).map(registration -> ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .body(QrCodes.png(registration.confirmationCode(), size)));
    }

    /** What this service knows of an event: whether registration is open, its seats, quotas and days. */
    @GetMapping("/events/{eventId}")
    Mono<EventSeats> seats(@PathVariable String eventId) {
        return events.get(eventId).flatMap(event -> registrations.list(eventId, RegistrationStatus.WAITLISTED, null, 0, 1)
                .map(waiting -> EventSeats.of(event, waiting.total())));
    }

    @GetMapping("/events/{eventId}/registrations")
    Mono<Page<RegistrationView>> list(@PathVariable String eventId,
                                      @RequestParam(required = false) RegistrationStatus status,
                                      @RequestParam(required = false) String unit,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return registrations.list(eventId, status, unit, page, size);
    }

    record Quota(@NotBlank @Size(max = 200) String unit, @NotNull @Min(0) Integer seats) {
    }

    record Quotas(@NotNull @Size(max = 1000) List<@NotNull @Valid Quota> quotas) {
    }

    /** Sets the per-unit quotas (replacing earlier ones); raising one may promote from the waiting list. */
    @PutMapping("/events/{eventId}/quotas")
    Mono<EventSeats> quotas(@PathVariable String eventId, @Valid @RequestBody Quotas body) {
        Map<String, Integer> quotas = new LinkedHashMap<>();
        body.quotas().forEach(quota -> {
            if (quotas.put(quota.unit().strip(), quota.seats()) != null) {
                throw ProblemException.invalidField("quotas", "unit '" + quota.unit() + "' is listed twice");
            }
        });
        return events.setQuotas(eventId, quotas)
                .flatMap(event -> registrations.promote(eventId))
                .then(seats(eventId));
    }

    record Approval(@NotNull Boolean required) {
    }

    @PutMapping("/events/{eventId}/approval")
    Mono<EventSeats> approval(@PathVariable String eventId, @Valid @RequestBody Approval body) {
        return events.setApprovalRequired(eventId, body.required()).then(seats(eventId));
    }

    private static String reasonOf(Reason body, String fallback) {
        return body == null || body.reason() == null || body.reason().isBlank() ? fallback : body.reason().strip();
    }

    record UnitSeats(String unit, Integer quota, int confirmed, boolean overQuota) {
    }

    record EventSeats(String eventId, String title, boolean registrationOpen, Instant closesAt, boolean cancelled,
                      boolean completed, boolean approvalRequired, int capacity, int confirmed, int seatsLeft,
                      boolean overCapacity, long waitlisted, List<LocalDate> days, String timeZone,
                      List<UnitSeats> quotas) {

        static EventSeats of(OpenEvent event, long waitlisted) {
            List<UnitSeats> units = event.quotas() == null ? List.of() : event.quotas().entrySet().stream()
                    .map(quota -> new UnitSeats(
                            event.quotaUnits() == null ? quota.getKey() : event.quotaUnits().getOrDefault(quota.getKey(), quota.getKey()),
                            quota.getValue(), event.confirmed(quota.getKey()), event.confirmed(quota.getKey()) > quota.getValue()))
                    .toList();
            return new EventSeats(event.id(), event.title(), event.registrationOpen(), event.closesAt(), event.cancelled(),
                    event.completed(), event.approvalRequired(), event.capacity(), event.confirmed(),
                    Math.max(0, event.capacity() - event.confirmed()), event.overCapacity(), waitlisted, event.days(),
                    event.zone().getId(), units);
        }
    }
}
