package io.hoithao.observations.lesson;

import io.hoithao.platform.status.Transitions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a lesson stands, and where it may go from there ({@link #canBecome}): every change of status is one of
 * these transitions. A SCHEDULED lesson takes bookings and may be cancelled (with its session, its event, or by
 * an organiser); CANCELLED is final.
 */
public enum LessonStatus implements Transitions<LessonStatus> {
    SCHEDULED,
    CANCELLED;

    /** The statuses a lesson in this one may move to. */
    @Override
    public Set<LessonStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(CANCELLED);
            case CANCELLED -> EnumSet.noneOf(LessonStatus.class);
        };
    }

    /** Whether seats are booked, waited for, given and changed in a lesson of this status: only a scheduled one. */
    public boolean bookable() {
        return this == SCHEDULED;
    }
}
