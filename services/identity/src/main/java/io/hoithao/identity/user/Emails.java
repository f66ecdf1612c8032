package io.hoithao.identity.user;

import java.util.Locale;

/** The one spelling of an email address that is stored, looked up and put in tokens. */
public final class Emails {

    private Emails() {
    }

    /** Trimmed and in lower case; {@code null} stays {@code null}. */
    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
