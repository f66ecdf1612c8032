package io.hoithao.events.event;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.Refusals;
import java.util.Map;

/** The events' refusals as the API answers them (application/problem+json, docs/problems.md). */
final class EventProblems {

    static final String NOT_EDITABLE = "event-not-editable";
    static final String SESSION_OUTSIDE_EVENT = "session-outside-event";

    private EventProblems() {
    }

    /** The event a command ended with, or its refusal as a problem. */
    static Event orThrow(Decision.Result result) {
        return Refusals.orThrow(result, Decision.Done.class, Decision.Done::event, Decision.Refusal.class,
                EventProblems::problem);
    }

    static ProblemException problem(Decision.Refusal refusal) {
        if (refusal instanceof Decision.InvalidTransition invalid) {
            return ProblemException.invalidTransition("Event", invalid.eventId(), invalid.current(), invalid.requested());
        }
        if (refusal instanceof Decision.NotEditable notEditable) {
            String detail = switch (notEditable.what()) {
                case PROGRAMME -> "Event " + notEditable.eventId() + " is " + notEditable.current()
                        + "; its programme can no longer change";
                case DAYS -> "Event " + notEditable.eventId() + " is " + notEditable.current()
                        + "; it can no longer move to other days";
                case UNIT -> "Event " + notEditable.eventId() + " is published, so its unit cannot change any more;"
                        + " cancel it and create it under the other unit";
            };
            return ProblemException.conflict(NOT_EDITABLE, detail).with("currentState", notEditable.current());
        }
        if (refusal instanceof Decision.SessionsOutside outside) {
            return ProblemException.conflict(SESSION_OUTSIDE_EVENT, outside.sessions().size()
                            + " session(s) would fall after the new last day " + outside.lastDay()
                            + "; move or cancel them first")
                    .with("sessions", outside.sessions().stream()
                            .map(s -> Map.<String, Object>of("id", s.id(), "title", s.title(), "date", s.date()))
                            .toList());
        }
        if (refusal instanceof Decision.TooManyVenues venues) {
            return ProblemException.limitExceeded("venues", EventLimits.VENUES, "Event " + venues.eventId()
                    + " already has " + venues.venues() + " venues, the most an event may have (" + EventLimits.VENUES + ")");
        }
        if (refusal instanceof Decision.InvalidField invalid) {
            return ProblemException.invalidField(invalid.field(), invalid.message());
        }
        if (refusal instanceof Decision.MoveForbidden forbidden) {
            return ProblemException.forbidden("Only an administrator may move event " + forbidden.eventId()
                    + " to another unit").with("eventId", forbidden.eventId());
        }
        throw new IllegalStateException("Unknown refusal " + refusal);
    }
}
