package io.hoithao.events.event;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an event: draft → published → registration open → registration closed →
 * in progress → completed; cancelled from any state before completion.
 */
public enum EventStatus {
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
}
