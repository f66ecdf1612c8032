package io.hoithao.platform.security;

import io.hoithao.platform.web.ProblemException;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Who manages an event in a service downstream of the events service: an administrator, or an
 * organiser of the unit that organises it. The service learns the unit from {@code EventPublished}
 * and keeps it in its own projection; until it has, only an administrator manages the event and
 * an organiser is told why. A service extends this with the lookup of its projection.
 */
public abstract class EventManagers {

    private final Function<String, Mono<String>> organiserUnits;
    private final Function<String, Mono<String>> organiserNames;
    private final boolean byUnitId;

    /** @param organiserUnits the name of the unit organising an event, by event id; empty while not known here */
    protected EventManagers(Function<String, Mono<String>> organiserUnits) {
        this.organiserUnits = organiserUnits;
        this.organiserNames = organiserUnits;
        this.byUnitId = false;
    }

    /**
     * Managers recognised by unit id: the token's {@code unit_id} compared exactly with the organising unit's id.
     *
     * @param organiserUnitIds the id of the unit organising an event, by event id; empty while not known here
     * @param organiserNames   its name, for the answers that refuse someone
     */
    protected EventManagers(Function<String, Mono<String>> organiserUnitIds, Function<String, Mono<String>> organiserNames) {
        this.organiserUnits = organiserUnitIds;
        this.organiserNames = organiserNames;
        this.byUnitId = true;
    }

    /** Whether the caller manages an event organised by this unit (an id or a name, as this service records them). */
    public boolean manages(String unit, Caller caller) {
        return byUnitId ? caller.organisesUnit(unit) : caller.organises(unit);
    }

    /** The unit organising the event; empty while the event is unknown here or not published. */
    public Mono<Optional<String>> organiserUnit(String eventId) {
        return organiserUnits.apply(eventId)
                .filter(unit -> !unit.isBlank())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** Completes if the caller manages the event; otherwise a 401 (anonymous) or 403 problem saying why. */
    public Mono<Void> requireManager(String eventId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            if (caller.isAdmin()) {
                return Mono.empty();
            }
            return organiserUnit(eventId).flatMap(unit -> {
                if (manages(unit.orElse(null), caller)) {
                    return Mono.<Void>empty();
                }
                if (unit.isEmpty()) {
                    return Mono.error(notManager(eventId, null));
                }
                return organiserNames.apply(eventId).defaultIfEmpty(unit.get())
                        .flatMap(name -> Mono.<Void>error(notManager(eventId, name)));
            }).then();
        });
    }

    /** Refuses (403) a caller who does not manage the event organised by {@code unit} (null: not published here). */
    public static void requireManager(String eventId, String unit, Caller caller) {
        caller.requireSignedIn();
        if (!caller.organises(unit)) {
            throw notManager(eventId, unit);
        }
    }

    /** Refuses (403) a caller who does not manage the event organised by the unit with this id (null: not published here). */
    public static void requireManagerOfUnit(String eventId, String unitId, Caller caller) {
        caller.requireSignedIn();
        if (!caller.organisesUnit(unitId)) {
            throw notManager(eventId, unitId == null ? null : "unit " + unitId);
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
