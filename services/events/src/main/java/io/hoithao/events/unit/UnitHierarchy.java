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
        return Mono.zip(resolve(unitName), resolve(aboveName)).flatMap(found -> {
            Resolved unit = found.getT1();
            Resolved above = found.getT2();
            if (unit.unit() == null || above.unit() == null) {
                return Mono.just(new Placement(Relation.UNKNOWN, unit.unit() == null ? unit.reason() : above.reason()));
            }
            return store.ancestors(unit.unit()).any(ancestor -> ancestor.id().equals(above.unit().id()))
                    .map(inside -> new Placement(inside ? Relation.BELOW : Relation.NOT_BELOW, null));
        });
    }

    private record Resolved(Unit unit, String reason) {
    }

    private Mono<Resolved> resolve(String claimed) {
        String name;
        try {
            name = claimed == null ? null : UnitRules.name("unit", claimed);
        } catch (ProblemException e) {
            name = null;
        }
        if (name == null) {
            return Mono.just(new Resolved(null, "no unit is named"));
        }
        String official = name;
        return store.named(official, 2).collectList().map((List<Unit> units) -> switch (units.size()) {
            case 1 -> new Resolved(units.get(0), null);
            case 0 -> new Resolved(null, "no unit of the directory has the official name " + official);
            default -> new Resolved(null, "several units of the directory have the official name " + official);
        });
    }
}
