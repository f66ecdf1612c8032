package io.hoithao.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void formulaTriggersBecomeTextAndOrdinaryValuesStayAsTheyAre() {
        assertThat(Cells.inert("=HYPERLINK(\"http://x\",\"Bấm\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"Bấm\")");
        assertThat(Cells.inert("+1+1")).isEqualTo("'+1+1");
        assertThat(Cells.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Cells.inert("\t=1")).isEqualTo("'\t=1");
        assertThat(Cells.inert("  =1")).isEqualTo("'  =1");
        assertThat(Cells.inert("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
        assertThat(Cells.inert("-12")).isEqualTo("-12");
        assertThat(Cells.inert("-1,5")).isEqualTo("-1,5");
        assertThat(Cells.inert("Trường Mầm non Đồng Tâm")).isEqualTo("Trường Mầm non Đồng Tâm");
        assertThat(Cells.inert("")).isEmpty();
        assertThat(Cells.inert(null)).isNull();
    }

    @Test
    void signedNumbersStayNumbersWhereAColumnHoldsChanges() {
        assertThat(Cells.inertSigned("+14")).isEqualTo("+14");
        assertThat(Cells.inertSigned("-3")).isEqualTo("-3");
        assertThat(Cells.inertSigned("+14+cmd")).isEqualTo("'+14+cmd");
        assertThat(Cells.inertSigned("=1+1")).isEqualTo("'=1+1");
        assertThat(Cells.inertSigned(null)).isEmpty();
        assertThat(Cells.inert("+14")).isEqualTo("'+14");
    }
}
