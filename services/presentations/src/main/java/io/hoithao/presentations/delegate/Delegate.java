package io.hoithao.presentations.delegate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registration as learnt from the registrations topic; only a {@code CONFIRMED} one may submit papers.
 * A signed-in caller's registration for an event is found by (eventId, email), the email being the
 * verified one of their token.
 */
@Document("delegates")
@CompoundIndex(name = "event_email", def = "{'eventId': 1, 'email': 1}")
public record Delegate(@Id String registrationId, String eventId, String email, String fullName, String unit, String status) {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String CANCELLED = "CANCELLED";

    public boolean confirmed() {
        return CONFIRMED.equals(status);
    }
}
