package io.hoithao.registrations.event;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.EventManagers;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.text.Units;
import io.hoithao.platform.web.ProblemException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who manages an event's registrations here: an administrator, or an organiser of the unit that runs it
 * (the token's {@code unit} against {@link OpenEvent#organiserUnit()}, compared as {@link Caller#organises}
 * does). The unit is learnt from {@code EventPublished}; until this service has learnt it (an event it does
 * not know, or knows only from other messages), only an administrator manages the event, and an organiser is
 * told why.
 *
 * <p>An office's contact (an organiser of another unit) manages her own unit's {@link Delegation} to the event
 * once the event's managers have given her unit a quota: she registers, lists and cancels the people of her
 * unit, and nobody else's. Units are names compared as the quotas compare them ({@link Units#same}); with the
 * units directory this becomes a comparison of unit ids.
 */
@Component
public class EventAccess extends EventManagers {

    private final EventProjection events;

    EventAccess(EventProjection events) {
        super(eventId -> events.find(eventId).mapNotNull(OpenEvent::organiserUnit));
        this.events = events;
    }

    /**
     * A unit's share of an event run by another unit: the unit's key (as the seats and quotas key it) and its
     * name as the event's quota spells it.
     */
    public record Delegation(String eventId, String unitKey, String unit) {

        /** Whether a registration of this unit key is one of this delegation's. */
        public boolean includes(String registrationUnitKey) {
            return unitKey.equals(registrationUnitKey);
        }
    }

    /**
     * Empty if the caller manages the whole event; her unit's delegation if she is the contact of a unit with
     * a quota in it; otherwise a 401 (anonymous) or 403 problem saying why.
     */
    public Mono<Optional<Delegation>> managerOrContact(String eventId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            if (caller.isAdmin()) {
                return Mono.just(Optional.<Delegation>empty());
            }
            return events.findPolicy(eventId).map(Optional::of).defaultIfEmpty(Optional.empty()).map(found -> {
                String unit = found.map(OpenEvent::organiserUnit).filter(u -> !u.isBlank()).orElse(null);
                if (caller.organises(unit)) {
                    return Optional.<Delegation>empty();
                }
                // An event not published here has no managers but administrators, and so no delegations either.
                Delegation delegation = unit == null ? null : found.map(event -> delegationOf(event, caller)).orElse(null);
                if (delegation == null) {
                    throw notManagerNorContact(eventId, unit);
                }
                return Optional.of(delegation);
            });
        });
    }

    /** The caller's unit's delegation to the event: she is an organiser and the event gives her unit a quota. */
    static Delegation delegationOf(OpenEvent event, Caller caller) {
        if (!caller.has(Role.ORGANISER) || event.quotas() == null) {
            return null;
        }
        Map<String, String> names = event.quotaUnits() == null ? Map.of() : event.quotaUnits();
        for (String key : event.quotas().keySet()) {
            String name = names.getOrDefault(key, key);
            if (Units.same(caller.unit(), name)) {
                return new Delegation(event.id(), key, name);
            }
        }
        return null;
    }

    /** The 403 for an organiser who neither runs the event nor is the contact of a unit with a quota in it. */
    public static ProblemException notManagerNorContact(String eventId, String unit) {
        ProblemException problem = notManager(eventId, unit);
        if (unit == null) {
            return problem;
        }
        return ProblemException.forbidden(problem.getMessage() + " (the contact of a unit given a quota in the event"
                + " manages her unit's delegation)").with("eventId", eventId);
    }

    /** The 403 for a unit's contact reaching for a registration, a list or a row of another unit. */
    public static ProblemException notHerDelegation(Delegation delegation, String otherUnit) {
        return ProblemException.forbidden("You manage the delegation of " + delegation.unit() + " to event "
                        + delegation.eventId() + (otherUnit == null ? "" : ", not the people of " + otherUnit))
                .with("eventId", delegation.eventId()).with("unit", delegation.unit());
    }
}
