package io.hoithao.reports.report;

import io.hoithao.platform.text.Units;
import io.hoithao.reports.projection.Projected;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The directory of units as the read model knows it, for one report: who is below whom (by id), and which unit a
 * name means. Registrations and papers name units as people typed them ("Trường MN Đồng Tâm"), so a name is matched
 * ignoring case, diacritics and spacing, first against official names, then short and earlier names; a name that
 * matches no unit, or several, stays a name of its own and counts for no unit of the directory.
 */
final class Directory {

    /** Deeper than any real directory; a guard against a loop the messages might describe for a moment. */
    private static final int MAX_DEPTH = 32;

    private final Map<String, Projected.Unit> byId = new HashMap<>();
    private final Map<String, Set<String>> official = new HashMap<>();
    private final Map<String, Set<String>> other = new HashMap<>();

    Directory(Collection<Projected.Unit> units) {
        for (Projected.Unit unit : units) {
            if (unit.officialName() == null) {
                continue; // told only by a late message so far: not yet a unit
            }
            byId.put(unit.id(), unit);
            official.computeIfAbsent(Units.key(unit.officialName()), k -> new LinkedHashSet<>()).add(unit.id());
            if (unit.shortName() != null) {
                other.computeIfAbsent(Units.key(unit.shortName()), k -> new LinkedHashSet<>()).add(unit.id());
            }
            for (String previous : unit.previousNames()) {
                other.computeIfAbsent(Units.key(previous), k -> new LinkedHashSet<>()).add(unit.id());
            }
        }
    }

    Optional<Projected.Unit> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /**
     * The unit that organises the event: by the id it was published with; only an event told before events carried
     * their unit's id is matched by its name.
     */
    Optional<Projected.Unit> organiser(Projected.Event event) {
        return event.organiserUnitId() != null ? find(event.organiserUnitId()) : resolve(event.organiserUnit());
    }

    /** The name to show for the event's unit: the directory's current official name, else the name it was published with. */
    String organiserName(Projected.Event event) {
        return organiser(event).map(Projected.Unit::officialName)
                .orElse(event.organiserUnit() == null ? "" : event.organiserUnit().strip());
    }

    /** The one unit this name means: by official name, else by short or earlier name. */
    Optional<Projected.Unit> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Set<String> ids = official.getOrDefault(Units.key(name), Set.of());
        if (ids.isEmpty()) {
            ids = other.getOrDefault(Units.key(name), Set.of());
        }
        return ids.size() == 1 ? find(ids.iterator().next()) : Optional.empty();
    }

    /** The name to show for a unit named so: its official name if the directory knows it, else the name as given. */
    String display(String name) {
        return resolve(name).map(Projected.Unit::officialName).orElse(name == null ? "" : name.strip());
    }

    /** Whether the unit is {@code rootId} or below it. */
    boolean within(String unitId, String rootId) {
        String current = unitId;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current.equals(rootId)) {
                return true;
            }
            Projected.Unit unit = byId.get(current);
            current = unit == null ? null : unit.parentId();
        }
        return false;
    }

    /** The unit and every unit below it. */
    List<Projected.Unit> subtree(String rootId) {
        List<Projected.Unit> found = new ArrayList<>();
        for (Projected.Unit unit : byId.values()) {
            if (within(unit.id(), rootId)) {
                found.add(unit);
            }
        }
        return found;
    }
}
