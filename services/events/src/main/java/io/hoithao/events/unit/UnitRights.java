package io.hoithao.events.unit;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who manages which units: an administrator every unit; an organiser the units below their own unit
 * (not their own unit itself, whose names and place are decided above it). Which unit is the
 * organiser's: today the access token names it ({@code unit} claim, a name); it is taken to be the unit
 * of the directory with exactly that official name (composed, single spaces; case and diacritics count).
 * A name that no unit has, or several have, gives no rights here. This bridge lasts until tokens carry
 * the unit's id.
 */
@Component
class UnitRights {

    private final UnitHierarchy hierarchy;

    UnitRights(UnitHierarchy hierarchy) {
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
                    : below(parent, home).flatMap(inside -> inside ? Mono.<Void>empty()
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
            return home(caller).flatMap(home -> below(unit, home).flatMap(inside -> inside ? Mono.<Void>empty()
                    : Mono.error(ProblemException.forbidden("An organiser of " + home.officialName()
                            + " manages only the units below it; " + unit.officialName() + " is not"
                            + (home.id().equals(unit.id()) ? " (its own unit is managed from above)" : "")))));
        });
    }

    /** Whether {@code home} is one of the unit's ancestors. */
    private Mono<Boolean> below(Unit unit, Unit home) {
        return hierarchy.isBelow(unit, home);
    }

    /** The organiser's unit in the directory: the one unit whose official name is the token's unit name. */
    private Mono<Unit> home(Caller caller) {
        return hierarchy.named(caller.unit()).flatMap(found -> found.unit() != null ? Mono.just(found.unit())
                : Mono.error(ProblemException.forbidden(switch (found.miss()) {
                    case NO_NAME -> "Your access token names no unit of the directory, so you manage no units";
                    case NONE -> "No unit of the directory has the official name " + found.name()
                            + " (your access token's unit), so you manage no units; an administrator can add or rename it";
                    case SEVERAL -> "Several units of the directory have the official name " + found.name()
                            + " (your access token's unit), so it does not say which is yours; an administrator manages them";
                })));
    }
}
