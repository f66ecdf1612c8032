package io.hoithao.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.MessageCodec;
import io.hoithao.contracts.MessageDecodingException;
import io.hoithao.contracts.events.EventStarted;
import io.hoithao.contracts.identity.EmailVerificationRequested;
import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.contracts.identity.PasswordResetRequested;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;

class MessageDispatchTest {

    final List<IntegrationMessage> handled = new ArrayList<>();

    final MessageDispatch dispatch = MessageDispatch.of(IdentityMessage.class)
            .on(EmailVerificationRequested.class, m -> Mono.fromRunnable(() -> handled.add(m)).thenReturn(m.email()))
            .ignore(PasswordResetRequested.class)
            .build();

    @Test
    void aRegisteredTypeGoesToItsHandlerThroughTheConsumer() {
        EmailVerificationRequested verification = verification();

        dispatch.consumer().accept(onTheWire(verification));

        assertThat(handled).containsExactly(verification);
        assertThat(dispatch.apply(verification).block()).isEqualTo("ada@example.org");
    }

    @Test
    void anIgnoredTypeIsAcknowledgedWithoutEffect() {
        PasswordResetRequested reset = new PasswordResetRequested(UUID.randomUUID(), Instant.now(), IdentityMessage.NO_EVENT,
                "ada@example.org", "Ada", "vi", "https://example.org/reset", Instant.now().plusSeconds(600));

        dispatch.consumer().accept(onTheWire(reset));

        assertThat(handled).isEmpty();
        assertThat(dispatch.apply(reset).hasElement().block()).isFalse();
        assertThat(dispatch.ignores(PasswordResetRequested.class)).isTrue();
        assertThat(dispatch.ignores(EmailVerificationRequested.class)).isFalse();
    }

    @Test
    void aTypeOfAnotherTopicIsAcknowledgedWithoutEffectAsBefore() {
        EventStarted started = new EventStarted(UUID.randomUUID(), Instant.now(), "e-1");

        dispatch.consumer().accept(onTheWire(started));

        assertThat(handled).isEmpty();
        assertThat(dispatch.apply(started).hasElement().block()).isFalse();
    }

    @Test
    void anUnknownTypeFailsDecodingAndSoIsDeadLettered() {
        Consumer<Message<byte[]>> consumer = dispatch.consumer();
        Message<byte[]> unknown = MessageBuilder.withPayload("{}".getBytes())
                .setHeader(CloudEventHeaders.TYPE, "identity.AccountMerged.v1").build();

        assertThatThrownBy(() -> consumer.accept(unknown)).isInstanceOf(MessageDecodingException.class);
        assertThat(FailureKind.of(new MessageDecodingException("unknown"))).isEqualTo(FailureKind.PERMANENT);
        assertThat(handled).isEmpty();
    }

    @Test
    void aHandlersFailureReachesTheBinder() {
        MessageDispatch failing = MessageDispatch.of(IdentityMessage.class)
                .on(EmailVerificationRequested.class, m -> Mono.error(new IllegalStateException("down")))
                .ignore(PasswordResetRequested.class)
                .build();

        assertThatThrownBy(() -> failing.consumer().accept(onTheWire(verification())))
                .isInstanceOf(IllegalStateException.class).hasMessage("down");
    }

    @Test
    void aTypeNeitherHandledNorIgnoredRefusesTheDispatch() {
        MessageDispatch.Builder<IdentityMessage> undecided = MessageDispatch.of(IdentityMessage.class)
                .on(EmailVerificationRequested.class, Mono::just);

        assertThatThrownBy(undecided::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PasswordResetRequested");
    }

    @Test
    void aTypeHasOneHandler() {
        MessageDispatch.Builder<IdentityMessage> builder = MessageDispatch.of(IdentityMessage.class)
                .on(EmailVerificationRequested.class, Mono::just);

        assertThatThrownBy(() -> builder.ignore(EmailVerificationRequested.class)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.on(EmailVerificationRequested.class, Mono::just)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MessageDispatch.of(IntegrationMessage.class)).isInstanceOf(IllegalArgumentException.class);
    }

    private static EmailVerificationRequested verification() {
        return new EmailVerificationRequested(UUID.randomUUID(), Instant.now(), IdentityMessage.NO_EVENT,
                "ada@example.org", "Ada", "https://example.org/verify", Instant.now().plusSeconds(600));
    }

    private static Message<byte[]> onTheWire(IntegrationMessage message) {
        return MessageBuilder.withPayload(MessageCodec.instance().encode(message))
                .setHeader(CloudEventHeaders.TYPE, MessageCodec.instance().typeName(message)).build();
    }
}
