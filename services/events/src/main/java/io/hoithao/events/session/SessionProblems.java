package io.hoithao.events.session;

import io.hoithao.events.event.EventLimits;
import io.hoithao.events.event.EventService;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.Refusals;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The sessions' refusals as the API answers them (application/problem+json, docs/problems.md). */
final class SessionProblems {

    static final String CLASH = "session-clash";

    private SessionProblems() {
    }

    /** The session a command ended with, as the API shows it, or its refusal as a problem. */
    static SessionView orThrow(Decision.Result result) {
        return Refusals.orThrow(result, Decision.Done.class, done -> SessionView.of(done.event(), done.session()),
                Decision.Refusal.class, SessionProblems::problem);
    }

    static ProblemException problem(Decision.Refusal refusal) {
        if (refusal instanceof Decision.EventNotEditable notEditable) {
            return EventService.notEditable(notEditable.eventId(), notEditable.current());
        }
        if (refusal instanceof Decision.TooManySessions sessions) {
            return ProblemException.limitExceeded("sessions", EventLimits.SESSIONS, "Event " + sessions.eventId()
                    + " already has " + sessions.sessions() + " sessions (cancelled ones included), the most an event"
                    + " may have (" + EventLimits.SESSIONS + ")");
        }
        if (refusal instanceof Decision.UnknownSession unknown) {
            return ProblemException.notFound("Session", unknown.sessionId());
        }
        if (refusal instanceof Decision.NotChangeable closed) {
            return ProblemException.conflict(EventService.NOT_EDITABLE, "Session " + closed.sessionId() + " is "
                    + closed.current().name().toLowerCase(Locale.ROOT)).with("currentState", closed.current());
        }
        if (refusal instanceof Decision.InvalidField invalid) {
            return ProblemException.invalidField(invalid.field(), invalid.message());
        }
        if (refusal instanceof Decision.OutsideEventDays days) {
            return ProblemException.conflict(EventService.SESSION_OUTSIDE_EVENT, "The session is on " + days.date()
                            + ", outside the event's days " + days.firstDay() + " – " + days.lastDay())
                    .with("date", days.date())
                    .with("firstDay", days.firstDay())
                    .with("lastDay", days.lastDay());
        }
        if (refusal instanceof Decision.Clash clash) {
            Session other = clash.other();
            Map<String, Object> clashing = new LinkedHashMap<>();
            clashing.put("id", other.id());
            clashing.put("title", other.title());
            clashing.put("venueId", other.venueId());
            clashing.put("classroom", other.classroom());
            clashing.put("date", other.date());
            clashing.put("start", other.start());
            clashing.put("end", other.end());
            return ProblemException.conflict(CLASH, "The session overlaps \"" + other.title() + "\" ("
                            + other.date() + " " + other.start() + "–" + other.end() + ") at " + clash.venue()
                            + (other.classroom() == null ? "" : ", " + other.classroom()))
                    .with("clashingSession", clashing);
        }
        throw new IllegalStateException("Unknown refusal " + refusal);
    }
}
