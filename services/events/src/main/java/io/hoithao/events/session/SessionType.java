package io.hoithao.events.session;

/** What happens in a session (phiên, hoạt động). */
public enum SessionType {
    OPENING,
    PLENARY,
    PRESENTATION,
    DEMONSTRATION_LESSON,
    SITE_VISIT,
    DISCUSSION,
    CLOSING,
    BREAK
}
