package io.hoithao.registrations.registration;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventAccess;
import java.util.function.Supplier;
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

    private final EventAccess events;

    RegistrationAccess(EventAccess events) {
        this.events = events;
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
                if (delegation.isPresent() && !delegation.get().includes(registration.unitKey())) {
                    throw EventAccess.notHerDelegation(delegation.get(), registration.unit());
                }
                return registration;
            });
        });
    }

    /** The registration, if the caller manages its event; otherwise 401 or 403 (owners included). */
    public Mono<Registration> manager(Registration registration, Caller caller) {
        return events.requireManager(registration.eventId(), caller).thenReturn(registration);
    }

    /**
     * The registration the caller may make: anyone signed in with a role registers themself (the registration's
     * email is their token's); someone else the administrators and the organisers of the event's unit register
     * as asked, and a unit's contact registers for her own unit's delegation, whatever unit the request names.
     * Whether registration is open is decided afterwards, as for everyone.
     */
    public Mono<RegistrationRequest> mayRegister(RegistrationRequest request, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.values());
            if (caller.owns(request.email())) {
                return Mono.just(request);
            }
            if (!caller.isAdmin() && !caller.has(Role.ORGANISER)) {
                throw ProblemException.forbidden("You may register only yourself: the registration's email must be the"
                        + " one you signed in with" + (caller.email() == null ? " (your access token carries no verified email: verify your address first)" : ""));
            }
            return events.managerOrContact(request.eventId(), caller)
                    .map(delegation -> delegation.map(d -> request.forUnit(d.unit())).orElse(request));
        });
    }
}
