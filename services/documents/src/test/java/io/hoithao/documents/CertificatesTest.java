package io.hoithao.documents;

import static io.hoithao.documents.Samples.DONG_TAM;
import static io.hoithao.documents.Samples.EVENT;
import static io.hoithao.documents.Samples.FIRST;
import static io.hoithao.documents.Samples.HANG;
import static io.hoithao.documents.Samples.SECOND;
import static io.hoithao.documents.Samples.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class CertificatesTest {

    @Test
    void onePagePerDelegateWithHerNameUnitTheOrganiserAndTheDates() throws IOException {
        EventHeading event = new EventHeading("Hội thảo chuyên đề Giáo dục mầm non", DONG_TAM, FIRST, SECOND);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Certificates.write(event, List.of(
                new Certificate(HANG, "Trường Mầm non Bằng Vân", "K7QM-3XPD", List.of(SECOND, FIRST)),
                new Certificate("Hoàng Văn Ánh", "Phòng Giáo dục và Đào tạo huyện Ngân Sơn", "AB12-CD34", List.of(SECOND))), out);

        try (PDDocument pdf = PdfReading.load(out.toByteArray())) {
            assertThat(PdfReading.embeddedFonts(pdf)).allMatch(name -> name.matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"))
                    .hasSize(2);
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            String first = words(PdfReading.text(pdf, 1));
            assertThat(first).contains("GIẤY CHỨNG NHẬN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "TRƯỜNG MẦM NON ĐỒNG TÂM", HANG, "Đơn vị công tác: Trường Mầm non Bằng Vân",
                    "Đã tham dự Hội thảo chuyên đề Giáo dục mầm non",
                    "do " + DONG_TAM + " tổ chức từ ngày 12/03/2026 đến ngày 13/03/2026",
                    "Có mặt các ngày: 12/03/2026, 13/03/2026", "Ngày 13 tháng 03 năm 2026", "Số: 1/GCN", "K7QM-3XPD");
            String second = words(PdfReading.text(pdf, 2));
            assertThat(second).contains("Hoàng Văn Ánh", "Phòng Giáo dục và Đào tạo huyện Ngân Sơn", "Có mặt các ngày: 13/03/2026",
                    "Số: 2/GCN").doesNotContain(HANG);
        }
    }

    @Test
    void aOneDayEventSaysItsDay() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Certificates.write(new EventHeading("Chuyên đề Toán", EVENT.organiserUnit(), FIRST, FIRST),
                List.of(new Certificate(HANG, DONG_TAM, "K7QM-3XPD", List.of(FIRST))), out);
        try (PDDocument pdf = PdfReading.load(out.toByteArray())) {
            assertThat(words(PdfReading.text(pdf))).contains("tổ chức ngày 12/03/2026", "Ngày 12 tháng 03 năm 2026", DONG_TAM);
        }
    }
}
