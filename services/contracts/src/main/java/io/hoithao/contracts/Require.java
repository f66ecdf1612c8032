package io.hoithao.contracts;

/** Field checks for message constructors, so that neither a producer nor a decoder can build a half-filled message. */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    public static int notNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException("field '" + field + "' must not be negative, was " + value);
        }
        return value;
    }
}
