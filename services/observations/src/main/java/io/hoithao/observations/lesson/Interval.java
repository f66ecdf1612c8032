package io.hoithao.observations.lesson;

import java.time.Instant;

/** A half-open time range [startsAt, endsAt): a lesson ending at 9:00 does not clash with one starting at 9:00. */
public record Interval(Instant startsAt, Instant endsAt) {

    public Interval {
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("an interval ends after it starts");
        }
    }

    public boolean overlaps(Interval other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
