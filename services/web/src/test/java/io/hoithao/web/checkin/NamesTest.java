package io.hoithao.web.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void namesAreComparedWithoutDiacriticsCaseOrExtraSpaces() {
        assertThat(Names.fold("  Đặng  Văn ĐỨC ")).isEqualTo("dang van duc");
        assertThat(Names.fold("Nguyễn Thị Hoà")).contains("hoa");
        assertThat(Names.fold("Nguyễn Thị Hoà")).isEqualTo(Names.fold("nguyen thi hoa"));
        assertThat(Names.fold(null)).isEmpty();
    }
}
