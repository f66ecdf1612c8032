package io.hoithao.events.session;

import io.hoithao.platform.status.Transitions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a session stands, and where it may go from there ({@link #canBecome}): a scheduled session may be cancelled;
 * a cancelled one stays in the event (its calendar entry is then sent as cancelled under the same UID) and changes no
 * more. A move keeps a session scheduled: it is no change of status.
 */
public enum SessionStatus implements Transitions<SessionStatus> {
    SCHEDULED,
    CANCELLED;

    /** The statuses a session in this one may move to. */
    @Override
    public Set<SessionStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(CANCELLED);
            case CANCELLED -> EnumSet.noneOf(SessionStatus.class);
        };
    }
}
