package io.hoithao.registrations.registration;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventAccess;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see and change a registration. Its owner is the person whose verified token email is the
 * registration's email (compared without case); its managers are the administrators and the organisers of
 * the unit that runs its event ({@link EventAccess}); the contact of a unit with a quota in the event sees and
 * changes her unit's registrations ({@link EventAccess.Delegation}). Another delegate's registration answers
 * exactly as one that does not exist (404), so ids and confirmation codes cannot be probed; an organiser of
 * another unit is told it is not theirs (403).
 */
@Component
public class RegistrationAccess {

    /** The problem type of a delegate registering herself without a confirmed unit. */
    public static final String NO_CONFIRMED_UNIT = "no-confirmed-unit";

    private final EventAccess events;
    private final KnownUnits units;

    RegistrationAccess(EventAccess events, KnownUnits units) {
        this.events = events;
        this.units = units;
    }

    /**
     * The registration, if the caller owns it, manages its event, or is the contact of its unit's delegation;
     * otherwise 401 (anonymous), 403 (an organiser who does not manage the event, or a contact and another unit's
     * registration) or {@code notFound} (anyone else).
     */
    public Mono<Registration> ownerOrManager(Registration registration, Caller caller, Supplier<ProblemException> notFound) {
        return Mono.defer(() -> {
            caller.requireSignedIn();
            if (caller.owns(registration.email())) {
                return Mono.just(registration);
            }
            if (!caller.isAdmin() && !caller.has(Role.ORGANISER)) {
                return Mono.error(notFound.get());
            }
            return events.managerOrContact(registration.eventId(), caller).map(delegation -> {
                if (delegation.isPresent() && !delegation.get().includes(registration.unitId())) {
                    throw EventAccess.notHerDelegation(delegation.get(), registration.unit());
                }
                return registration;
            });
        });
    }

    /** The request for the unit of the directory it names (with the unit's current name), or a 400 saying why not. */
    private Mono<RegistrationRequest> ofTheDirectory(RegistrationRequest request) {
        if (request.unitId() == null || request.unitId().isBlank()) {
            return Mono.error(ProblemException.invalidField("unitId", "is required: the id of the delegate's unit in the"
                    + " directory (GET /api/events/units)"));
        }
        return units.find(request.unitId().strip())
                .map(unit -> request.forUnit(unit.officialName(), unit.id()))
                .switchIfEmpty(Mono.error(() -> ProblemException.invalidField("unitId", "is not the id of a unit of the"
                        + " directory (GET /api/events/units)").with("unitId", request.unitId().strip())));
    }

    /** The registration, if the caller manages its event; otherwise 401 or 403 (owners included). */
    public Mono<Registration> manager(Registration registration, Caller caller) {
        return events.requireManager(registration.eventId(), caller).thenReturn(registration);
    }

    /**
     * The registration the caller may make: anyone signed in with a role registers themself (the registration's
     * email is their token's) for her own confirmed unit, whatever unit the request names, and without one is
     * refused (403 {@code no-confirmed-unit}); someone else the administrators and the organisers of the event's
     * unit register as asked, for any unit of the directory, and a unit's contact registers for her own unit's
     * delegation, whatever unit the request names. Whether registration is open is decided afterwards.
     */
    public Mono<RegistrationRequest> mayRegister(RegistrationRequest request, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.values());
            if (caller.owns(request.email())) {
                if (caller.unitId() == null || !caller.unitId().matches(RegistrationRequest.UNIT_ID)) {
                    throw new ProblemException(HttpStatus.FORBIDDEN, NO_CONFIRMED_UNIT, "No confirmed unit",
                            "You register for your own unit, and your account has no confirmed unit yet: ask an organiser"
                                    + " of your unit (or an administrator) to confirm it, then sign in again");
                }
                // her unit as the identity service confirmed it; its current name if this service has learnt it
                return units.name(caller.unitId(), caller.unit() == null ? caller.unitId() : caller.unit())
                        .map(name -> request.forUnit(name, caller.unitId()));
            }
            if (!caller.isAdmin() && !caller.has(Role.ORGANISER)) {
                throw ProblemException.forbidden("You may register only yourself: the registration's email must be the"
                        + " one you signed in with" + (caller.email() == null ? " (your access token carries no verified email: verify your address first)" : ""));
            }
            return events.managerOrContact(request.eventId(), caller)
                    .flatMap(delegation -> delegation.isPresent()
                            ? Mono.just(request.forUnit(delegation.get().unit(), delegation.get().unitId()))
                            : ofTheDirectory(request));
        });
    }
}
