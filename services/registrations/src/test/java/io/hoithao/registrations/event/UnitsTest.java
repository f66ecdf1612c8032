package io.hoithao.registrations.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.text.Units;
import org.junit.jupiter.api.Test;

/**
 * The platform's unit keys as this service relies on them: quotas and seat holders are stored per unit key,
 * as Mongo field names ({@code quotas.<key>}, {@code unitHolders.<key>}).
 */
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
        assertThat(Units.key("$where")).isEqualTo("where");
        assertThat(Units.key("...")).isEqualTo("unit");
    }
}
