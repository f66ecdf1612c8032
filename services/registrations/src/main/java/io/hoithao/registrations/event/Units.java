package io.hoithao.registrations.event;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Keys for units: "Phòng GD&ĐT Chợ Mới", "phong gd&dt cho moi" and "PHÒNG GD & ĐT CHỢ MỚI" are one unit.
 * The key is also a Mongo field name (quotas and seat holders per unit), so it holds only
 * {@code [a-z0-9-]}: no dots or dollars that Mongo would read as paths or operators.
 */
public final class Units {

    private Units() {
    }

    public static String key(String unit) {
        String key = fold(unit).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return key.isEmpty() ? "unit" : key;
    }

    /** Lower case without diacritics, so Vietnamese text matches with or without them ("Dong Tam" ~ "Đồng Tâm"). */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT).strip();
    }
}
