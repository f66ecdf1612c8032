package io.hoithao.registrations.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenEventTest {

    static OpenEvent event(String firstDay, String lastDay) {
        return new OpenEvent("evt", "Hội thảo", 10, true, null, false, false, List.of(), Map.of(), Map.of(), Map.of(),
                false, firstDay, lastDay, null, null, null);
    }

    @Test
    void anEventsDaysRunFromTheFirstToTheLast() {
        assertThat(event("2026-10-25", "2026-10-27").days()).containsExactly(LocalDate.of(2026, 10, 25),
                LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 27));
        assertThat(event(null, null).days()).isEmpty();
    }

    @Test
    void daysFromAMessageSpanningMillenniaStopAtTheLimit() {
        List<LocalDate> days = event("0001-01-01", "9999-12-31").days();

        assertThat(days).hasSize(OpenEvent.MAX_DAYS).startsWith(LocalDate.of(1, 1, 1))
                .endsWith(LocalDate.of(1, 1, 31));
        assertThat(event(LocalDate.MAX.toString(), LocalDate.MAX.toString()).days()).containsExactly(LocalDate.MAX);
    }
}
