package io.hoithao.events.event;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Who may see and who may change an event. An event is public once published (and in every later
 * state, cancelled included); a draft, and a draft that was cancelled without ever being published,
 * is seen only by its managers, and to anyone else it does not exist (404, and absent from lists). Its managers are
 * the administrators and the organisers of its unit: those whose access token's {@code unit_id} is the event's
 * {@code organiserUnitId} ({@link Caller#organisesUnit}). Names are never compared, and an organiser of a unit
 * above the event's has no rights over it (docs/decisions.md, "Units by id"). Anyone else who tries to change a
 * visible event is refused with 403.
 */
final class EventAccess {

    private EventAccess() {
    }

    /** Whether the caller may see the event: it was published, or the caller manages it. */
    public static boolean visible(Event event, Caller caller) {
        return !event.neverPublished() || caller.organisesUnit(event.organiserUnitId());
    }

    /** The event, if the caller may see it; else 404, as if it did not exist. */
    public static Event requireVisible(Event event, Caller caller) {
        if (!visible(event, caller)) {
            throw ProblemException.notFound("Event", event.id());
        }
        return event;
    }

    /**
     * The event, if the caller manages it: 404 for a draft the caller may not see, 401 anonymous,
     * 403 for anyone else.
     */
    public static Event requireManager(Event event, Caller caller) {
        requireVisible(event, caller);
        caller.requireSignedIn();
        if (!caller.organisesUnit(event.organiserUnitId())) {
            throw ProblemException.forbidden("Only an administrator or the organisers of " + event.organiserUnit()
                    + ", which runs event " + event.id() + ", may change it").with("eventId", event.id());
        }
        return event;
    }

    /**
     * What a list of events is narrowed to for this caller, null for no narrowing (an administrator):
     * events that were published ({@link Event#neverPublished()} in a query), plus, for an organiser,
     * the drafts of their own unit (by the unit id of their token).
     */
    static Criteria visibleCriteria(Caller caller) {
        if (caller.isAdmin()) {
            return null;
        }
        Criteria published = Criteria.where("status").ne(EventStatus.DRAFT).and("cancelledFrom").ne(EventStatus.DRAFT);
        if (!caller.has(Role.ORGANISER) || caller.unitId() == null) {
            return published;
        }
        return new Criteria().orOperator(published, Criteria.where("organiserUnitId").is(caller.unitId()));
    }
}
