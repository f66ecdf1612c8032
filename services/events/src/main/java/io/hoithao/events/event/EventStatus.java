package io.hoithao.events.event;

import io.hoithao.platform.status.Transitions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an event: draft → published → registration open → registration closed →
 * in progress → completed; cancelled from any state before completion. Registration may be reopened
 * after closing, and an event without registration (a school's session for its own teachers) may
 * start straight after publication.
 */
public enum EventStatus implements Transitions<EventStatus> {
    DRAFT,
    PUBLISHED,
    REGISTRATION_OPEN,
    REGISTRATION_CLOSED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    /** The states an event may be in for the given transition to apply. */
    public static Set<EventStatus> allowedBefore(EventStatus target) {
        return switch (target) {
            case DRAFT -> EnumSet.noneOf(EventStatus.class);
            case PUBLISHED -> EnumSet.of(DRAFT);
            case REGISTRATION_OPEN -> EnumSet.of(PUBLISHED, REGISTRATION_CLOSED);
            case REGISTRATION_CLOSED -> EnumSet.of(REGISTRATION_OPEN);
            case IN_PROGRESS -> EnumSet.of(PUBLISHED, REGISTRATION_OPEN, REGISTRATION_CLOSED);
            case COMPLETED -> EnumSet.of(IN_PROGRESS);
            case CANCELLED -> EnumSet.of(DRAFT, PUBLISHED, REGISTRATION_OPEN, REGISTRATION_CLOSED, IN_PROGRESS);
        };
    }

    /** The table read the other way round: the statuses this one may move to. */
    @Override
    public Set<EventStatus> next() {
        Set<EventStatus> next = EnumSet.noneOf(EventStatus.class);
        for (EventStatus target : values()) {
            if (allowedBefore(target).contains(this)) {
                next.add(target);
            }
        }
        return next;
    }

    /** Whether the programme (sessions, venues, capacity) may still change: not once the event is over or cancelled. */
    public boolean editable() {
        return this != COMPLETED && this != CANCELLED;
    }

    /** Whether the event may still move to other days: not once it is under way. */
    public boolean reschedulable() {
        return editable() && this != IN_PROGRESS;
    }
}
