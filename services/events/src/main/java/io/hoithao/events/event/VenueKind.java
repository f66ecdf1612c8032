package io.hoithao.events.event;

/** Trường (a host school, with classrooms) or hội trường (a hall). */
public enum VenueKind {
    HOST_SCHOOL,
    HALL
}
