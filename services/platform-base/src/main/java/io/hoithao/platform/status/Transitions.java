package io.hoithao.platform.status;

import java.util.EnumSet;
import java.util.Set;

/**
 * A status that carries its transition table: each status names the statuses it may move to ({@link #next}, one line a
 * status in the enum), and what may follow, what is final and where a change may start from are read off that one
 * table. The events', registrations', sessions', lessons' and papers' statuses are such tables; a decision asks
 * {@link #canBecome} before it changes a status, and a store's conditional write asks {@link #into} for the statuses
 * its filter accepts.
 */
public interface Transitions<S extends Enum<S> & Transitions<S>> {

    /** The statuses one in this status may move to. */
    Set<S> next();

    default boolean canBecome(S target) {
        return next().contains(target);
    }

    /** No status follows this one. */
    default boolean terminal() {
        return next().isEmpty();
    }

    /** Every status of the type that may move to {@code target}. */
    static <S extends Enum<S> & Transitions<S>> Set<S> into(Class<S> type, S target) {
        Set<S> from = EnumSet.noneOf(type);
        for (S status : type.getEnumConstants()) {
            if (status.canBecome(target)) {
                from.add(status);
            }
        }
        return from;
    }
}
