package io.hoithao.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The import results' CSV cells follow the services' one spreadsheet rule (the documents library's Cells). */
class CsvCellTest {

    @Test
    void whatASpreadsheetWouldRunIsTextAndACommaIsQuoted() {
        assertThat(DelegatePages.cell("=cmd")).isEqualTo("'=cmd");
        assertThat(DelegatePages.cell("  =cmd")).isEqualTo("'  =cmd");
        assertThat(DelegatePages.cell("\uFF1Dcmd")).isEqualTo("'\uFF1Dcmd");
        assertThat(DelegatePages.cell("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(DelegatePages.cell("-12")).isEqualTo("-12");
        assertThat(DelegatePages.cell("Lỗi, dòng \"3\"")).isEqualTo("\"Lỗi, dòng \"\"3\"\"\"");
        assertThat(DelegatePages.cell("Nguyễn Văn Nam")).isEqualTo("Nguyễn Văn Nam");
        assertThat(DelegatePages.cell(null)).isEmpty();
    }
}
