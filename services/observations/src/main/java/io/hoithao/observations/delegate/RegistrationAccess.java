package io.hoithao.observations.delegate;

import io.hoithao.observations.event.EventAccess;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import java.util.Optional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may act for a registration (book with it, give up its seat, read its schedule, submit and edit
 * its forms): the delegate who owns it, by the verified email of their token against the
 * {@code delegateEmail} the registrations service sent ({@link Observer#email()}), and the managers of
 * the event concerned (administrators, organisers of its unit). Anyone else is refused: an organiser
 * with 403 (they manage events, just not this one), a delegate with 404, so that nobody learns whether
 * another delegate's registration, booking or form exists.
 */
@Component
public class RegistrationAccess {

    private final ReactiveMongoTemplate mongo;
    private final EventAccess events;

    RegistrationAccess(ReactiveMongoTemplate mongo, EventAccess events) {
        this.mongo = mongo;
        this.events = events;
    }

    /** What a caller may do with a registration at an event. */
    public enum Standing {
        /** The registration carries the caller's email (whatever their roles). */
        OWNER,
        /** The caller manages the event: an administrator or an organiser of its unit. */
        MANAGER
    }

    /**
     * Completes with the caller's standing if they may act for the registration at this event, else
     * fails with 401, 403 or 404 (see the class). A registration this service has not learnt of has no
     * owner here: only the event's managers may name it (a booking then answers {@code delegate-not-confirmed}).
     */
    public Mono<Standing> requireActFor(String eventId, String registrationId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireSignedIn();
            Mono<Optional<String>> ownerEmail = mongo.findById(registrationId, Observer.class)
                    .map(observer -> Optional.ofNullable(observer.email()))
                    .defaultIfEmpty(Optional.empty());
            return Mono.zip(events.organiserUnit(eventId), ownerEmail).flatMap(t -> {
                String unitId = t.getT1().orElse(null);
                if (t.getT2().filter(caller::owns).isPresent()) {
                    return Mono.just(Standing.OWNER);
                }
                if (events.manages(unitId, caller)) {
                    return Mono.just(Standing.MANAGER);
                }
                if (caller.has(Role.ORGANISER)) {
                    // The refusal (with the unit's current name) is the event managers' own.
                    return events.requireManager(eventId, caller).then(Mono.<Standing>error(() ->
                            EventAccess.notManager(eventId, (String) null)));
                }
                return Mono.error(ProblemException.notFound("Registration", registrationId));
            });
        });
    }
}
