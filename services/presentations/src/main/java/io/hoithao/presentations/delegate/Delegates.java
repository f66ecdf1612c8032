package io.hoithao.presentations.delegate;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds the signed-in caller's registration for an event in the registrations projection: by the
 * event and the verified email of their token (never by anything the request names).
 */
@Component
public class Delegates {

    public static final String NOT_REGISTERED = "not-registered";

    private final ReactiveMongoTemplate mongo;

    Delegates(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The caller's confirmed registration for the event, or a 403 {@code not-registered} (none, or cancelled). */
    public Mono<Delegate> confirmed(String eventId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireSignedIn();
            if (caller.email() == null) {
                return Mono.error(notRegistered(eventId, null));
            }
            Query query = Query.query(Criteria.where("eventId").is(eventId).and("email").is(caller.email())
                    .and("status").is(Delegate.CONFIRMED)).with(Sort.by("_id")).limit(1);
            return mongo.findOne(query, Delegate.class)
                    .switchIfEmpty(Mono.error(() -> notRegistered(eventId, caller.email())));
        });
    }

    static ProblemException notRegistered(String eventId, String email) {
        ProblemException problem = new ProblemException(HttpStatus.FORBIDDEN, NOT_REGISTERED, "Not a registered delegate",
                (email == null ? "Your access token carries no email address" : "There is no confirmed registration of "
                        + email + " for event " + eventId) + ": register for the event first (only its confirmed"
                        + " delegates submit papers)").with("eventId", eventId);
        return email == null ? problem : problem.with("email", email);
    }
}
