package io.hoithao.observations.event;

import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.units.UnitNameFollower;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The events' copies of their organising unit's name follow the directory, so answers show its current name. */
@Component
class UnitNames implements UnitNameFollower {

    private final EventAccess events;

    UnitNames(EventAccess events) {
        this.events = events;
    }

    @Override
    public Mono<Void> follow(KnownUnits.KnownUnit unit) {
        return events.followRename(unit.id(), unit.officialName());
    }
}
