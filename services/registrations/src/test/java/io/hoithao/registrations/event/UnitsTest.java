package io.hoithao.registrations.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void oneUnitWhateverTheCaseDiacriticsOrPunctuation() {
        assertThat(Units.key("Phòng GD&ĐT Chợ Mới")).isEqualTo("phong-gd-dt-cho-moi");
        assertThat(Units.key("phong gd & dt cho moi")).isEqualTo("phong-gd-dt-cho-moi");
        assertThat(Units.key("  PHÒNG GD&ĐT CHỢ MỚI. ")).isEqualTo("phong-gd-dt-cho-moi");
        assertThat(Units.key("Trường Mầm non Đồng Tâm")).isEqualTo(Units.key("truong mam non dong tam"));
    }

    @Test
    void keysAreSafeMongoFieldNames() {
        assertThat(Units.key("a.b$c")).isEqualTo("a-b-c");
        assertThat(Units.key("...")).isEqualTo("unit");
    }
}
