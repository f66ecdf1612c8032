package io.hoithao.events.event;

/** Who organises it: a school, a district education office, a provincial department. */
public enum EventLevel {
    SCHOOL,
    DISTRICT,
    PROVINCE
}
