package io.hoithao.presentations.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDispositionsTest {

    @Test
    void vietnameseNamesSurviveAsRfc5987WithAnAsciiFallback() {
        String header = ContentDispositions.attachment("Báo cáo \"Đồng Tâm\" 2024.pdf");
        assertThat(header).startsWith("attachment; filename=\"Bao cao _Dong Tam_ 2024.pdf\"; filename*=UTF-8''");
        String encoded = header.substring(header.indexOf("UTF-8''") + 7);
        assertThat(encoded).doesNotContain(" ", "\"", "'");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("Báo cáo \"Đồng Tâm\" 2024.pdf");
    }

    @Test
    void fileNamesLoseTheirPathAndMustNotBeEmpty() {
        assertThat(MaterialService.filename("C:\\Users\\hoa\\Tham luận.pdf")).isEqualTo("Tham luận.pdf");
        assertThat(MaterialService.withExtension("slides", MaterialType.PPTX)).isEqualTo("slides.pptx");
        assertThat(MaterialService.withExtension("Bài.PDF", MaterialType.PDF)).isEqualTo("Bài.PDF");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MaterialService.filename("dir/"))
                .hasMessageContaining("invalid field");
    }
}
