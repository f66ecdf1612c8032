package io.hoithao.events.unit;

import io.hoithao.events.event.SearchText;
import io.hoithao.platform.web.ProblemException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The directory's rules, in plain Java: what a unit's name may be, when two names are the same name, and
 * where a unit may sit in the hierarchy.
 */
final class UnitRules {

    static final int MAX_NAME = 200;
    /** Problem type: the parent cannot hold the unit (levels), or the move would put a unit under itself. */
    static final String HIERARCHY = "unit-hierarchy";

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Control and format characters (NUL, bidirectional overrides, zero-width joiners): never part of a name. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private UnitRules() {
    }

    /**
     * A name as stored: composed (NFC, so "ò" typed as o + combining grave equals the precomposed "ò"),
     * trimmed, single spaces. Refused (400) when it holds an invisible character, has no letter or digit,
     * or is longer than {@value #MAX_NAME} characters.
     */
    static String name(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidField(field, "must not be blank");
        }
        String composed = Normalizer.normalize(raw, Normalizer.Form.NFC);
        String spaced = SPACES.matcher(composed.replace('\u00a0', ' ')).replaceAll(" ").strip();
        if (INVISIBLE.matcher(spaced).find()) {
            throw ProblemException.invalidField(field, "must not contain control or invisible characters");
        }
        if (!LETTER_OR_DIGIT.matcher(spaced).find()) {
            throw ProblemException.invalidField(field, "must name a unit (letters or digits)");
        }
        if (spaced.length() > MAX_NAME) {
            throw ProblemException.invalidField(field, "must be at most " + MAX_NAME + " characters");
        }
        return spaced;
    }

    /**
     * What makes two names the same name: case only. Diacritics count, so "Tân Hòa" and "Tân Hóa" are two
     * names (and two units), unlike the folded form that search uses.
     */
    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Unique in the collection: no two units of one parent (or two at the top) share a name. */
    static String siblingKey(String parentId, String officialName) {
        return (parentId == null ? "" : parentId) + "/" + nameKey(officialName);
    }

    static java.util.List<String> searchTerms(String officialName, String shortName) {
        return SearchText.terms(officialName, shortName);
    }

    /** The kind fits the level (a department is the province's...); a request error (400). */
    static void kindFitsLevel(UnitKind kind, UnitLevel level) {
        if (!kind.allows(level)) {
            throw ProblemException.invalidField("level", "a " + kind + " is at " + kind.level() + " level");
        }
    }

    /**
     * Whether a unit of this kind and level may sit under the parent (null: at the top). Only a
     * province-level unit stands at the top; otherwise the parent is at a higher level, or at the same
     * level when it is that level's department or district office and the unit is a centre or another unit.
     */
    static void placement(UnitKind kind, UnitLevel level, Unit parent) {
        if (parent == null) {
            if (level != UnitLevel.PROVINCE) {
                throw ProblemException.invalidField("parentId", "a unit at " + level + " level needs a parent");
            }
            return;
        }
        boolean higher = parent.level().above(level);
        boolean beside = parent.level() == level && parent.kind().administrative()
                && (kind == UnitKind.CENTRE || kind == UnitKind.OTHER);
        if (!higher && !beside) {
            throw ProblemException.conflict(HIERARCHY, "A " + kind + " at " + level + " level cannot sit under "
                            + parent.officialName() + " (a " + parent.kind() + " at " + parent.level() + " level)")
                    .with("parentId", parent.id()).with("parentLevel", parent.level()).with("level", level);
        }
    }
}
