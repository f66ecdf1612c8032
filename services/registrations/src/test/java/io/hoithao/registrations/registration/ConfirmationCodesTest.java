package io.hoithao.registrations.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfirmationCodesTest {

    @Test
    void codesAreShortUnambiguousAndDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = ConfirmationCodes.next();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            codes.add(code);
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void aTypedCodeIsReadBackInItsCanonicalForm() {
        assertThat(ConfirmationCodes.normalise("k7qm-3xpd")).isEqualTo("K7QM-3XPD");
        assertThat(ConfirmationCodes.normalise(" k7qm 3xpd ")).isEqualTo("K7QM-3XPD");
        assertThat(ConfirmationCodes.normalise("K7QM3XPD")).isEqualTo("K7QM-3XPD");
        assertThat(ConfirmationCodes.normalise("O1IL-0000")).isEqualTo("0111-0000");
    }
}
