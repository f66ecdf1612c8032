package io.hoithao.events.event;

/** Hội nghị, hội thảo, sinh hoạt chuyên đề. */
public enum EventKind {
    CONFERENCE,
    WORKSHOP,
    THEMATIC_SESSION
}
