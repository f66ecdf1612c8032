package io.hoithao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.contracts.observations.ObservationsMessage;
import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.contracts.registrations.RegistrationsMessage;
import io.hoithao.contracts.units.UnitsMessage;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TypeNamesTest {

    private static final Pattern TYPE_NAME =
            Pattern.compile("^(events|registrations|observations|presentations|identity|units)\\.[A-Z][A-Za-z]+\\.v[0-9]+$");

    private static final Map<String, Class<?>> PRODUCERS = Map.of(
            "events", EventsMessage.class,
            "registrations", RegistrationsMessage.class,
            "observations", ObservationsMessage.class,
            "presentations", PresentationsMessage.class,
            "identity", IdentityMessage.class,
            "units", UnitsMessage.class);

    private static final Map<String, String> TOPICS = Map.of(
            "events", "hoithao.events",
            "registrations", "hoithao.registrations",
            "observations", "hoithao.observations",
            "presentations", "hoithao.presentations",
            "identity", "hoithao.identity",
            "units", "hoithao.units");

    private final MessageCodec codec = MessageCodec.instance();

    static Stream<String> typeNames() {
        return MessageCodec.instance().typeNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeNames")
    void isVersionedAndNamedForItsProducer(String typeName) {
        assertThat(typeName).matches(TYPE_NAME);
        String producer = typeName.substring(0, typeName.indexOf('.'));
        Class<? extends IntegrationMessage> type = codec.classOf(typeName);

        assertThat(PRODUCERS.get(producer)).isAssignableFrom(type);
        assertThat(type).hasAnnotation(MessageType.class);
        assertThat(type.isRecord()).as("%s is a record", type).isTrue();
        assertThat(codec.typeName(type)).isEqualTo(typeName);
        assertThat(Topics.of(type)).isEqualTo(TOPICS.get(producer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeNames")
    void startsWithTheEnvelopeFields(String typeName) {
        var components = codec.classOf(typeName).getRecordComponents();

        assertThat(Stream.of(components).limit(3).map(c -> c.getName()))
                .containsExactly("messageId", "occurredAt", "eventId");
    }

    @Test
    void cataloguesEveryPermittedSubclassOfEveryProducer() {
        long permitted = PRODUCERS.values().stream().mapToLong(p -> p.getPermittedSubclasses().length).sum();

        assertThat(codec.typeNames()).hasSize((int) permitted);
    }

    @Test
    void topicsAreTheSixProducerTopics() {
        assertThat(TOPICS.values()).containsExactlyInAnyOrder(
                Topics.EVENTS, Topics.REGISTRATIONS, Topics.OBSERVATIONS, Topics.PRESENTATIONS, Topics.IDENTITY, Topics.UNITS);
    }

    @Test
    void aClassOutsideTheCatalogueHasNoTypeNameOrTopic() {
        assertThatThrownBy(() -> codec.typeName(IntegrationMessage.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a catalogued message");
        assertThatThrownBy(() -> Topics.of(IntegrationMessage.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no producer");
    }
}
