package io.hoithao.events.event;

import java.util.List;

/** A place the event uses: a host school (with classrooms for demonstration lessons) or a hall. */
public record Venue(String id, String name, VenueKind kind, String address, List<String> classrooms) {

    public Venue {
        classrooms = classrooms == null ? List.of() : List.copyOf(classrooms);
    }

    /** The venue's name with its address, as a calendar's location line. */
    public String location() {
        return address == null || address.isBlank() ? name : name + ", " + address;
    }
}
