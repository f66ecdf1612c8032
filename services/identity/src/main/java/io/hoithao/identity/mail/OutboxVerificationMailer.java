package io.hoithao.identity.mail;

import io.hoithao.contracts.identity.EmailVerificationRequested;
import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.identity.IdentityProperties;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.VerificationMailer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sends the verification link the way every mail of the suite goes: an {@link EmailVerificationRequested}
 * appended to the user's own {@code outbox} in one atomic write, published to {@code hoithao.identity} by
 * the {@link IdentityOutboxRelay}, and mailed by the notifications service. The link is never logged.
 */
@Component
@ConditionalOnProperty(name = "hoithao.identity.verification-mail", havingValue = "outbox", matchIfMissing = true)
public class OutboxVerificationMailer implements VerificationMailer {

    private final MongoTemplate mongo;
    private final IdentityProperties properties;
    private final Clock clock = Clock.systemUTC();

    OutboxVerificationMailer(MongoTemplate mongo, IdentityProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @Override
    public void sendVerificationLink(String email, String fullName, URI link) {
        Instant now = clock.instant();
        EmailVerificationRequested message = new EmailVerificationRequested(UUID.randomUUID(), now, IdentityMessage.NO_EVENT,
                email, fullName, link.toString(), now.plus(properties.emailVerificationTtl()));
        var written = mongo.updateFirst(Query.query(Criteria.where("email").is(email)),
                new Update().push(IdentityOutboxRelay.FIELD, IdentityOutboxRelay.Entry.of(message)), UserAccount.class);
        if (written.getMatchedCount() != 1) {
            throw new IllegalStateException("no user " + email + " to queue the verification mail for");
        }
    }
}
