package io.hoithao.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void oneUnitWrittenManyWays() {
        assertThat(Units.same("Phòng GD&ĐT Chợ Mới", "PHÒNG GD & ĐT  CHỢ MỚI")).isTrue();
        assertThat(Units.same("Phòng GD&ĐT Chợ Mới", "phong gd&dt cho moi")).isTrue();
        assertThat(Units.key("Phòng GD&ĐT Chợ Mới")).isEqualTo("phong-gd-dt-cho-moi");
    }

    @Test
    void differentUnitsAndNamesWithoutLettersAreNotTheSame() {
        assertThat(Units.same("Phòng GD&ĐT Chợ Mới", "Phòng GD&ĐT Bạch Thông")).isFalse();
        assertThat(Units.same("!!!", "???")).isFalse();
        assertThat(Units.same("", "")).isFalse();
        assertThat(Units.same(null, "x")).isFalse();
        assertThat(Units.same("Ω", "Ж")).isFalse();
        assertThat(Units.same("Trường Ø", "Trường")).isFalse();
    }
}
