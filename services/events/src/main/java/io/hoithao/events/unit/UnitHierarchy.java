package io.hoithao.events.unit;

import io.hoithao.platform.web.ProblemException;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether one unit is below another in the directory, for the rights of other features (a school's
 * event in its district office's programme). Units are named as the rest of the service still names
 * them, and found by the directory's name bridge ({@link UnitRights}): the unit whose official name is
 * exactly that name. A name that no unit or several units have makes no answer from the directory, and
 * the answer says which name and why, so the caller can fall back to its own rule and tell the user.
 */
@Component
public class UnitHierarchy {

    private final UnitStore store;

    UnitHierarchy(UnitStore store) {
        this.store = store;
    }

    /** What the directory says about a unit and a unit that may be above it. */
    public enum Relation {
        /** The second unit is one of the first's ancestors. */
        BELOW,
        /** Both are in the directory, and the second is not above the first (it may be the first itself). */
        NOT_BELOW,
        /** One of the names is not the official name of exactly one unit of the directory. */
        UNKNOWN
    }

    /** The relation, and for {@code UNKNOWN} why, naming the name the directory does not know. */
    public record Placement(Relation relation, String reason) {
    }

    /** Where the unit named {@code unitName} stands against the unit named {@code aboveName}. */
    public Mono<Placement> placement(String unitName, String aboveName) {
        return Mono.zip(named(unitName), named(aboveName)).flatMap(found -> {
            Named unit = found.getT1();
            Named above = found.getT2();
            if (unit.unit() == null || above.unit() == null) {
                return Mono.just(new Placement(Relation.UNKNOWN, unit.unit() == null ? unit.reason() : above.reason()));
            }
            return isBelow(unit.unit(), above.unit()).map(inside -> new Placement(inside ? Relation.BELOW : Relation.NOT_BELOW, null));
        });
    }

    /** The id of the one unit whose official name is exactly this name; empty when no unit or several have it. */
    public Mono<java.util.Optional<String>> idOf(String unitName) {
        return named(unitName).map(found -> java.util.Optional.ofNullable(found.unit()).map(Unit::id));
    }

    /** Why a name found no single unit. */
    enum Miss {
        /** No name, or none a unit could have. */
        NO_NAME,
        /** No unit has that official name. */
        NONE,
        /** Several units have it. */
        SEVERAL
    }

    /** The one unit whose official name is exactly the name, or else why not ({@code miss}, with the name looked for). */
    record Named(Unit unit, Miss miss, String name) {

        String reason() {
            return switch (miss) {
                case NO_NAME -> "no unit is named";
                case NONE -> "no unit of the directory has the official name " + name;
                case SEVERAL -> "several units of the directory have the official name " + name;
            };
        }
    }

    /** The directory's name bridge: the unit whose official name is exactly {@code claimed} (composed, single spaces). */
    Mono<Named> named(String claimed) {
        String name;
        try {
            name = claimed == null ? null : UnitRules.name("unit", claimed);
        } catch (ProblemException e) {
            name = null;
        }
        if (name == null) {
            return Mono.just(new Named(null, Miss.NO_NAME, null));
        }
        String official = name;
        return store.named(official, 2).collectList().map((List<Unit> units) -> switch (units.size()) {
            case 1 -> new Named(units.get(0), null, official);
            case 0 -> new Named(null, Miss.NONE, official);
            default -> new Named(null, Miss.SEVERAL, official);
        });
    }

    /** Whether {@code above} is one of the unit's ancestors. */
    Mono<Boolean> isBelow(Unit unit, Unit above) {
        return store.ancestors(unit).any(ancestor -> ancestor.id().equals(above.id()));
    }
}
