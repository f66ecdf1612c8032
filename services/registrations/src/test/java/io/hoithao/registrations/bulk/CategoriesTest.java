package io.hoithao.registrations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.registrations.registration.DelegateCategory;
import org.junit.jupiter.api.Test;

class CategoriesTest {

    @Test
    void categoriesAreReadInEnglishOrVietnameseWithOrWithoutDiacritics() {
        assertThat(BulkImport.Categories.parse("TEACHER")).isEqualTo(DelegateCategory.TEACHER);
        assertThat(BulkImport.Categories.parse("teacher")).isEqualTo(DelegateCategory.TEACHER);
        assertThat(BulkImport.Categories.parse("Giáo viên")).isEqualTo(DelegateCategory.TEACHER);
        assertThat(BulkImport.Categories.parse("giao  vien")).isEqualTo(DelegateCategory.TEACHER);
        assertThat(BulkImport.Categories.parse("Cán bộ quản lý")).isEqualTo(DelegateCategory.MANAGER);
        assertThat(BulkImport.Categories.parse("Lãnh đạo")).isEqualTo(DelegateCategory.LEADER);
        assertThat(BulkImport.Categories.parse("hiệu phó")).isNull();
    }
}
