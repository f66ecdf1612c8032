package io.hoithao.notifications.account;

import io.hoithao.contracts.identity.EmailVerificationRequested;
import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.contracts.identity.PasswordResetRequested;
import io.hoithao.notifications.delivery.Deliveries;
import io.hoithao.notifications.mail.Mails;
import io.hoithao.notifications.preference.Preference;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * From the identity topic: the link that verifies a person's address, and the link that sets a new password,
 * each mailed to that address once (the delivery is keyed by the message's id), in her language if she chose
 * one, else (a reset) the language of the page she asked from, Vietnamese otherwise.
 * Its delivery belongs to no event, so no organiser's log shows it (the link is a secret).
 */
@Configuration
class VerificationMails {

    @Bean
    Consumer<Message<byte[]>> identityMessages(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails) {
        return MessageDispatch.of(IdentityMessage.class)
                .on(EmailVerificationRequested.class, m -> verification(mongo, deliveries, mails, m))
                .on(PasswordResetRequested.class, m -> passwordReset(mongo, deliveries, mails, m))
                .consumer();
    }

    private static Mono<?> verification(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails,
                                        EmailVerificationRequested m) {
        String recipient = m.email().trim().toLowerCase(Locale.ROOT);
        return mongo.findById(recipient, Preference.class).map(Preference::language).defaultIfEmpty("vi")
                .flatMap(language -> deliveries.enqueue(mails.renderVerification(m.messageId().toString(), recipient,
                        m.fullName(), language, m.link(), m.expiresAt(), m.occurredAt())));
    }

    private static Mono<?> passwordReset(ReactiveMongoTemplate mongo, Deliveries deliveries, Mails mails, PasswordResetRequested m) {
        String recipient = m.email().trim().toLowerCase(Locale.ROOT);
        String asked = "en".equals(m.language()) ? "en" : "vi";
        return mongo.findById(recipient, Preference.class).map(Preference::language).defaultIfEmpty(asked)
                .flatMap(language -> deliveries.enqueue(mails.renderPasswordReset(m.messageId().toString(), recipient,
                        m.fullName(), language, m.link(), m.expiresAt(), m.occurredAt())));
    }
}
