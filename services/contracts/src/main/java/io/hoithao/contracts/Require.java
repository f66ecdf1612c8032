package io.hoithao.contracts;

import java.util.List;

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

    public static long notNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException("field '" + field + "' must not be negative, was " + value);
        }
        return value;
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException("field '" + field + "' must be positive, was " + value);
        }
        return value;
    }

    /** A present list (possibly empty) of non-blank texts, copied so the message stays immutable. */
    public static List<String> texts(List<String> values, String field) {
        present(values, field);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("field '" + field + "' has a missing entry at index " + i);
            }
        }
        return List.copyOf(values);
    }

    /** Checks that {@code later} is not before {@code earlier}; both must already be checked present. */
    public static <T extends Comparable<? super T>> void notBefore(T later, String laterField, T earlier, String earlierField) {
        if (later.compareTo(earlier) < 0) {
            throw new IllegalArgumentException("field '" + laterField + "' is before '" + earlierField + "'");
        }
    }

    /** Checks that {@code later} is strictly after {@code earlier}; both must already be checked present. */
    public static <T extends Comparable<? super T>> void after(T later, String laterField, T earlier, String earlierField) {
        if (later.compareTo(earlier) <= 0) {
            throw new IllegalArgumentException("field '" + laterField + "' must be after '" + earlierField + "'");
        }
    }
}
