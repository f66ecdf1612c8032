package io.hoithao.reports.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.documents.Cells;
import io.hoithao.reports.report.Report;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** The documents of a report whose names someone typed to attack the reader's spreadsheet program. */
class ReportDocumentsTest {

    static final String HOSTILE = "=HYPERLINK(\"http://evil.example\",\"Bấm vào đây\")";

    static Report report() {
        Report.UnitView unit = new Report.UnitView("u1", "Phòng GD&ĐT Chợ Mới", "DISTRICT");
        return new Report(new Report.Named("p1", "Xây dựng trường mầm non lấy trẻ làm trung tâm"),
                new Report.PhaseView("2021–2025", 2021, 2025), "2016–2020", unit,
                List.of(new Report.EventRow("e1", "@SUM(1+1)", "DISTRICT", "WORKSHOP", "Phòng GD&ĐT Chợ Mới",
                        LocalDate.of(2022, 4, 10), LocalDate.of(2022, 4, 11), "COMPLETED", List.of(HOSTILE, "Trường Mầm non Đồng Tâm"))),
                List.of(new Report.EventCount("DISTRICT", "WORKSHOP", 1)),
                new Report.Participation("SCHOOL", 1, 2, "1 / 2", List.of(new Report.UnitView("u2", "+cmd|' /C calc'!A0", "SCHOOL"))),
                List.of(new Report.ModelSites("PROVINCE", 0, 1, "-1", List.of()), new Report.ModelSites("DISTRICT", 3, 1, "+2", List.of())),
                new Report.Attendance(3, 2, List.of(new Report.DayCount(LocalDate.of(2022, 4, 10), 2)),
                        List.of(new Report.AttendanceRow(HOSTILE, "TEACHER", 3, 2, List.of(new Report.DayCount(LocalDate.of(2022, 4, 10), 2))))),
                List.of(new Report.PaperRow("-Trường Mầm non Đồng Tâm", 1, 1, 0), new Report.PaperRow("Tổng cộng", 1, 1, 0)),
                new Report.Lessons(1, 1), List.of(new Report.CriterionAverage("child-initiative", 2, 4.5)));
    }

    @Test
    void theSpreadsheetHoldsEveryTypedNameAsInertTextAndNumbersAsNumbers() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ReportXlsx.write(report())))) {
            Sheet events = workbook.getSheet("Sự kiện");
            assertThat(events.getRow(2).getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(events.getRow(2).getCell(2).getStringCellValue()).isEqualTo("'@SUM(1+1)");
            assertThat(events.getRow(2).getCell(7).getStringCellValue()).isEqualTo("'" + HOSTILE + "; Trường Mầm non Đồng Tâm");
            assertThat(workbook.getSheet("Chưa tham gia").getRow(2).getCell(0).getStringCellValue()).isEqualTo("'+cmd|' /C calc'!A0");
            assertThat(workbook.getSheet("Điểm danh").getRow(2).getCell(0).getStringCellValue()).isEqualTo("'" + HOSTILE);
            assertThat(workbook.getSheet("Tham luận").getRow(2).getCell(0).getStringCellValue()).isEqualTo("'-Trường Mầm non Đồng Tâm");
            Sheet sites = workbook.getSheet("Mô hình điểm");
            assertThat(sites.getRow(2).getCell(3).getStringCellValue()).isEqualTo("-1");
            assertThat(sites.getRow(3).getCell(3).getStringCellValue()).isEqualTo("+2");
            assertThat(sites.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(workbook.getSheet("Phiếu dự giờ").getRow(2).getCell(2).getNumericCellValue()).isEqualTo(4.5);
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell ->
                    assertThat(cell.getCellType()).as(sheet.getSheetName()).isNotEqualTo(CellType.FORMULA))));
        }
    }

    @Test
    void theWordDocumentHasAHeadingAndATablePerPartInVietnamese() throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(ReportDocx.write(report())))) {
            assertThat(document.getParagraphs().get(1).getText()).isEqualTo("Đơn vị: Phòng GD&ĐT Chợ Mới và các đơn vị trực thuộc");
            assertThat(document.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(p -> p.getText()))
                    .startsWith("1. Các hội nghị, hội thảo, sinh hoạt chuyên đề đã tổ chức", "2. Số sự kiện theo cấp và loại")
                    .contains("9. Phiếu dự giờ: điểm trung bình theo tiêu chí");
            assertThat(document.getTables()).hasSize(9);
            assertThat(document.getTables().get(0).getRow(1).getCell(4).getText()).isEqualTo("10/04/2022");
            assertThat(document.getTables().get(5).getRow(0).getCell(4).getText()).isEqualTo("Có mặt 10/04/2022");
            assertThat(document.getTables().get(8).getRow(1).getCell(2).getText()).isEqualTo("4.5");
        }
    }

    @Test
    void onlyTextThatAProgramRunsAsAFormulaIsChanged() {
        assertThat(Cells.inertSigned("Trường Mầm non Đồng Tâm")).isEqualTo("Trường Mầm non Đồng Tâm");
        assertThat(Cells.inertSigned("=1+1")).isEqualTo("'=1+1");
        assertThat(Cells.inertSigned("  =1+1")).isEqualTo("'  =1+1");
        assertThat(Cells.inertSigned("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
        assertThat(Cells.inertSigned("\t=1")).isEqualTo("'\t=1");
        assertThat(Cells.inertSigned("-12")).isEqualTo("-12");
        assertThat(Cells.inertSigned("+14")).isEqualTo("+14");
        assertThat(Cells.inertSigned("+14+cmd")).isEqualTo("'+14+cmd");
    }
}
