package io.hoithao.presentations.paper;

import java.text.Normalizer;
import java.util.Locale;

/** Folds unit names so that "Truong Mam non Dong Tam" finds "Trường Mầm non Đồng Tâm". */
public final class Units {

    private Units() {
    }

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.trim(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
