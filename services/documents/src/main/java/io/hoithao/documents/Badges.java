package io.hoithao.documents;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Badges as A4 sheets of 8 name cards (2 × 4, each about 95 × 69 mm, with dashed cutting lines): the event's
 * title, the delegate's name (large, shrunk to fit two lines), her unit, her category and the QR code of her
 * confirmation code with the code written under it. Cards are drawn as the badges come; the stream is flushed,
 * not closed.
 */
public final class Badges {

    public static final String MEDIA_TYPE = "application/pdf";
    public static final int PER_PAGE = 8;

    private static final float MARGIN = 28.35f; // 10 mm
    private static final int COLUMNS = 2;
    private static final int ROWS = 4;
    private static final float PADDING = 12;
    private static final float QR = 76;

    private Badges() {
    }

    public static void write(EventHeading event, Iterable<Badge> badges, OutputStream out) throws IOException {
        try (Pdf pdf = Pdf.open("Thẻ đại biểu – " + (event.title() == null ? "" : event.title()))) {
            PDRectangle a4 = PDRectangle.A4;
            float cardWidth = (a4.getWidth() - 2 * MARGIN) / COLUMNS;
            float cardHeight = (a4.getHeight() - 2 * MARGIN) / ROWS;
            String title = pdf.regular.clean(event.title());
            Pdf.Fitted titleLines = pdf.regular.fit(title, cardWidth - 2 * PADDING, 9, 7, 2);
            PDPageContentStream content = null;
            int index = 0;
            try {
                for (Badge badge : badges) {
                    int slot = index++ % PER_PAGE;
                    if (slot == 0) {
                        if (content != null) {
                            content.close();
                        }
                        PDPage page = new PDPage(a4);
                        pdf.document.addPage(page);
                        content = new PDPageContentStream(pdf.document, page);
                    }
                    float x = MARGIN + (slot % COLUMNS) * cardWidth;
                    float y = a4.getHeight() - MARGIN - (slot / COLUMNS + 1) * cardHeight;
                    card(pdf, content, titleLines, badge, x, y, cardWidth, cardHeight);
                }
                if (content == null) {
                    // no delegate yet: one empty sheet rather than a file no reader opens
                    pdf.document.addPage(new PDPage(a4));
                }
            } finally {
                if (content != null) {
                    content.close();
                }
            }
            pdf.save(out);
        }
    }

    private static void card(Pdf pdf, PDPageContentStream content, Pdf.Fitted title, Badge badge, float x, float y,
                             float width, float height) throws IOException {
        content.setStrokingColor(0.6f, 0.6f, 0.6f);
        content.setLineWidth(0.5f);
        content.setLineDashPattern(new float[] {3, 3}, 0);
        content.addRect(x, y, width, height);
        content.stroke();
        content.setLineDashPattern(new float[0], 0);
        content.setNonStrokingColor(0.1f, 0.1f, 0.1f);

        float inner = width - 2 * PADDING;
        float centre = x + width / 2;
        float top = y + height - PADDING;
        float line = top - title.size();
        for (String text : title.lines()) {
            pdf.regular.centred(content, title.size(), centre, line, text);
            line -= title.size() * 1.25f;
        }
        content.setStrokingColor(0.2f, 0.35f, 0.6f);
        content.setLineWidth(1);
        content.moveTo(x + PADDING, line + title.size() * 0.6f);
        content.lineTo(x + width - PADDING, line + title.size() * 0.6f);
        content.stroke();

        Pdf.Fitted name = pdf.bold.fit(badge.fullName(), inner, 18, 10, 2);
        line -= name.size() * 0.9f;
        for (String text : name.lines()) {
            pdf.bold.centred(content, name.size(), centre, line, text);
            line -= name.size() * 1.2f;
        }
        Pdf.Fitted unit = pdf.regular.fit(badge.unit(), inner, 11, 8, 2);
        line -= unit.size() * 0.2f;
        for (String text : unit.lines()) {
            pdf.regular.centred(content, unit.size(), centre, line, text);
            line -= unit.size() * 1.25f;
        }

        float qrX = x + width - PADDING - QR + 6; // the code's quiet zone may reach into the padding
        float qrY = y + 14;
        String code = badge.confirmationCode() == null ? "" : badge.confirmationCode().strip();
        if (!code.isEmpty()) {
            QrDrawing.draw(content, code, qrX, qrY, QR);
            pdf.regular.centred(content, 8, qrX + QR / 2, y + 7, pdf.regular.clean(code));
        }
        Pdf.Fitted category = pdf.bold.fit(badge.category(), qrX - x - 2 * PADDING, 12, 8, 2);
        float categoryLine = y + PADDING + (category.lines().size() - 1) * category.size() * 1.2f + 8;
        for (String text : category.lines()) {
            pdf.bold.show(content, category.size(), x + PADDING, categoryLine, text);
            categoryLine -= category.size() * 1.2f;
        }
    }
}
