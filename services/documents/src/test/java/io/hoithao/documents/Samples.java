package io.hoithao.documents;

import java.time.LocalDate;

/** Names as Vietnamese delegates write them, and an event that spans two days. */
final class Samples {

    static final LocalDate FIRST = LocalDate.of(2026, 3, 12);
    static final LocalDate SECOND = LocalDate.of(2026, 3, 13);
    static final String HANG = "Nguyễn Thị Hằng";
    static final String DONG_TAM = "Trường Mầm non Đồng Tâm";
    static final String ORGANISER = "Sở Giáo dục và Đào tạo Bắc Kạn";
    static final EventHeading EVENT = new EventHeading("Hội thảo chuyên đề Giáo dục mầm non lấy trẻ làm trung tâm",
            ORGANISER, FIRST, SECOND);

    private Samples() {
    }

    /** Whitespace (a line break where the text wrapped) as single spaces, as one reads the page. */
    static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
