package io.hoithao.events.event;

/**
 * The most of everything a client can make an event or a programme hold. Every read of the public programme
 * walks the event's days and sessions, so none of them may grow without bound; the numbers are far above what
 * a real conference of the sector needs. Documented in the events README and docs/problems.md.
 */
public final class EventLimits {

    /** An event lasts at most this many days, first to last. */
    public static final int DAYS = 31;
    /** Venues of one event. */
    public static final int VENUES = 50;
    /** Classrooms of one venue. */
    public static final int CLASSROOMS = 50;
    /** Officials of one event. */
    public static final int OFFICIALS = 100;
    /** Sessions of one event, cancelled ones included (they stay in its programme as cancelled). */
    public static final int SESSIONS = 500;
    /** Speakers of one session. */
    public static final int SPEAKERS = 50;
    /** Phases of one programme. */
    public static final int PHASES = 20;
    /** Plans of one programme. */
    public static final int PLANS = 200;

    private EventLimits() {
    }
}
