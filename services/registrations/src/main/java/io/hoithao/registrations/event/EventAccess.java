package io.hoithao.registrations.event;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.EventManagers;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who manages an event's registrations here: an administrator, or an organiser of the unit that runs it
 * (the token's {@code unit_id} against {@link OpenEvent#organiserUnitId()}, as {@link Caller#organisesUnit}
 * compares them: ids, never names). The unit is learnt from {@code EventPublished}; until this service has learnt it (an event it does
 * not know, or knows only from other messages), only an administrator manages the event, and an organiser is
 * told why.
 *
 * <p>An office's contact (an organiser of another unit) manages her own unit's {@link Delegation} to the event
 * once the event's managers have given her unit a quota: she registers, lists and cancels the people of her
 * unit, and nobody else's. Units are the directory's ids, as the quotas hold them: two units whose names fold
 * alike are two delegations.
 */
@Component
public class EventAccess extends EventManagers {

    private final EventProjection events;

    EventAccess(EventProjection events) {
        super(eventId -> events.findPolicy(eventId).mapNotNull(OpenEvent::organiserUnitId),
                eventId -> events.findPolicy(eventId).mapNotNull(OpenEvent::organiserUnit));
        this.events = events;
    }

    /**
     * A unit's share of an event run by another unit: the unit's id (as the seats and quotas key it) and its
     * name, for messages.
     */
    public record Delegation(String eventId, String unitId, String unit) {

        /** Whether a registration of this unit key is one of this delegation's. */
        public boolean includes(String registrationUnitId) {
            return unitId.equals(registrationUnitId);
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
                String unit = found.map(OpenEvent::organiserUnitId).filter(u -> !u.isBlank()).orElse(null);
                String unitName = found.map(OpenEvent::organiserUnit).orElse(unit);
                if (caller.organisesUnit(unit)) {
                    return Optional.<Delegation>empty();
                }
                // An event not published here has no managers but administrators, and so no delegations either.
                Delegation delegation = unit == null ? null : found.map(event -> delegationOf(event, caller)).orElse(null);
                if (delegation == null) {
                    throw notManagerNorContact(eventId, unit == null ? null : unitName);
                }
                return Optional.of(delegation);
            });
        });
    }

    /** The caller's unit's delegation to the event: she is an organiser and the event gives her unit a quota. */
    static Delegation delegationOf(OpenEvent event, Caller caller) {
        if (!caller.has(Role.ORGANISER) || event.quotas() == null || caller.unitId() == null || caller.unitId().contains(".")
                || !event.quotas().containsKey(caller.unitId())) {
            return null;
        }
        Map<String, String> names = event.quotaUnits() == null ? Map.of() : event.quotaUnits();
        return new Delegation(event.id(), caller.unitId(), names.getOrDefault(caller.unitId(),
                caller.unit() == null ? caller.unitId() : caller.unit()));
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
