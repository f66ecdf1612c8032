package io.hoithao.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * An event's programme as an A4 PDF: the organising unit, the title and the dates, then day by day ("Ngày 1 –
 * Thứ Năm, 12/03/2026") each session with its hours, kind, title, venue and classroom, chair and speakers, the
 * papers presented in it and the demonstration lessons it holds. Text flows onto new pages as needed, each
 * numbered. The stream is flushed, not closed.
 */
public final class ProgrammeDocument {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float TIME_COLUMN = 86;

    private ProgrammeDocument() {
    }

    public static void write(EventHeading event, Iterable<Programme.Day> days, OutputStream out) throws IOException {
        try (Pdf pdf = Pdf.open("Chương trình – " + (event.title() == null ? "" : event.title()))) {
            Flow flow = new Flow(pdf);
            try {
                body(pdf, flow, event, days);
            } finally {
                flow.finish();
            }
            pdf.save(out);
        }
    }

    private static void body(Pdf pdf, Flow flow, EventHeading event, Iterable<Programme.Day> days) throws IOException {
        flow.centred(pdf.bold, 11, upper(event.organiserUnit()));
        flow.space(10);
        flow.centred(pdf.bold, 15, "CHƯƠNG TRÌNH");
        flow.centred(pdf.bold, 13, event.title());
        flow.centred(pdf.regular, 11, Dates.span(event));
        flow.space(8);
        int number = 0;
        for (Programme.Day day : days) {
            number++;
            flow.keep(60);
            flow.space(10);
            flow.band(pdf.bold, 12, "Ngày " + number + " – " + Dates.weekday(day.date()) + ", " + Dates.day(day.date()));
            if (day.sessions().isEmpty()) {
                flow.text(pdf.regular, 10, TIME_COLUMN, "(chưa có hoạt động)");
            }
            for (Programme.Session session : day.sessions()) {
                session(pdf, flow, session);
            }
        }
    }

    private static void session(Pdf pdf, Flow flow, Programme.Session session) throws IOException {
        flow.keep(40);
        flow.space(6);
        String hours = Dates.time(session.start()) + (session.end() == null ? "" : " – " + Dates.time(session.end()));
        flow.atLeft(pdf.bold, 10, hours);
        String kind = session.kind() == null || session.kind().isBlank() ? "" : session.kind().strip() + ": ";
        flow.text(pdf.bold, 10.5f, TIME_COLUMN, kind + nullToEmpty(session.title()));
        List<String> place = new ArrayList<>();
        if (session.venue() != null && !session.venue().isBlank()) {
            place.add(session.venue().strip());
        }
        if (session.classroom() != null && !session.classroom().isBlank()) {
            place.add("phòng " + session.classroom().strip());
        }
        if (!place.isEmpty()) {
            flow.text(pdf.regular, 9.5f, TIME_COLUMN, "Địa điểm: " + String.join(", ", place));
        }
        if (session.chair() != null && !session.chair().isBlank()) {
            flow.text(pdf.regular, 9.5f, TIME_COLUMN, "Chủ trì: " + session.chair().strip());
        }
        if (!session.speakers().isEmpty()) {
            flow.text(pdf.regular, 9.5f, TIME_COLUMN, "Báo cáo: " + String.join(", ", session.speakers()));
        }
        if (session.description() != null && !session.description().isBlank()) {
            flow.text(pdf.regular, 9.5f, TIME_COLUMN, session.description());
        }
        for (Programme.Paper paper : session.papers()) {
            StringBuilder text = new StringBuilder("• Tham luận: ").append(nullToEmpty(paper.title()));
            if (paper.unit() != null && !paper.unit().isBlank()) {
                text.append(" – ").append(paper.unit().strip());
            }
            if (!paper.presenters().isEmpty()) {
                text.append(" (trình bày: ").append(String.join(", ", paper.presenters())).append(')');
            }
            if (paper.minutes() != null) {
                text.append(", ").append(paper.minutes()).append(" phút");
            }
            flow.text(pdf.regular, 9.5f, TIME_COLUMN + 8, text.toString());
        }
        for (Programme.Lesson lesson : session.lessons()) {
            StringBuilder text = new StringBuilder("• Tiết dự giờ: ").append(nullToEmpty(lesson.title()));
            if (lesson.classroom() != null && !lesson.classroom().isBlank()) {
                text.append(", phòng ").append(lesson.classroom().strip());
            }
            if (lesson.start() != null) {
                text.append(", ").append(Dates.time(lesson.start()));
                if (lesson.end() != null) {
                    text.append(" – ").append(Dates.time(lesson.end()));
                }
            }
            flow.text(pdf.regular, 9.5f, TIME_COLUMN + 8, text.toString());
        }
    }

    private static String upper(String text) {
        return nullToEmpty(text).strip().toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Lines going down the page, a new numbered page when the next would not fit. */
    private static final class Flow {

        private final Pdf pdf;
        private PDPageContentStream content;
        private int pages;
        private float y;

        Flow(Pdf pdf) {
            this.pdf = pdf;
        }

        void keep(float needed) throws IOException {
            if (content == null || y - needed < MARGIN + 20) {
                newPage();
            }
        }

        void space(float points) throws IOException {
            keep(0);
            y -= points;
        }

        void centred(Pdf.Face face, float size, String text) throws IOException {
            for (String line : face.wrap(text, size, PAGE.getWidth() - 2 * MARGIN)) {
                keep(size * 1.4f);
                y -= size * 1.4f;
                face.centred(content, size, PAGE.getWidth() / 2, y, line);
            }
        }

        /** A day's heading on a light band across the page. */
        void band(Pdf.Face face, float size, String text) throws IOException {
            keep(size * 2);
            y -= size * 1.8f;
            content.setNonStrokingColor(0.87f, 0.92f, 0.97f);
            content.addRect(MARGIN - 4, y - size * 0.5f, PAGE.getWidth() - 2 * MARGIN + 8, size * 1.7f);
            content.fill();
            content.setNonStrokingColor(0.1f, 0.1f, 0.1f);
            face.show(content, size, MARGIN, y, face.clean(text));
            y -= size * 0.6f;
        }

        /** A text at the left margin on the line the next {@link #text} starts (the session's hours). */
        void atLeft(Pdf.Face face, float size, String text) throws IOException {
            keep(size * 1.4f);
            face.show(content, size, MARGIN, y - size * 1.4f, face.clean(text));
        }

        void text(Pdf.Face face, float size, float indent, String text) throws IOException {
            for (String line : face.wrap(text, size, PAGE.getWidth() - 2 * MARGIN - indent)) {
                keep(size * 1.4f);
                y -= size * 1.4f;
                face.show(content, size, MARGIN + indent, y, line);
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            pdf.document.addPage(page);
            content = new PDPageContentStream(pdf.document, page);
            pages++;
            content.setNonStrokingColor(0.45f, 0.45f, 0.45f);
            pdf.regular.centred(content, 8, PAGE.getWidth() / 2, MARGIN / 2, "Trang " + pages);
            content.setNonStrokingColor(0.1f, 0.1f, 0.1f);
            y = PAGE.getHeight() - MARGIN;
        }

        /** Closes the last page (a programme without days still has its heading page). */
        void finish() throws IOException {
            keep(0);
            content.close();
        }
    }
}
