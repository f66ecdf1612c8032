package io.hoithao.events.session;

/** A cancelled session stays in the event (its calendar entry is then sent as cancelled under the same UID). */
public enum SessionStatus {
    SCHEDULED,
    CANCELLED
}
