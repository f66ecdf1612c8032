package io.hoithao.documents;

import static io.hoithao.documents.Samples.DONG_TAM;
import static io.hoithao.documents.Samples.EVENT;
import static io.hoithao.documents.Samples.HANG;
import static io.hoithao.documents.Samples.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class BadgesTest {

    private static final String[] CODES = {"K7QM-3XPD", "AB12-CD34", "ZX98-WV76", "MN45-PQ67", "0123-4567", "HJKM-NPQR",
            "STVW-XYZ0", "1234-5678", "9ABC-DEFG", "QRST-VWXY"};

    @Test
    void eightCardsASheetWithTheVietnameseNamesIntactAndTheirCodesReadableByAScanner() throws IOException {
        List<Badge> badges = new ArrayList<>();
        badges.add(new Badge(HANG, DONG_TAM, "Lãnh đạo", CODES[0]));
        // typed with combining marks (as some keyboards send them): drawn, and read back, as the composed letters
        badges.add(new Badge(Normalizer.normalize("Đặng Thị Thu Hường", Normalizer.Form.NFD), "Phòng GD&ĐT huyện Ba Bể",
                "Giáo viên", CODES[1]));
        IntStream.range(2, CODES.length).forEach(i -> badges.add(new Badge("Đại biểu số " + i, "Trường Tiểu học Nà Phặc",
                "Khách mời", CODES[i])));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Badges.write(EVENT, badges.stream()::iterator, out);

        try (PDDocument pdf = PdfReading.load(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            String first = words(PdfReading.text(pdf, 1));
            assertThat(first).contains(HANG, DONG_TAM, "Lãnh đạo", "K7QM-3XPD", "Đặng Thị Thu Hường", "Phòng GD&ĐT huyện Ba Bể",
                    "Hội thảo chuyên đề Giáo dục mầm non");
            assertThat(first).contains("Đại biểu số 7").doesNotContain("Đại biểu số 8");
            assertThat(words(PdfReading.text(pdf, 2))).contains("Đại biểu số 8", "Đại biểu số 9", "QRST-VWXY");

            assertThat(PdfReading.qrCodes(pdf, 0)).containsExactlyInAnyOrder(List.of(CODES).subList(0, 8).toArray(String[]::new));
            assertThat(PdfReading.qrCodes(pdf, 1)).containsExactlyInAnyOrder(CODES[8], CODES[9]);

            // the project's font, embedded as the subset of glyphs the document uses
            assertThat(PdfReading.embeddedFonts(pdf)).allMatch(name -> name.matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"))
                    .hasSize(2);
        }
        assertThat(out.size()).as("a subset of the font, not its 1.4 MB").isLessThan(200_000);
    }

    @Test
    void longNamesShrinkAndWrapAndUnknownCharactersDoNotStopTheSheet() throws IOException {
        String longUnit = "Trường Phổ thông Dân tộc Nội trú Trung học cơ sở và Trung học phổ thông huyện Pác Nặm tỉnh Bắc Kạn";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Badges.write(EVENT, List.of(new Badge("Nguyễn Hoàng Thị Phương Thảo 漢字 \uD83D\uDE00\tTab", longUnit, "Cán bộ quản lý", "K7QM-3XPD")), out);

        try (PDDocument pdf = PdfReading.load(out.toByteArray())) {
            String text = words(PdfReading.text(pdf, 1));
            assertThat(text).contains("Nguyễn Hoàng Thị Phương Thảo", "Trường Phổ thông Dân tộc Nội trú", "Cán bộ quản lý");
            assertThat(PdfReading.qrCodes(pdf, 0)).containsExactly("K7QM-3XPD");
        }
    }

    @Test
    void noBadgesIsOneEmptySheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Badges.write(EVENT, List.of(), out);
        try (PDDocument pdf = PdfReading.load(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(PdfReading.text(pdf).strip()).isEmpty();
        }
    }
}
