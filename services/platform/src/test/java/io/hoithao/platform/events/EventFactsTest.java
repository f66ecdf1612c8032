package io.hoithao.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

class EventFactsTest {

    static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
    static final LocalDate LAST = LocalDate.of(2026, 3, 3);

    static EventPublished published(String unitId) {
        return new EventPublished(UUID.randomUUID(), Instant.now(), "e-1", "Hội thảo", "CONFERENCE", "PROVINCE",
                "Sở GD&ĐT Bắc Kạn", FIRST, LAST, "Asia/Ho_Chi_Minh", 40, unitId);
    }

    static Map<String, Object> set(Update update) {
        return ((Document) update.getUpdateObject().get("$set"));
    }

    @Test
    void aPublicationSetsTitleUnitDaysAndZone() {
        assertThat(set(EventFacts.published(published("u-1")))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "title", "Hội thảo", "organiserUnit", "Sở GD&ĐT Bắc Kạn", "organiserUnitId", "u-1",
                "startDate", FIRST, "endDate", LAST, "timeZone", "Asia/Ho_Chi_Minh"));
    }

    @Test
    void aPublicationWithoutTheUnitsIdLeavesTheIdAsItWas() {
        assertThat(set(EventFacts.published(published(null)))).doesNotContainKey("organiserUnitId")
                .containsEntry("organiserUnit", "Sở GD&ĐT Bắc Kạn");
        assertThat(set(EventFacts.organisingUnit(published(null)))).containsOnlyKeys("organiserUnit");
        assertThat(set(EventFacts.organisingUnit(published("u-1")))).containsOnlyKeys("organiserUnit", "organiserUnitId");
    }

    @Test
    void aRescheduleSetsTheDaysOnly() {
        EventRescheduled rescheduled = new EventRescheduled(UUID.randomUUID(), Instant.now(), "e-1", FIRST.plusDays(7),
                LAST.plusDays(7), "Asia/Bangkok", 2);

        assertThat(set(EventFacts.rescheduled(rescheduled))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "startDate", FIRST.plusDays(7), "endDate", LAST.plusDays(7), "timeZone", "Asia/Bangkok"));
        assertThat(set(EventFacts.cancelled())).containsExactlyEntriesOf(Map.of("cancelled", true));
    }
}
