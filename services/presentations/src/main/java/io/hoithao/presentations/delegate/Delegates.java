package io.hoithao.presentations.delegate;

import io.hoithao.platform.web.ProblemException;
import java.util.Locale;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Answers whether a registration is a confirmed delegate of an event, from the registrations projection. */
@Component
public class Delegates {

    public static final String NOT_REGISTERED = "not-registered";

    private final ReactiveMongoTemplate mongo;

    Delegates(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The confirmed delegate with this registration id and email at the event, or a 403 {@code not-registered}. */
    public Mono<Delegate> confirmed(String eventId, String registrationId, String email) {
        return mongo.findById(registrationId, Delegate.class)
                .filter(d -> d.confirmed() && eventId.equals(d.eventId())
                        && d.email() != null && d.email().equals(email.trim().toLowerCase(Locale.ROOT)))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.FORBIDDEN, NOT_REGISTERED,
                        "Not a registered delegate",
                        "Only a confirmed delegate of the event may submit papers; registration " + registrationId
                                + " with that email is not one")
                        .with("eventId", eventId).with("registrationId", registrationId)));
    }
}
