package io.hoithao.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a signed-in person may do, as named in the access token's roles claim
 * ({@code admin}, {@code organiser}, {@code reviewer}, {@code delegate}). The identity service issues them,
 * every other service reads them.
 */
public enum Role {
    /** Runs the whole system: every unit's events, every registration; manages people's roles. */
    ADMIN,
    /** Runs the events of one unit (the token's unit claim) and everything attached to them. */
    ORGANISER,
    /** Reads submitted papers and records reviews. */
    REVIEWER,
    /** Registers, books observation seats, submits forms and papers: only their own. Everyone who signs up is one. */
    DELEGATE;

    /** The claim value, and the name in the API, e.g. {@code organiser}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_ORGANISER}, for {@code hasRole("ORGANISER")}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * The role a name means, ignoring case and surrounding spaces; empty for anything else (another application's
     * roles in a token, a mistyped role in a request).
     */
    public static Optional<Role> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        return Arrays.stream(values()).filter(role -> role.claimValue().equalsIgnoreCase(wanted)).findFirst();
    }

    /** {@code admin, organiser, reviewer, delegate}, for messages. */
    public static String known() {
        return Arrays.stream(values()).map(Role::claimValue).collect(Collectors.joining(", "));
    }
}
