package io.hoithao.notifications.programme;

import java.time.Instant;
import java.time.LocalDate;

/** One change of the programme waiting in a person's {@link Digest}: {@code kind} is moved, cancelled, rescheduled or eventCancelled. */
public record Change(String messageId, String kind, String title, String venue, Instant startsAt, Instant endsAt,
                     LocalDate startDate, LocalDate endDate, String reason, Instant occurredAt) {
}
