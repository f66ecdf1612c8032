package io.hoithao.identity.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a person may do in the suite; the access token's {@code roles} claim names them in lower case. */
public enum Role {
    /** Runs the whole system, and manages people's roles here. */
    ADMIN,
    /** Runs the events of one unit (the token's {@code unit} claim). */
    ORGANISER,
    /** Reads submitted papers and records reviews. */
    REVIEWER,
    /** Registers for events, books observation seats, submits papers. Everyone who signs up is one. */
    DELEGATE;

    /** The name in the token and in the API, e.g. {@code organiser}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_ORGANISER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role a name means, ignoring case and surrounding spaces; empty for anything else. */
    public static Optional<Role> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** {@code admin, organiser, reviewer, delegate}, for messages. */
    public static String known() {
        return Arrays.stream(values()).map(Role::claimValue).collect(Collectors.joining(", "));
    }
}
