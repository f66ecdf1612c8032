package io.hoithao.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Collator;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The delegate list and the attendance of an event as XLSX workbooks, written row by row into the output
 * stream as the rows come (a few hundred rows are buffered at a time, never the whole list). Every text
 * cell is an inline string, and one a spreadsheet program would read as a formula is made inert
 * (a leading apostrophe). The stream is flushed, not closed.
 */
public final class Spreadsheets {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows a worksheet holds before it writes them out. */
    private static final int FLUSH_EVERY = 200;
    private static final int HEADER_ROW = 3;

    private Spreadsheets() {
    }

    /**
     * One sheet, "Danh sách đại biểu": the event's heading, then one row per delegate in the order given
     * (STT, name, unit, position, category, email, phone, status, confirmation code).
     */
    public static void delegateList(EventHeading event, Iterable<DelegateRow> delegates, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(new Unclosed(out), "hoithao", "1.0");
        Worksheet sheet = workbook.newWorksheet("Danh sách đại biểu");
        heading(sheet, event, "DANH SÁCH ĐẠI BIỂU");
        header(sheet, List.of("STT", "Họ và tên", "Đơn vị", "Chức vụ", "Đối tượng", "Email", "Điện thoại", "Trạng thái",
                "Mã xác nhận"), new double[] {6, 28, 36, 20, 16, 28, 14, 16, 13});
        int row = HEADER_ROW + 1;
        int number = 1;
        for (DelegateRow delegate : delegates) {
            sheet.value(row, 0, number++);
            text(sheet, row, 1, delegate.fullName());
            text(sheet, row, 2, delegate.unit());
            text(sheet, row, 3, delegate.position());
            text(sheet, row, 4, delegate.category());
            text(sheet, row, 5, delegate.email());
            text(sheet, row, 6, delegate.phone());
            text(sheet, row, 7, delegate.status());
            text(sheet, row, 8, delegate.confirmationCode());
            if (++row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }
        sheet.finish();
        workbook.finish();
    }

    /**
     * Two sheets. "Điểm danh": one row per confirmed delegate in the order given, a column per day of
     * {@code days} marked "x" when she was checked in that day, and her count of days. "Tổng hợp": per day
     * and unit, the confirmed delegates and those who came, then the day's total. Units are grouped by their
     * name with case, spacing and Unicode composition aside, and sorted in Vietnamese order.
     */
    public static void attendance(EventHeading event, List<LocalDate> days, Iterable<AttendanceRow> delegates,
                                  OutputStream out) throws IOException {
        List<LocalDate> columns = List.copyOf(days);
        Workbook workbook = new Workbook(new Unclosed(out), "hoithao", "1.0");
        Worksheet sheet = workbook.newWorksheet("Điểm danh");
        heading(sheet, event, "ĐIỂM DANH ĐẠI BIỂU");
        List<String> titles = new ArrayList<>(List.of("STT", "Họ và tên", "Đơn vị", "Đối tượng", "Chức vụ"));
        columns.forEach(day -> titles.add(Dates.day(day)));
        titles.add("Số ngày có mặt");
        double[] widths = new double[titles.size()];
        java.util.Arrays.fill(widths, 12);
        widths[0] = 6;
        widths[1] = 28;
        widths[2] = 36;
        widths[3] = 16;
        widths[4] = 20;
        header(sheet, titles, widths);
        // per unit: the confirmed count, then the count of those who came on each day (bounded by units × days)
        Map<String, UnitCount> units = new LinkedHashMap<>();
        int row = HEADER_ROW + 1;
        int number = 1;
        for (AttendanceRow delegate : delegates) {
            sheet.value(row, 0, number++);
            text(sheet, row, 1, delegate.fullName());
            text(sheet, row, 2, delegate.unit());
            text(sheet, row, 3, delegate.category());
            text(sheet, row, 4, delegate.position());
            UnitCount unit = units.computeIfAbsent(unitKey(delegate.unit()),
                    key -> new UnitCount(delegate.unit() == null ? "" : delegate.unit().strip(), new int[columns.size()]));
            unit.confirmed++;
            for (int d = 0; d < columns.size(); d++) {
                if (delegate.checkIns().contains(columns.get(d))) {
                    sheet.inlineString(row, 5 + d, "x");
                    sheet.style(row, 5 + d).horizontalAlignment("center").set();
                    unit.attended[d]++;
                }
            }
            sheet.value(row, 5 + columns.size(), delegate.checkIns().size());
            if (++row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }
        sheet.finish();

        Worksheet summary = workbook.newWorksheet("Tổng hợp");
        heading(summary, event, "TỔNG HỢP ĐIỂM DANH");
        header(summary, List.of("Ngày", "Đơn vị", "Đại biểu đã xác nhận", "Có mặt"), new double[] {14, 40, 20, 12});
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        List<UnitCount> sorted = new ArrayList<>(units.values());
        sorted.sort((a, b) -> vietnamese.compare(a.name, b.name));
        row = HEADER_ROW + 1;
        for (int d = 0; d < columns.size(); d++) {
            int confirmed = 0;
            int attended = 0;
            for (UnitCount unit : sorted) {
                summary.inlineString(row, 0, Dates.day(columns.get(d)));
                text(summary, row, 1, unit.name);
                summary.value(row, 2, unit.confirmed);
                summary.value(row, 3, unit.attended[d]);
                confirmed += unit.confirmed;
                attended += unit.attended[d];
                row++;
            }
            summary.inlineString(row, 0, Dates.day(columns.get(d)));
            summary.inlineString(row, 1, "Tất cả đơn vị");
            summary.value(row, 2, confirmed);
            summary.value(row, 3, attended);
            summary.range(row, 0, row, 3).style().bold().set();
            row++;
        }
        summary.finish();
        workbook.finish();
    }

    private static final class UnitCount {
        final String name;
        final int[] attended;
        int confirmed;

        UnitCount(String name, int[] attended) {
            this.name = name;
            this.attended = attended;
        }
    }

    /** "Trường  MN Đồng Tâm " and "trường mn đồng tâm" are one unit; so are its composed and decomposed spellings. */
    static String unitKey(String unit) {
        if (unit == null) {
            return "";
        }
        return Normalizer.normalize(unit, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.forLanguageTag("vi"));
    }

    private static void heading(Worksheet sheet, EventHeading event, String title) {
        sheet.inlineString(0, 0, title);
        sheet.style(0, 0).bold().fontSize(14).set();
        text(sheet, 1, 0, event.title());
        sheet.style(1, 0).bold().set();
        String organiser = event.organiserUnit() == null || event.organiserUnit().isBlank() ? "" : event.organiserUnit().strip();
        String span = Dates.span(event);
        text(sheet, 2, 0, organiser.isEmpty() ? span : span.isEmpty() ? organiser : organiser + ", " + span);
    }

    private static void header(Worksheet sheet, List<String> titles, double[] widths) {
        for (int c = 0; c < titles.size(); c++) {
            sheet.inlineString(HEADER_ROW, c, titles.get(c));
            sheet.width(c, widths[c]);
        }
        sheet.range(HEADER_ROW, 0, HEADER_ROW, titles.size() - 1).style().bold().fillColor("DDEBF7").wrapText(true).set();
    }

    private static void text(Worksheet sheet, int row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            sheet.inlineString(row, column, Cells.inert(value));
        }
    }
}
