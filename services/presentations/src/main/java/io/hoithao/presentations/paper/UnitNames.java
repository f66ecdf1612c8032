package io.hoithao.presentations.paper;

import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.units.UnitNameFollower;
import io.hoithao.presentations.event.EventAccess;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The papers' and the events' copies of a unit's name follow the directory, so answers show its current name. */
@Component
class UnitNames implements UnitNameFollower {

    private final PaperService papers;
    private final EventAccess events;

    UnitNames(PaperService papers, EventAccess events) {
        this.papers = papers;
        this.events = events;
    }

    @Override
    public Mono<Void> follow(KnownUnits.KnownUnit unit) {
        return papers.followRename(unit.id(), unit.officialName()).then(events.followRename(unit.id(), unit.officialName()));
    }
}
