package io.hoithao.registrations.messaging;

import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.units.UnitNameFollower;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.registration.RegistrationService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The registrations' and quotas' copies of a unit's name follow the directory, so answers show its current name. */
@Component
class UnitNames implements UnitNameFollower {

    private final RegistrationService registrations;
    private final EventProjection events;

    UnitNames(RegistrationService registrations, EventProjection events) {
        this.registrations = registrations;
        this.events = events;
    }

    @Override
    public Mono<Void> follow(KnownUnits.KnownUnit unit) {
        return registrations.followRename(unit.id(), unit.officialName()).then(events.followRename(unit.id(), unit.officialName()));
    }
}
