package io.hoithao.presentations.paper;

import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.units.UnitNameFollower;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The papers' copies of a unit's name follow the directory, so answers show its current name (the events' copies
 * follow it by their own follower). Not a platform {@code UnitNameCopies}: a renamed paper takes a new version.
 */
@Component
class UnitNames implements UnitNameFollower {

    private final PaperService papers;

    UnitNames(PaperService papers) {
        this.papers = papers;
    }

    @Override
    public Mono<Void> follow(KnownUnits.KnownUnit unit) {
        return papers.followRename(unit.id(), unit.officialName());
    }
}
