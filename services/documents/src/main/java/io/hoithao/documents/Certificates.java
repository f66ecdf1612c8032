package io.hoithao.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Certificates of attendance (giấy chứng nhận), one A4 landscape page per delegate in the order given: the
 * organising unit and the national heading, "GIẤY CHỨNG NHẬN", the delegate's name and unit, the event and
 * its dates, the days she attended, a number and her confirmation code, and the place for the organisers'
 * signature. The stream is flushed, not closed.
 */
public final class Certificates {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 42;

    private Certificates() {
    }

    public static void write(EventHeading event, Iterable<Certificate> certificates, OutputStream out) throws IOException {
        try (Pdf pdf = Pdf.open("Giấy chứng nhận – " + (event.title() == null ? "" : event.title()))) {
            int number = 0;
            for (Certificate certificate : certificates) {
                PDPage page = new PDPage(PAGE);
                pdf.document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf.document, page)) {
                    page(pdf, content, event, certificate, ++number);
                }
            }
            if (number == 0) {
                pdf.document.addPage(new PDPage(PAGE));
            }
            pdf.save(out);
        }
    }

    private static void page(Pdf pdf, PDPageContentStream content, EventHeading event, Certificate certificate, int number)
            throws IOException {
        float width = PAGE.getWidth();
        float height = PAGE.getHeight();
        content.setStrokingColor(0.55f, 0.1f, 0.1f);
        content.setLineWidth(3);
        content.addRect(MARGIN / 2, MARGIN / 2, width - MARGIN, height - MARGIN);
        content.stroke();
        content.setLineWidth(0.8f);
        content.addRect(MARGIN / 2 + 6, MARGIN / 2 + 6, width - MARGIN - 12, height - MARGIN - 12);
        content.stroke();
        content.setNonStrokingColor(0.1f, 0.1f, 0.1f);

        // the organising unit on the left, the national heading on the right, as on official papers
        float half = (width - 2 * MARGIN) / 2;
        float leftCentre = MARGIN + half / 2;
        float rightCentre = MARGIN + half + half / 2;
        float top = height - MARGIN - 18;
        Pdf.Fitted organiser = pdf.bold.fit(upper(event.organiserUnit()), half - 20, 12, 9, 2);
        float line = top;
        for (String text : organiser.lines()) {
            pdf.bold.centred(content, organiser.size(), leftCentre, line, text);
            line -= organiser.size() * 1.3f;
        }
        pdf.bold.centred(content, 11, rightCentre, top, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        pdf.bold.centred(content, 11, rightCentre, top - 15, "Độc lập - Tự do - Hạnh phúc");
        content.setStrokingColor(0.1f, 0.1f, 0.1f);
        content.setLineWidth(0.6f);
        content.moveTo(rightCentre - 70, top - 20);
        content.lineTo(rightCentre + 70, top - 20);
        content.stroke();

        float centre = width / 2;
        float textWidth = width - 4 * MARGIN;
        content.setNonStrokingColor(0.55f, 0.1f, 0.1f);
        pdf.bold.centred(content, 34, centre, height - 170, "GIẤY CHỨNG NHẬN");
        content.setNonStrokingColor(0.1f, 0.1f, 0.1f);

        line = height - 215;
        pdf.regular.centred(content, 14, centre, line, "Chứng nhận Ông/Bà");
        Pdf.Fitted name = pdf.bold.fit(certificate.fullName(), textWidth, 24, 14, 1);
        line -= 34;
        pdf.bold.centred(content, name.size(), centre, line, name.lines().isEmpty() ? "" : name.lines().get(0));
        line -= 26;
        line = paragraph(pdf.regular, content, "Đơn vị công tác: " + nullToEmpty(certificate.unit()), 14, centre, line, textWidth, 2);
        line -= 6;
        line = paragraph(pdf.regular, content, "Đã tham dự " + nullToEmpty(event.title()), 14, centre, line, textWidth, 3);
        String held = nullToEmpty(event.organiserUnit()).isBlank() ? "" : "do " + event.organiserUnit().strip() + " tổ chức ";
        line = paragraph(pdf.regular, content, held + Dates.span(event), 14, centre, line, textWidth, 2);
        List<LocalDate> days = certificate.daysAttended().stream().sorted().toList();
        if (!days.isEmpty()) {
            line -= 4;
            paragraph(pdf.regular, content, "Có mặt các ngày: " + String.join(", ", days.stream().map(Dates::day).toList()),
                    11, centre, line, textWidth, 2);
        }

        LocalDate issued = event.lastDay() != null ? event.lastDay() : days.isEmpty() ? null : days.get(days.size() - 1);
        float bottom = MARGIN + 70;
        if (issued != null) {
            pdf.regular.centred(content, 12, rightCentre, bottom + 40, String.format(VIETNAMESE, "Ngày %02d tháng %02d năm %d",
                    issued.getDayOfMonth(), issued.getMonthValue(), issued.getYear()));
        }
        pdf.bold.centred(content, 12, rightCentre, bottom + 22, "TM. BAN TỔ CHỨC");
        pdf.regular.show(content, 10, MARGIN + 10, bottom + 22, "Số: " + number + "/GCN");
        String code = pdf.regular.clean(certificate.confirmationCode());
        if (!code.isEmpty()) {
            pdf.regular.show(content, 10, MARGIN + 10, bottom + 8, "Mã đại biểu: " + code);
        }
    }

    private static float paragraph(Pdf.Face face, PDPageContentStream content, String text, float size, float centre, float line,
                                   float width, int maxLines) throws IOException {
        Pdf.Fitted fitted = face.fit(text, width, size, size - 3, maxLines);
        for (String part : fitted.lines()) {
            face.centred(content, fitted.size(), centre, line, part);
            line -= fitted.size() * 1.45f;
        }
        return line;
    }

    private static String upper(String unit) {
        return nullToEmpty(unit).strip().toUpperCase(VIETNAMESE);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
