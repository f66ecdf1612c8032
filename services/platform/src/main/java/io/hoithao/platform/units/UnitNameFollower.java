package io.hoithao.platform.units;

import reactor.core.publisher.Mono;

/**
 * A service's copies of unit names (on registrations, papers, quotas) that follow the directory: called after a
 * unit's creation or rename has been applied to {@link KnownUnits}, with the unit as it now stands there (the
 * highest revision's names, whatever order the messages came in), so running it again changes nothing.
 */
public interface UnitNameFollower {

    Mono<Void> follow(KnownUnits.KnownUnit unit);
}
