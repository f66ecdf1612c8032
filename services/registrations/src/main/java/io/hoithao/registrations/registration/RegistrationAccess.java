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
 * the unit that runs its event ({@link EventAccess}). Another delegate's registration answers exactly as one
 * that does not exist (404), so ids and confirmation codes cannot be probed; an organiser of another unit is
 * told it is not theirs (403).
 */
@Component
public class RegistrationAccess {

    private final EventAccess events;

    RegistrationAccess(EventAccess events) {
        this.events = events;
    }

    /**
     * The registration, if the caller owns it or manages its event; otherwise 401 (anonymous), 403 (an
     * organiser who does not manage the event) or {@code notFound} (anyone else).
     */
    public Mono<Registration> ownerOrManager(Registration registration, Caller caller, Supplier<ProblemException> notFound) {
        return Mono.defer(() -> {
            caller.requireSignedIn();
            if (caller.owns(registration.email())) {
                return Mono.just(registration);
            }
            return events.organiserUnit(registration.eventId()).map(unit -> {
                if (caller.organises(unit.orElse(null))) {
                    return registration;
                }
                if (caller.has(Role.ORGANISER)) {
                    throw EventAccess.notManager(registration.eventId(), unit.orElse(null));
                }
                throw notFound.get();
            });
        });
    }

    /** The registration, if the caller manages its event; otherwise 401 or 403 (owners included). */
    public Mono<Registration> manager(Registration registration, Caller caller) {
        return events.requireManager(registration.eventId(), caller).thenReturn(registration);
    }

    /**
     * Completes if the caller may make this registration: anyone signed in with a role registers themself (the
     * registration's email is their token's); someone else only the administrators and the organisers of the
     * event's unit register. Whether registration is open is decided afterwards, as for everyone.
     */
    public Mono<Void> mayRegister(RegistrationRequest request, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.values());
            if (caller.owns(request.email())) {
                return Mono.empty();
            }
            if (!caller.isAdmin() && !caller.has(Role.ORGANISER)) {
                throw ProblemException.forbidden("You may register only yourself: the registration's email must be the"
                        + " one you signed in with" + (caller.email() == null ? " (your access token carries no verified email: verify your address first)" : ""));
            }
            return events.requireManager(request.eventId(), caller);
        });
    }
}
