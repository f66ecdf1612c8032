package io.hoithao.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldsVietnameseDiacriticsAndCaseIncludingDStroke() {
        assertThat(SearchText.fold("Trường Mầm non Đồng Tâm")).isEqualTo("truong mam non dong tam");
        assertThat(SearchText.fold("ĐỒNG TÂM")).isEqualTo("dong tam");
        assertThat(SearchText.fold("đồng tâm")).isEqualTo("dong tam");
        assertThat(SearchText.fold("Sở GD&ĐT Bắc Kạn")).isEqualTo("so gd dt bac kan");
        assertThat(SearchText.fold("Hội nghị – hội thảo sơ kết")).isEqualTo("hoi nghi hoi thao so ket");
        assertThat(SearchText.fold("  Chợ   Mới, ")).isEqualTo("cho moi");
        assertThat(SearchText.fold(null)).isEmpty();
    }

    @Test
    void decomposedInputFoldsLikeComposedInput() {
        String decomposed = java.text.Normalizer.normalize("Đồng Tâm", java.text.Normalizer.Form.NFD);
        assertThat(SearchText.fold(decomposed)).isEqualTo("dong tam");
    }

    @Test
    void termsAreTheDistinctFoldedWordsInOrder() {
        assertThat(SearchText.terms("Trường Mầm non Đồng Tâm", null, "Đồng Tâm, Chợ Mới"))
                .containsExactly("truong", "mam", "non", "dong", "tam", "cho", "moi");
        assertThat(SearchText.terms("  ", "–")).isEmpty();
    }
}
