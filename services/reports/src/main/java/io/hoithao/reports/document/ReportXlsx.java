package io.hoithao.reports.document;

import io.hoithao.documents.Cells;
import io.hoithao.reports.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The report as a spreadsheet, one sheet per table, streamed (SXSSF keeps a window of rows in memory and
 * writes the rest out). Row 1 is the table's heading, row 2 the columns, the data below. Numbers are numeric
 * cells; every text cell goes through {@link Cells#inertSigned}: unit names and titles are whatever
 * someone typed.
 */
public final class ReportXlsx {

    private static final int WINDOW = 100;

    private ReportXlsx() {
    }

    public static byte[] write(Report report) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            for (Tables.Table table : Tables.of(report)) {
                Sheet sheet = workbook.createSheet(table.sheet());
                Row heading = sheet.createRow(0);
                heading.createCell(0).setCellValue(Cells.inertSigned(table.heading()));
                heading.getCell(0).setCellStyle(bold);
                write(sheet.createRow(1), table.columns().stream().map(Object.class::cast).toList(), bold);
                for (int i = 0; i < table.rows().size(); i++) {
                    write(sheet.createRow(i + 2), table.rows().get(i), null);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the bytes are written; the temporary files are gone with dispose()
            }
        }
    }

    private static void write(Row row, List<Object> cells, CellStyle style) {
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            var cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(Cells.inertSigned(String.valueOf(value)));
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
