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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class ProgrammeDocumentTest {

    @Test
    void dayByDayWithSessionsVenuesPapersAndLessons() throws IOException {
        Programme.Session opening = new Programme.Session(LocalTime.of(8, 0), LocalTime.of(8, 30), "Khai mạc",
                "Khai mạc hội thảo", null, "Hội trường Sở GD&ĐT", null, "Hà Thị Lan", List.of(), List.of(), List.of());
        Programme.Session papers = new Programme.Session(LocalTime.of(8, 30), LocalTime.of(10, 0), "Tham luận",
                "Kinh nghiệm xây dựng trường mầm non lấy trẻ làm trung tâm", null, "Hội trường Sở GD&ĐT", null, null,
                List.of(HANG), List.of(new Programme.Paper("Đổi mới tổ chức hoạt động góc", DONG_TAM, List.of(HANG), 15)),
                List.of());
        Programme.Session lessons = new Programme.Session(LocalTime.of(7, 30), LocalTime.of(11, 0), "Dự giờ",
                "Dự giờ hoạt động học", null, DONG_TAM, null, null, List.of(), List.of(),
                List.of(new Programme.Lesson("Khám phá: Bé với mùa xuân", "Lớp Mẫu giáo 5 tuổi A1", LocalTime.of(8, 0),
                        LocalTime.of(8, 35))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ProgrammeDocument.write(EVENT, List.of(new Programme.Day(FIRST, List.of(opening, papers)),
                new Programme.Day(SECOND, List.of(lessons))), out);

        try (PDDocument pdf = PdfReading.load(out.toByteArray())) {
            assertThat(PdfReading.embeddedFonts(pdf)).allMatch(name -> name.matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"))
                    .hasSize(2);
            String text = words(PdfReading.text(pdf));
            assertThat(text).contains("SỞ GIÁO DỤC VÀ ĐÀO TẠO BẮC KẠN", "CHƯƠNG TRÌNH", EVENT.title(),
                    "từ ngày 12/03/2026 đến ngày 13/03/2026",
                    "Ngày 1 – Thứ Năm, 12/03/2026", "08:00 – 08:30", "Khai mạc: Khai mạc hội thảo", "Địa điểm: Hội trường Sở GD&ĐT",
                    "Chủ trì: Hà Thị Lan", "Báo cáo: " + HANG,
                    "Tham luận: Đổi mới tổ chức hoạt động góc – " + DONG_TAM + " (trình bày: " + HANG + "), 15 phút",
                    "Ngày 2 – Thứ Sáu, 13/03/2026", "Dự giờ: Dự giờ hoạt động học", "Địa điểm: " + DONG_TAM,
                    "Tiết dự giờ: Khám phá: Bé với mùa xuân, phòng Lớp Mẫu giáo 5 tuổi A1, 08:00 – 08:35", "Trang 1");
            assertThat(text.indexOf("Ngày 1 –")).isLessThan(text.indexOf("Khai mạc: Khai mạc")).isLessThan(text.indexOf("Ngày 2 –"));
        }
    }

    @Test
    void aLongProgrammeFlowsOntoNumberedPages() throws IOException {
        List<Programme.Session> sessions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sessions.add(new Programme.Session(LocalTime.of(7, 0).plusMinutes(10L * i), LocalTime.of(7, 10).plusMinutes(10L * i),
                    "Thảo luận", "Thảo luận nhóm số " + i, "Các nhóm trao đổi kinh nghiệm tổ chức hoạt động cho trẻ", "Phòng họp "
                    + i, null, null, List.of(), List.of(), List.of()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ProgrammeDocument.write(EVENT, List.of(new Programme.Day(FIRST, sessions), new Programme.Day(SECOND, List.of())), out);

        try (PDDocument pdf = PdfReading.load(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            String last = words(PdfReading.text(pdf, pdf.getNumberOfPages()));
            assertThat(last).contains("Trang " + pdf.getNumberOfPages(), "Ngày 2 – Thứ Sáu, 13/03/2026", "(chưa có hoạt động)");
            String all = words(PdfReading.text(pdf));
            for (int i = 0; i < 60; i++) {
                assertThat(all).contains("Thảo luận nhóm số " + i + " ");
            }
        }
    }
}
