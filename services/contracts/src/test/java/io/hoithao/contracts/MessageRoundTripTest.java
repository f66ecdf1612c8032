package io.hoithao.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageRoundTripTest {

    private final MessageCodec codec = MessageCodec.instance();

    static Stream<Arguments> samples() {
        return Samples.all().stream().map(m -> Arguments.of(MessageCodec.instance().typeName(m), m));
    }

    @Test
    void samplesCoverEveryCataloguedTypeExactlyOnce() {
        List<String> sampled = Samples.all().stream().map(codec::typeName).toList();

        assertThat(sampled).doesNotHaveDuplicates();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(codec.typeNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodesAndDecodesToAnEqualMessage(String typeName, IntegrationMessage message) {
        byte[] json = codec.encode(message);

        IntegrationMessage decoded = codec.decode(typeName, json);

        assertThat(decoded).isEqualTo(message).isInstanceOf(message.getClass());
        assertThat(codec.decode(typeName, codec.encodeToString(message))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writesPlainUtf8WithTheEnvelopeAndIsoTimes(String typeName, IntegrationMessage message) {
        String json = new String(codec.encode(message), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"messageId\":\"" + message.messageId() + "\",\"occurredAt\":\"2025-10-25T01:30:00.123456Z\"");
        // a person's message, the directory's and the programmes' concern no event
        String eventId = message instanceof io.hoithao.contracts.identity.IdentityMessage ? io.hoithao.contracts.identity.IdentityMessage.NO_EVENT
                : message instanceof io.hoithao.contracts.units.UnitsMessage ? io.hoithao.contracts.units.UnitsMessage.NO_EVENT
                : message instanceof io.hoithao.contracts.events.ProgrammeCreated
                        || message instanceof io.hoithao.contracts.events.ProgrammePhaseAdded
                        ? io.hoithao.contracts.events.EventsMessage.NO_EVENT : Samples.EVENT;
        assertThat(json).contains("\"eventId\":\"" + eventId + "\"");
        assertThat(json).doesNotContain("\\u").doesNotContain("@class").doesNotContain("io.hoithao");
    }

    @Test
    void keepsVietnameseDiacritics() {
        IntegrationMessage confirmed = Samples.all().stream()
                .filter(m -> codec.typeName(m).equals("registrations.RegistrationConfirmed.v1"))
                .findFirst().orElseThrow();

        String json = codec.encodeToString(confirmed);

        assertThat(json).contains("\"unit\":\"Trường Mầm non Đồng Tâm\"").contains("\"fullName\":\"Nguyễn Thị Hoà\"");
        assertThat(codec.decode("registrations.RegistrationConfirmed.v1", json)).isEqualTo(confirmed);
    }
}
