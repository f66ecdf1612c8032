package io.hoithao.platform.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Unit names as people type them: "Phòng GD&ĐT Chợ Mới", "phong gd&dt cho moi" and
 * "PHÒNG GD & ĐT CHỢ MỚI" are one unit. {@link #fold} is for matching text, {@link #key} for
 * identifying a unit (it holds only {@code [a-z0-9-]}, so it is also safe as a Mongo field name:
 * no dots or dollars that Mongo would read as paths or operators).
 */
public final class Units {

    private Units() {
    }

    /** Lower case without diacritics and with single spaces ("Dong Tam" ~ "Đồng  Tâm"). */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    public static String key(String unit) {
        String key = fold(unit).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return key.isEmpty() ? "unit" : key;
    }

    /**
     * Whether two unit names name the same unit. A missing name, one without a letter or digit, or one
     * with letters that do not fold to Latin ones (Ø, Ł, Greek, Cyrillic: {@link #key} would drop them)
     * matches nothing, so two different names can never share a key by losing their letters.
     */
    public static boolean same(String a, String b) {
        return named(a) && named(b) && key(a).equals(key(b));
    }

    /** A name with a letter or digit that {@link #key} keeps: other scripts fold to nothing and would all match. */
    private static boolean named(String unit) {
        return unit != null && fold(unit).chars().anyMatch(c -> c < 128 && Character.isLetterOrDigit(c))
                && fold(unit).chars().noneMatch(c -> c >= 128 && Character.isLetter(c));
    }
}
