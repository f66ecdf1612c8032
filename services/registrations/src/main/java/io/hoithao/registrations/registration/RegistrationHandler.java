package io.hoithao.registrations.registration;

import io.hoithao.documents.QrImages;
import io.hoithao.platform.openapi.Answers;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventAccess;
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
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registrations API: delegates register themselves, see their registrations and cancel them; the
 * organisers of the event's unit (and administrators) register anyone, approve or reject, set unit quotas and
 * approval mode and list registrations; the contact of a unit with a quota registers, lists and cancels her
 * unit's delegation; anyone sees an event's seats. Who may do what is checked here with the
 * {@link Caller} ({@link RegistrationAccess}, {@link EventAccess}) before the service acts.
 */
@RestController
@RequestMapping("/api/registrations")
class RegistrationHandler {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RegistrationService registrations;
    private final RegistrationStore store;
    private final EventProjection events;
    private final EventAccess eventAccess;
    private final RegistrationAccess access;
    private final WaitingList waitingList;
    private final KnownUnits units;

    RegistrationHandler(RegistrationService registrations, RegistrationStore store, EventProjection events,
                        EventAccess eventAccess, RegistrationAccess access, WaitingList waitingList, KnownUnits units) {
        this.registrations = registrations;
        this.store = store;
        this.units = units;
        this.waitingList = waitingList;
        this.events = events;
        this.eventAccess = eventAccess;
        this.access = access;
    }

    /**
     * Registers the caller (the body's email must be their token's), or, for the event's organisers and
     * administrators, anyone. A retry with the same Idempotency-Key by the same caller answers the first answer.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Answers(value = 422, description = "Unprocessable: idempotency-key-reused, the Idempotency-Key was used for another registration")
    Mono<ResponseEntity<RegistrationView>> register(@Valid @RequestBody RegistrationRequest request,
                                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                    Caller caller) {
        caller.requireSignedIn();
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY, "must be 1 to 200 characters");
        }
        // Registering oneself: the owner is the token's email, whatever the body's spelling of it.
        RegistrationRequest owned = caller.owns(request.email()) ? request.forEmail(caller.email()) : request;
        return access.mayRegister(owned, caller)
                .flatMap(allowed -> registrations.register(allowed, key, caller.subject()))
                .map(outcome -> {
                    ResponseEntity.BodyBuilder response = ResponseEntity
                            .created(URI.create("/api/registrations/" + outcome.registration().id()));
                    if (outcome.replayed()) {
                        response.header("Idempotent-Replayed", "true");
                    }
                    return response.body(RegistrationView.of(outcome.registration()));
                });
    }

    /**
     * The signed-in caller's own registrations (those made for their token's email), newest first; a waiting one
     * with its place on the waiting list.
     */
    @GetMapping("/mine")
    Mono<Page<RegistrationView>> mine(@RequestParam(required = false) @Size(max = 100) String eventId,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                      Caller caller) {
        caller.requireSignedIn();
        if (caller.email() == null) {
            throw ProblemException.forbidden("Your access token carries no email address, so no registration is yours");
        }
        return store.mine(caller.email(), eventId, page, size)
                .flatMap(mine -> Flux.fromIterable(mine.items()).concatMap(waitingList::withPosition).collectList()
                        .map(items -> new Page<>(items, mine.page(), mine.size(), mine.total())));
    }

    /** One registration; a waiting one with its place on the waiting list. */
    @GetMapping("/{id}")
    Mono<RegistrationView> get(@PathVariable String id, Caller caller) {
        return ownerOrManager(id, caller).map(RegistrationView::of).flatMap(waitingList::withPosition);
    }

    record Reason(@Size(max = 500) String reason) {
    }

    /** The event's organisers (or an administrator) cancel a registration; so may the delegate who owns it. */
    @PostMapping("/{id}/cancel")
    Mono<RegistrationView> cancel(@PathVariable String id, @Valid @RequestBody(required = false) Reason body, Caller caller) {
        return ownerOrManager(id, caller)
                .flatMap(registration -> registrations.cancel(registration.id(),
                        reasonOf(body, cancelledBy(registration, caller))))
                .map(RegistrationProblems::orThrow)
                .map(RegistrationView::of);
    }

    @PostMapping("/{id}/approve")
    Mono<RegistrationView> approve(@PathVariable String id, Caller caller) {
        return managed(id, caller).flatMap(registration -> registrations.approve(registration.id()))
                .map(RegistrationProblems::orThrow).map(RegistrationView::of);
    }

    @PostMapping("/{id}/reject")
    Mono<RegistrationView> reject(@PathVariable String id, @Valid @RequestBody(required = false) Reason body, Caller caller) {
        return managed(id, caller).flatMap(registration -> registrations.reject(registration.id(), reasonOf(body, null)))
                .map(RegistrationProblems::orThrow).map(RegistrationView::of);
    }

    @GetMapping("/codes/{code}")
    Mono<RegistrationView> byCode(@PathVariable String code, Caller caller) {
        return ownerOrManagerByCode(code, caller).map(RegistrationView::of);
    }

    /** The delegate cancels with the code from their confirmation (or the event's organisers do). */
    @PostMapping("/codes/{code}/cancel")
    Mono<RegistrationView> cancelByCode(@PathVariable String code, @Valid @RequestBody(required = false) Reason body,
                                        Caller caller) {
        return ownerOrManagerByCode(code, caller)
                .flatMap(registration -> registrations.cancel(registration.id(),
                        reasonOf(body, cancelledBy(registration, caller))))
                .map(RegistrationProblems::orThrow)
                .map(RegistrationView::of);
    }

    @GetMapping(path = "/codes/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    Mono<ResponseEntity<byte[]>> qr(@PathVariable String code,
                                    @RequestParam(defaultValue = "300") @Min(100) @Max(1000) int size, Caller caller) {
        return ownerOrManagerByCode(code, caller).map(registration -> ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .body(QrImages.png(registration.confirmationCode(), size)));
    }

    /** What this service knows of an event: whether registration is open, its seats, quotas and days. */
    @GetMapping("/events/{eventId}")
    Mono<EventSeats> seats(@PathVariable String eventId) {
        return events.get(eventId).flatMap(event -> store.list(eventId, RegistrationStatus.WAITLISTED, null, 0, 1)
                .map(waiting -> EventSeats.of(event, waiting.total())));
    }

    @GetMapping("/events/{eventId}/registrations")
    Mono<Page<RegistrationView>> list(@PathVariable String eventId,
                                      @RequestParam(required = false) RegistrationStatus status,
                                      @RequestParam(required = false) String unitId,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                      Caller caller) {
        // A unit's contact reads her unit's delegation only: the list is narrowed to it, never widened by the filter.
        return eventAccess.managerOrContact(eventId, caller)
                .flatMap(delegation -> delegation.isEmpty() ? store.list(eventId, status, unitId, page, size)
                        : store.listOfUnit(eventId, status, delegationFilter(delegation.get(), unitId), page, size));
    }

    /** A unit's quota: the unit by its id in the directory. */
    record Quota(@NotBlank @Size(max = 64) String unitId, @NotNull @Min(0) @Max(100_000) Integer seats) {
    }

    /** Replaces the event's quotas, so this list is the most an event ever holds. */
    record Quotas(@NotNull @Size(max = MAX_QUOTAS, message = "at most {max} units' quotas per event")
                  List<@NotNull @Valid Quota> quotas) {
    }

    static final int MAX_QUOTAS = 1000;

    /** Sets the per-unit quotas (replacing earlier ones); raising one may promote from the waiting list. */
    @PutMapping("/events/{eventId}/quotas")
    Mono<EventSeats> quotas(@PathVariable String eventId, @Valid @RequestBody Quotas body, Caller caller) {
        return eventAccess.requireManager(eventId, caller)
                .then(Mono.defer(() -> {
                    Map<String, Integer> quotas = new LinkedHashMap<>();
                    body.quotas().forEach(quota -> {
                        if (quotas.put(quota.unitId().strip(), quota.seats()) != null) {
                            throw ProblemException.invalidField("quotas", "unit " + quota.unitId() + " is listed twice");
                        }
                    });
                    // every quota is a unit of the directory's: an id this service has not learnt is refused
                    return units.find(quotas.keySet()).flatMap(known -> {
                        List<String> unknown = quotas.keySet().stream().filter(id -> !known.containsKey(id)).toList();
                        if (!unknown.isEmpty()) {
                            return Mono.error(ProblemException.invalidField("quotas", "not units of the directory: " + unknown)
                                    .with("unknownUnitIds", unknown));
                        }
                        Map<String, String> names = new LinkedHashMap<>();
                        quotas.keySet().forEach(id -> names.put(id, known.get(id).officialName()));
                        return events.setQuotas(eventId, quotas, names);
                    });
                }))
                .flatMap(event -> registrations.promote(eventId))
                .then(seats(eventId));
    }

    record Approval(@NotNull Boolean required) {
    }

    @PutMapping("/events/{eventId}/approval")
    Mono<EventSeats> approval(@PathVariable String eventId, @Valid @RequestBody Approval body, Caller caller) {
        return eventAccess.requireManager(eventId, caller)
                .then(Mono.defer(() -> events.setApprovalRequired(eventId, body.required())))
                .then(seats(eventId));
    }

    /** The unit a contact's list is narrowed to; a filter naming another unit is refused rather than emptied. */
    private static String delegationFilter(EventAccess.Delegation delegation, String unitId) {
        if (unitId != null && !unitId.isBlank() && !delegation.unitId().equals(unitId.strip())) {
            throw EventAccess.notHerDelegation(delegation, "unit " + unitId.strip());
        }
        return delegation.unitId();
    }

    /** The registration if the caller owns it or manages its event (else 401, 403 or 404, see {@link RegistrationAccess}). */
    private Mono<Registration> ownerOrManager(String id, Caller caller) {
        caller.requireSignedIn();
        return store.find(id).flatMap(registration -> access.ownerOrManager(registration, caller,
                () -> ProblemException.notFound("Registration", id)));
    }

    private Mono<Registration> ownerOrManagerByCode(String code, Caller caller) {
        caller.requireSignedIn();
        return store.findByCode(code).flatMap(registration -> access.ownerOrManager(registration, caller,
                () -> ProblemException.notFound("Confirmation code", registration.confirmationCode())));
    }

    /** The registration with this id if the caller manages its event (else 401 or 403; 404 if there is none). */
    private Mono<Registration> managed(String id, Caller caller) {
        caller.requireAny(Role.ADMIN, Role.ORGANISER);
        return store.find(id).flatMap(registration -> access.manager(registration, caller));
    }

    private static String cancelledBy(Registration registration, Caller caller) {
        return caller.owns(registration.email()) ? "Cancelled by the delegate" : "Cancelled by the organiser";
    }

    private static String reasonOf(Reason body, String fallback) {
        return body == null || body.reason() == null || body.reason().isBlank() ? fallback : body.reason().strip();
    }

    /** A unit's seats: its id, its current name, its quota and confirmed delegates. */
    record UnitSeats(String unitId, String unit, Integer quota, int confirmed, boolean overQuota) {
    }

    /**
     * {@code organiserUnitId}: the unit that runs the event (whose organisers manage it here; {@code organiserUnit}
     * its name); null until published.
     */
    record EventSeats(String eventId, String title, String organiserUnit, String organiserUnitId, boolean registrationOpen, Instant closesAt,
                      boolean cancelled, boolean completed, boolean approvalRequired, int capacity, int confirmed, int seatsLeft,
                      boolean overCapacity, long waitlisted, List<LocalDate> days, String timeZone,
                      List<UnitSeats> quotas) {

        static EventSeats of(OpenEvent event, long waitlisted) {
            List<UnitSeats> units = event.quotas() == null ? List.of() : event.quotas().entrySet().stream()
                    .map(quota -> new UnitSeats(quota.getKey(),
                            event.quotaUnits() == null ? quota.getKey() : event.quotaUnits().getOrDefault(quota.getKey(), quota.getKey()),
                            quota.getValue(), event.confirmed(quota.getKey()), event.confirmed(quota.getKey()) > quota.getValue()))
                    .toList();
            return new EventSeats(event.id(), event.title(), event.organiserUnit(), event.organiserUnitId(), event.registrationOpen(), event.closesAt(),
                    event.cancelled(), event.completed(), event.approvalRequired(), event.capacity(), event.confirmed(),
                    Math.max(0, event.capacity() - event.confirmed()), event.overCapacity(), waitlisted, event.days(),
                    event.zone().getId(), units);
        }
    }
}
