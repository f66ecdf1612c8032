package io.hoithao.events.unit;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who manages which units: an administrator every unit; an organiser the units below their own unit
 * (not their own unit itself, whose names and place are decided above it). The organiser's unit is the
 * one whose id her access token carries ({@code unit_id}, confirmed by the identity service); names are
 * never looked at, so two units whose names fold alike are two units here.
 */
@Component
class UnitRights {

    private final UnitStore store;
    private final UnitHierarchy hierarchy;

    UnitRights(UnitStore store, UnitHierarchy hierarchy) {
        this.store = store;
        this.hierarchy = hierarchy;
    }

    /** Completes if the caller may put a unit under this parent (null: at the top, administrators only). */
    Mono<Void> requirePlaceUnder(Unit parent, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            if (caller.isAdmin()) {
                return Mono.empty();
            }
            if (parent == null) {
                return Mono.error(ProblemException.forbidden("Only an administrator adds a unit at the top of the directory"));
            }
            return home(caller).flatMap(home -> home.id().equals(parent.id()) ? Mono.<Void>empty()
                    : hierarchy.isBelow(parent, home.id()).flatMap(inside -> inside ? Mono.<Void>empty()
                            : Mono.error(ProblemException.forbidden("An organiser of " + home.officialName()
                                    + " manages only the units below it; " + parent.officialName() + " is not"))));
        });
    }

    /** Completes if the caller may rename or move this unit: an administrator, or an organiser of a unit above it. */
    Mono<Void> requireChange(Unit unit, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            if (caller.isAdmin()) {
                return Mono.empty();
            }
            return home(caller).flatMap(home -> hierarchy.isBelow(unit, home.id()).flatMap(inside -> inside ? Mono.<Void>empty()
                    : Mono.error(ProblemException.forbidden("An organiser of " + home.officialName()
                            + " manages only the units below it; " + unit.officialName() + " is not"
                            + (home.id().equals(unit.id()) ? " (its own unit is managed from above)" : "")))));
        });
    }

    /** The organiser's unit in the directory: the one with her token's unit id. */
    Mono<Unit> home(Caller caller) {
        if (caller.unitId() == null) {
            return Mono.error(ProblemException.forbidden(
                    "Your access token names no confirmed unit (unit_id), so you manage no units; an administrator sets your unit"));
        }
        return store.findIfExists(caller.unitId()).switchIfEmpty(Mono.error(() -> ProblemException.forbidden(
                "No unit of the directory has the id " + caller.unitId() + " (your access token's unit), so you manage no units")));
    }
}
