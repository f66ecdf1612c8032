package io.hoithao.observations.lesson;

import java.time.Instant;

/**
 * An observer seat held by a delegate. {@code via} says how it was taken (BOOKED, PROMOTED from the
 * waiting list, ROTATION plan); {@code attended} is set by the organiser after the lesson.
 */
public record Booking(String bookingId, String registrationId, String email, String fullName, Instant bookedAt,
                      String via, boolean attended) {
}
