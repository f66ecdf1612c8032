package io.hoithao.reports.document;

import io.hoithao.reports.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The report as a Word document (XWPF): a title, then per table a heading (style {@code Heading1}) and a table
 * whose first row names the columns. Text goes in as Unicode runs, so Vietnamese diacritics stay as typed; the
 * font is left to the reader's Word, which has Vietnamese glyphs in its default fonts.
 */
public final class ReportDocx {

    private ReportDocx() {
    }

    public static byte[] write(Report report) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = document.createParagraph();
            title.setStyle("Title");
            title.setAlignment(ParagraphAlignment.CENTER);
            bold(title.createRun(), Tables.title(report), 14);
            XWPFParagraph unit = document.createParagraph();
            unit.setAlignment(ParagraphAlignment.CENTER);
            unit.createRun().setText(Tables.subtitle(report));
            for (Tables.Table table : Tables.of(report)) {
                XWPFParagraph heading = document.createParagraph();
                heading.setStyle("Heading1");
                bold(heading.createRun(), table.heading(), 12);
                XWPFTable grid = document.createTable(1 + table.rows().size(), table.columns().size());
                fill(grid.getRow(0), table.columns(), true);
                for (int i = 0; i < table.rows().size(); i++) {
                    fill(grid.getRow(i + 1), table.rows().get(i).stream().map(String::valueOf).toList(), false);
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean header) {
        for (int i = 0; i < cells.size(); i++) {
            XWPFParagraph paragraph = row.getCell(i).getParagraphs().get(0);
            XWPFRun run = paragraph.createRun();
            run.setText(cells.get(i));
            run.setBold(header);
        }
    }

    private static void bold(XWPFRun run, String text, int size) {
        run.setText(text);
        run.setBold(true);
        run.setFontSize(size);
    }
}
