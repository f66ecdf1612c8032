package io.hoithao.notifications.observation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A delegate's place at a lesson ({@code _id} lesson id and registration id): BOOKED, WAITING, RELEASED or LEFT (the waiting list). */
@Document("seats")
public record Seat(@Id String id, String lessonId, String eventId, String registrationId, String email, String state) {
}
