package io.hoithao.events.unit;

import reactor.core.publisher.Mono;

/**
 * A feature of this service that keeps a copy of a unit's official name beside its id (an event's or a
 * programme's unit, for search and for the messages it publishes): told after each rename of the unit, with the
 * name as it now stands. Setting the same name again changes nothing, so telling twice is harmless.
 */
public interface UnitNameCopies {

    Mono<Void> renamed(String unitId, String officialName);
}
