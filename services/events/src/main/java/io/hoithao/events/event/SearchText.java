package io.hoithao.events.event;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds Vietnamese text for search: no diacritics, no case, words only. "Trường Mầm non Đồng Tâm"
 * becomes "truong mam non dong tam", so "dong tam" and "Đồng Tâm" meet.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // NFD splits "ồ" into "o" + marks, but "đ"/"Đ" is a letter of its own with no decomposition.
        String withoutD = text.replace('đ', 'd').replace('Đ', 'D');
        String stripped = MARKS.matcher(Normalizer.normalize(withoutD, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The distinct folded words of the texts, in order: what the multikey search index holds. */
    public static List<String> terms(String... texts) {
        return Stream.of(texts)
                .filter(Objects::nonNull)
                .map(SearchText::fold)
                .flatMap(folded -> Arrays.stream(folded.split(" ")))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .stream().toList();
    }
}
