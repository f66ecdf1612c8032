package io.hoithao.registrations.event;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of an event, learnt from the events service's messages: whether registration
 * is open, and the seats. {@code seatHolders} lists the registrations holding a confirmed seat; a seat
 * is taken by one conditional update that adds to it only while it is shorter than the capacity.
 */
@Document("registration_events")
public record OpenEvent(
        @Id String id,
        String title,
        int capacity,
        boolean registrationOpen,
        Instant closesAt,
        boolean cancelled,
        List<String> seatHolders) {

    public int confirmed() {
        return seatHolders == null ? 0 : seatHolders.size();
    }

    public boolean acceptsRegistrations(Instant now) {
        return registrationOpen && !cancelled && (closesAt == null || now.isBefore(closesAt));
    }
}
