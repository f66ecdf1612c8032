package io.hoithao.web.checkin;

import java.text.Normalizer;
import java.util.Locale;

/** Names compared as people type them at the door: without diacritics, case or extra spaces ("hoa" finds "Hoà", "d" finds "Đ"). */
final class Names {

    private Names() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        // đ has no decomposition: it is a letter of its own
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
