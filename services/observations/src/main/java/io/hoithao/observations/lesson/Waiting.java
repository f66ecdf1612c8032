package io.hoithao.observations.lesson;

import java.time.Instant;

/** A delegate on a full lesson's waiting list, promoted in order of {@code since}. */
public record Waiting(String registrationId, String email, String fullName, Instant since) {
}
