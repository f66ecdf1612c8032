package io.hoithao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperSubmitted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A producer cannot build a message that a consumer could not read: the constructors reject it, naming the field. */
class ProducerValidationTest {

    private static final String AT_STRING = "2025-10-25T01:30:00Z";

    static Stream<Arguments> requiredReferenceFields() {
        return Samples.all().stream().flatMap(sample -> Arrays.stream(Records.components(sample))
                .filter(c -> !c.getType().isPrimitive() && !Records.nullable(sample.getClass(), c.getName()))
                .map(c -> Arguments.of(sample.getClass().getSimpleName() + "." + c.getName(), sample, c.getName())));
    }

    static Stream<Arguments> requiredTextFields() {
        return Samples.all().stream().flatMap(sample -> Arrays.stream(Records.components(sample))
                .filter(c -> c.getType() == String.class && !Records.nullable(sample.getClass(), c.getName()))
                .map(c -> Arguments.of(sample.getClass().getSimpleName() + "." + c.getName(), sample, c.getName())));
    }

    static Stream<Arguments> nullableFields() {
        return Samples.all().stream().flatMap(sample -> Arrays.stream(Records.components(sample))
                .filter(c -> Records.nullable(sample.getClass(), c.getName()))
                .map(c -> Arguments.of(sample.getClass().getSimpleName() + "." + c.getName(), sample, c.getName())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredReferenceFields")
    void rejectsNullForARequiredField(String label, IntegrationMessage sample, String field) {
        assertThatThrownBy(() -> Records.with(sample, field, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing field '" + field + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredTextFields")
    void rejectsBlankText(String label, IntegrationMessage sample, String field) {
        assertThatThrownBy(() -> Records.with(sample, field, " \t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing field '" + field + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullableFields")
    void acceptsNullForADocumentedNullableField(String label, IntegrationMessage sample, String field) {
        assertThatCode(() -> Records.with(sample, field, null)).doesNotThrowAnyException();
    }

    @Test
    void rejectsNegativeCountsAndRevisions() {
        CapacityChanged changed = new CapacityChanged(UUID.randomUUID(), Instant.now(), "e", 10, 20, 3);
        assertThatThrownBy(() -> Records.with(changed, "capacity", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'capacity' must not be negative, was -1");
        assertThatThrownBy(() -> Records.with(changed, "previousCapacity", -5))
                .hasMessageContaining("'previousCapacity'");
        assertThatThrownBy(() -> Records.with(changed, "revision", -1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'revision' must not be negative, was -1");

        SeatBooked booked = new SeatBooked(UUID.randomUUID(), Instant.now(), "e", "l", "b", "r", "a@b.vn", 0, 1);
        assertThatThrownBy(() -> Records.with(booked, "seatsLeft", -1)).hasMessageContaining("'seatsLeft'");
    }

    @Test
    void rejectsDaysAndTimesInTheWrongOrder() {
        assertThatThrownBy(() -> new EventRescheduled(UUID.randomUUID(), Instant.now(), "e",
                LocalDate.of(2025, 10, 26), LocalDate.of(2025, 10, 25), "Asia/Ho_Chi_Minh", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'endDate' is before 'startDate'");
        assertThatCode(() -> new EventRescheduled(UUID.randomUUID(), Instant.now(), "e",
                LocalDate.of(2025, 10, 25), LocalDate.of(2025, 10, 25), "Asia/Ho_Chi_Minh", 2))
                .as("a one-day event")
                .doesNotThrowAnyException();

        Instant start = Instant.parse(AT_STRING);
        assertThatThrownBy(() -> new SessionScheduled(UUID.randomUUID(), start, "e", "s", "PLENARY", "Khai mạc",
                "Hội trường UBND huyện Chợ Mới", start, start, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'endsAt' must be after 'startsAt'");
        assertThatThrownBy(() -> new SessionMoved(UUID.randomUUID(), start, "e", "s", "Hội trường",
                start, start.minusSeconds(60), 1))
                .hasMessage("field 'endsAt' must be after 'startsAt'");
        assertThatThrownBy(() -> new EventPublished(UUID.randomUUID(), start, "e", "t", "CONFERENCE", "PROVINCE", "u",
                LocalDate.of(2025, 10, 26), LocalDate.of(2025, 10, 25), "Asia/Ho_Chi_Minh", 1))
                .hasMessage("field 'endDate' is before 'startDate'");
    }

    @Test
    void rejectsAPaperSlotWithoutPositionOrLength() {
        PaperScheduled scheduled = new PaperScheduled(UUID.randomUUID(), Instant.now(), "e", "p", "s", "t", "u",
                List.of("Nguyễn Thị Hoà"), 1, 15, 1);
        assertThatThrownBy(() -> Records.with(scheduled, "position", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'position' must be positive, was 0");
        assertThatThrownBy(() -> Records.with(scheduled, "minutes", -10))
                .hasMessage("field 'minutes' must be positive, was -10");
    }

    @Test
    void rejectsMissingPresenterNames() {
        List<String> withNull = new ArrayList<>(List.of("Nguyễn Thị Hoà"));
        withNull.add(null);

        assertThatThrownBy(() -> new PaperAccepted(UUID.randomUUID(), Instant.now(), "e", "p", "t", "u", withNull))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'presenters' has a missing entry at index 1");
        assertThatThrownBy(() -> new PaperSubmitted(UUID.randomUUID(), Instant.now(), "e", "p", "t", "u", List.of(" "), 10))
                .hasMessage("field 'presenters' has a missing entry at index 0");
    }

    @Test
    void copiesListsSoAMessageCannotChangeAfterItIsBuilt() {
        List<String> presenters = new ArrayList<>(List.of("Nguyễn Thị Hoà"));
        PaperAccepted accepted = new PaperAccepted(UUID.randomUUID(), Instant.now(), "e", "p", "t", "u", presenters);

        presenters.add("Hoàng Thị Lụa");

        assertThat(accepted.presenters()).containsExactly("Nguyễn Thị Hoà");
        assertThatThrownBy(() -> accepted.presenters().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
