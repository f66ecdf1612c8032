package io.hoithao.observations.event;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import java.util.Optional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who manages an event here: an administrator, or an organiser of the unit that organises it. The
 * unit is learnt from {@code EventPublished} ({@link ObservedEvent#organiserUnit()}); until this service
 * has learnt it (an event it does not know, or knows only from another message), only an administrator
 * manages the event, and an organiser is told why. The same rule decides whether the event's lessons
 * are public: an event not published here shows its lessons to administrators only.
 */
@Component
public class EventAccess {

    private final ReactiveMongoTemplate mongo;

    EventAccess(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The unit organising the event; empty while the event is unknown here or not published. */
    public Mono<Optional<String>> organiserUnit(String eventId) {
        return mongo.findById(eventId, ObservedEvent.class)
                .map(event -> Optional.ofNullable(event.organiserUnit()).filter(unit -> !unit.isBlank()))
                .defaultIfEmpty(Optional.empty());
    }

    /** Completes if the caller manages the event; otherwise 401 (anonymous) or 403 saying why. */
    public Mono<Void> requireManager(String eventId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            if (caller.isAdmin()) {
                return Mono.empty();
            }
            return organiserUnit(eventId).doOnNext(unit -> requireManager(eventId, unit.orElse(null), caller)).then();
        });
    }

    /** Whether the caller may see the event's lessons: it is published here, or the caller is an administrator. */
    public Mono<Boolean> lessonsVisible(String eventId, Caller caller) {
        return caller.isAdmin() ? Mono.just(true) : organiserUnit(eventId).map(Optional::isPresent);
    }

    /** Refuses (403) a caller who does not manage the event organised by {@code unit} (null: not published here). */
    public static void requireManager(String eventId, String unit, Caller caller) {
        caller.requireSignedIn();
        if (!caller.organises(unit)) {
            throw notManager(eventId, unit);
        }
    }

    /** The 403 for a caller who is neither an administrator nor an organiser of the event's unit. */
    public static ProblemException notManager(String eventId, String unit) {
        if (unit == null) {
            return ProblemException.forbidden("Event " + eventId + " is not published yet (its organising unit is not"
                    + " known here), so only an administrator may manage it").with("eventId", eventId);
        }
        return ProblemException.forbidden("Only the organisers of " + unit + ", which runs event " + eventId
                + ", or an administrator may do this").with("eventId", eventId);
    }
}
