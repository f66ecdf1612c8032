package io.hoithao.registrations.registration;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Confirmation codes such as {@code K7QM-3XPD}: 8 symbols of Crockford's base-32 alphabet (no I, L, O
 * or U, so nothing is misread on a badge or over the phone), 40 random bits from a SecureRandom —
 * too many to guess, short enough to type.
 */
final class ConfirmationCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConfirmationCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /**
     * A code as typed by a person back in its canonical form: any case, spaces or dashes anywhere, and
     * Crockford's look-alikes read as the digits they resemble (O → 0, I and L → 1).
     */
    static String normalise(String typed) {
        String compact = typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        return compact.length() == 8 ? compact.substring(0, 4) + "-" + compact.substring(4) : compact;
    }
}
