package io.hoithao.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a signed-in person may do, as named in the access token's roles claim
 * ({@code admin}, {@code organiser}, {@code reviewer}, {@code delegate}).
 */
public enum Role {
    /** Runs the whole system: every unit's events, every registration. */
    ADMIN,
    /** Runs the events of one unit (the token's unit claim) and everything attached to them. */
    ORGANISER,
    /** Reads submitted papers and records reviews. */
    REVIEWER,
    /** Registers, books observation seats, submits forms and papers: only their own. */
    DELEGATE;

    /** The claim value, e.g. {@code organiser}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_ORGANISER}, for {@code hasRole("ORGANISER")}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role a claim value names; unknown values (another application's roles) are ignored. */
    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
