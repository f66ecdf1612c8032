package io.hoithao.documents;

import static io.hoithao.documents.Samples.DONG_TAM;
import static io.hoithao.documents.Samples.EVENT;
import static io.hoithao.documents.Samples.FIRST;
import static io.hoithao.documents.Samples.HANG;
import static io.hoithao.documents.Samples.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetsTest {

    private static final String DECOMPOSED = Normalizer.normalize("  trường mầm non  Đồng Tâm", Normalizer.Form.NFD);
    private static final String LINK = "=HYPERLINK(\"http://evil.example/\",\"Bấm vào đây\")";

    @Test
    void theDelegateListOpensWithTheHeadingAndOneRowPerDelegateInOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Stream<DelegateRow> rows = Stream.of(
                new DelegateRow(HANG, DONG_TAM, "Hiệu trưởng", "Lãnh đạo", "hang@dongtam.edu.vn", "0912345678", "Đã xác nhận", "K7QM-3XPD"),
                new DelegateRow("Hoàng Văn Ánh", LINK, null, "Giáo viên", "anh@example.vn", "-12", "Danh sách chờ", "AB12-CD34"));

        Spreadsheets.delegateList(EVENT, rows::iterator, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheet("Danh sách đại biểu");
            assertThat(text(sheet, 0, 0)).isEqualTo("DANH SÁCH ĐẠI BIỂU");
            assertThat(text(sheet, 1, 0)).isEqualTo(EVENT.title());
            assertThat(text(sheet, 2, 0)).isEqualTo("Sở Giáo dục và Đào tạo Bắc Kạn, từ ngày 12/03/2026 đến ngày 13/03/2026");
            assertThat(values(sheet.getRow(3))).containsExactly("STT", "Họ và tên", "Đơn vị", "Chức vụ", "Đối tượng", "Email",
                    "Điện thoại", "Trạng thái", "Mã xác nhận");
            assertThat(values(sheet.getRow(4))).containsExactly("1", HANG, DONG_TAM, "Hiệu trưởng", "Lãnh đạo",
                    "hang@dongtam.edu.vn", "0912345678", "Đã xác nhận", "K7QM-3XPD");
            assertThat(sheet.getRow(4).getCell(0).getNumericCellValue()).isEqualTo(1);
            // the unit someone typed as a formula is text, shown with the apostrophe that keeps it text when edited
            Cell unit = sheet.getRow(5).getCell(2);
            assertThat(unit.getCellType()).isEqualTo(CellType.STRING);
            assertThat(unit.getStringCellValue()).isEqualTo("'" + LINK);
            assertThat(sheet.getRow(5).getCell(3)).isNull();
            assertThat(text(sheet, 5, 6)).isEqualTo("-12");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertNoFormulas(workbook);
        }
    }

    @Test
    void attendanceMarksTheDaysEachDelegateCameAndTotalsThemPerUnitAndDay() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<AttendanceRow> rows = List.of(
                new AttendanceRow(HANG, DONG_TAM, "Lãnh đạo", "Hiệu trưởng", Set.of(FIRST, SECOND)),
                // the same unit typed differently (spaces, case, decomposed diacritics) is the same unit
                new AttendanceRow("Lý Thị Mai", DECOMPOSED, "Giáo viên", null, Set.of(SECOND)),
                new AttendanceRow("Hoàng Văn Ánh", LINK, "Giáo viên", null, Set.of()),
                new AttendanceRow("Đặng Thu Hà", "Trường Tiểu học Ba Bể", "Giáo viên", null, Set.of(FIRST)));

        Spreadsheets.attendance(EVENT, List.of(FIRST, SECOND), rows, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("Điểm danh");
            assertThat(values(sheet.getRow(3))).containsExactly("STT", "Họ và tên", "Đơn vị", "Đối tượng", "Chức vụ",
                    "12/03/2026", "13/03/2026", "Số ngày có mặt");
            assertThat(values(sheet.getRow(4))).containsExactly("1", HANG, DONG_TAM, "Lãnh đạo", "Hiệu trưởng", "x", "x", "2");
            assertThat(values(sheet.getRow(5))).containsExactly("2", "Lý Thị Mai", DECOMPOSED, "Giáo viên", "",
                    "", "x", "1");
            assertThat(text(sheet, 6, 2)).isEqualTo("'" + LINK);
            assertThat(values(sheet.getRow(6))).endsWith("", "", "0");

            Sheet summary = workbook.getSheet("Tổng hợp");
            assertThat(values(summary.getRow(3))).containsExactly("Ngày", "Đơn vị", "Đại biểu đã xác nhận", "Có mặt");
            List<List<String>> lines = new ArrayList<>();
            for (int r = 4; r <= summary.getLastRowNum(); r++) {
                lines.add(values(summary.getRow(r)));
            }
            assertThat(lines).containsExactly(
                    // units in Vietnamese order; the apostrophe of the inert name sorts first
                    List.of("12/03/2026", "'" + LINK, "1", "0"),
                    List.of("12/03/2026", "Trường Mầm non Đồng Tâm", "2", "1"),
                    List.of("12/03/2026", "Trường Tiểu học Ba Bể", "1", "1"),
                    List.of("12/03/2026", "Tất cả đơn vị", "4", "2"),
                    List.of("13/03/2026", "'" + LINK, "1", "0"),
                    List.of("13/03/2026", "Trường Mầm non Đồng Tâm", "2", "2"),
                    List.of("13/03/2026", "Trường Tiểu học Ba Bể", "1", "0"),
                    List.of("13/03/2026", "Tất cả đơn vị", "4", "2"));
            assertNoFormulas(workbook);
        }
    }

    @Test
    void rowsReachTheStreamWhileTheDelegatesAreStillComing() throws IOException {
        AtomicLong written = new AtomicLong();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                written.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written.addAndGet(len);
            }
        };
        long[] writtenWhenHalfWasRead = new long[1];
        int total = 5_000;
        Iterable<DelegateRow> rows = () -> new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < total;
            }

            @Override
            public DelegateRow next() {
                if (next == total / 2) {
                    writtenWhenHalfWasRead[0] = written.get();
                }
                next++;
                return new DelegateRow(HANG + " " + next, DONG_TAM, null, "Giáo viên", "d" + next + "@example.vn", null,
                        "Đã xác nhận", String.format("%04d-%04d", next / 10_000, next % 10_000));
            }
        };

        Spreadsheets.delegateList(EVENT, rows, counting);

        // not one buffer written at the end: half the rows were out before the second half was read
        assertThat(writtenWhenHalfWasRead[0]).isPositive();
        assertThat(written.get()).isGreaterThan(writtenWhenHalfWasRead[0]);
        assertThat((double) writtenWhenHalfWasRead[0] / written.get()).isGreaterThan(0.3);
    }

    @Test
    void anEventWithoutDelegatesStillGivesAWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.attendance(new EventHeading("Tập huấn", null, null, null), List.of(), List.of(), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheet("Điểm danh").getLastRowNum()).isEqualTo(3);
            assertThat(text(workbook.getSheet("Điểm danh"), 1, 0)).isEqualTo("Tập huấn");
            assertThat(workbook.getSheet("Tổng hợp").getLastRowNum()).isEqualTo(3);
        }
    }

    private static void assertNoFormulas(XSSFWorkbook workbook) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    /** Every cell of the row from the first column to the last, numbers as whole numbers, empty cells as "". */
    private static List<String> values(Row row) {
        return IntStream.range(0, row.getLastCellNum()).mapToObj(c -> {
            Cell cell = row.getCell(c);
            if (cell == null) {
                return "";
            }
            return cell.getCellType() == CellType.NUMERIC ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue();
        }).toList();
    }
}
