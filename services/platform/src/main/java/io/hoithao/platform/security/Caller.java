package io.hoithao.platform.security;

import io.hoithao.platform.text.Units;
import io.hoithao.platform.web.ProblemException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who makes a request, read from a validated access token (or nobody). A handler takes it as a
 * parameter; services decide object-level rules with it: an organiser manages only their unit's
 * events, a delegate only what carries their email.
 *
 * @param subject the token's {@code sub}; null when anonymous
 * @param email   the verified email address, lower case; ownership of registrations, bookings, forms and papers
 * @param name    the person's name for display, may be null
 * @param roles   the roles the token grants
 * @param unit    the name of the unit the caller belongs to, for display only (a unit is never recognised by its
 *                name: two units may have names that are equal once folded); may be null
 * @param unitId  the id (in the units directory) of the unit the caller belongs to, as confirmed by the identity
 *                service; what rights and counts use; null when the caller has no confirmed unit
 */
public record Caller(String subject, String email, String name, Set<Role> roles, String unit, String unitId) {

    private static final Caller ANONYMOUS = new Caller(null, null, null, Set.of(), null, null);

    public Caller {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        unitId = unitId == null || unitId.isBlank() ? null : unitId.strip();
    }

    /** A caller whose token names no unit id. */
    public Caller(String subject, String email, String name, Set<Role> roles, String unit) {
        this(subject, email, name, roles, unit, null);
    }

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    public boolean signedIn() {
        return subject != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /**
     * An administrator, or an organiser of exactly the unit with this id. Units are compared by id only: names
     * that fold alike ("Tân Hòa", "Tân Hóa") are two units, and an organiser of a unit above another does not
     * organise the other's events (see docs/decisions.md, "Units by id in every service").
     */
    public boolean organisesUnit(String organiserUnitId) {
        return isAdmin() || has(Role.ORGANISER) && belongsTo(organiserUnitId);
    }

    /**
     * An administrator, or an organiser of the unit of this name, names folded ("Sở GD&ĐT Bắc Kạn" =
     * "so gd&dt bac kan"). The old rule, kept only where a service still records units by name; it merges units
     * whose names fold alike, which {@link #organisesUnit} does not.
     */
    public boolean organises(String organiserUnit) {
        return isAdmin() || has(Role.ORGANISER) && Units.same(unit, organiserUnit);
    }

    /** Whether the caller's confirmed unit is the unit with this id. */
    public boolean belongsTo(String someUnitId) {
        return unitId != null && someUnitId != null && unitId.equals(someUnitId.strip());
    }

    /**
     * Whether something recorded under this email address is the caller's own. Both are lower-cased
     * with {@link Locale#ROOT} and compared exactly: {@code equalsIgnoreCase} would take "bınh" (dotless
     * ı) or "jameſ" (long s) for "binh" and "james", letting a look-alike address own someone's things.
     */
    public boolean owns(String ownerEmail) {
        return email != null && ownerEmail != null && email.equals(ownerEmail.strip().toLowerCase(Locale.ROOT));
    }

    /** Administrators and organisers of the unit (by name, the old rule) manage it; the delegate who owns it may see it. */
    public boolean mayRead(String organiserUnit, String ownerEmail) {
        return organises(organiserUnit) || owns(ownerEmail);
    }

    /** Refuses an anonymous caller with 401, for endpoints that are public in part. */
    public Caller requireSignedIn() {
        if (!signedIn()) {
            throw ProblemException.unauthenticated();
        }
        return this;
    }

    /** Refuses with 403 unless the caller has one of these roles. */
    public Caller requireAny(Role... anyOf) {
        requireSignedIn();
        for (Role role : anyOf) {
            if (has(role)) {
                return this;
            }
        }
        throw ProblemException.forbidden("This needs one of the roles " + java.util.Arrays.toString(anyOf));
    }

    /** Refuses with 403 unless the caller is an administrator or an organiser of this unit (by name, the old rule). */
    public Caller requireOrganiserOf(String organiserUnit) {
        requireSignedIn();
        if (!organises(organiserUnit)) {
            throw ProblemException.forbidden("Only the organisers of this event's unit may do this");
        }
        return this;
    }
}
