package io.hoithao.identity.mail;

import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.contracts.identity.PasswordResetRequested;
import io.hoithao.identity.IdentityProperties;
import io.hoithao.identity.user.Emails;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * "Forgot password": a verified account's owner gets a single-use link ({@code {issuer}/reset-password?token=...})
 * that sets a new password until {@code hoithao.identity.password-reset-ttl} (1 hour) has passed.
 *
 * <p>A request stores the SHA-256 of a random 256-bit token, its expiry and the request's time in the user's
 * {@code passwordReset}, and appends a {@link PasswordResetRequested} to the same user's {@code outbox}, in one
 * conditional write: the mail leaves exactly when the token exists (published by the {@link IdentityOutboxRelay}).
 * A new request replaces the previous token. One request per address per {@code password-reset-interval}
 * (1 minute) counts; others change nothing. The caller learns nothing either way (no account enumeration).
 *
 * <p>Using the token is one conditional write too (hash matches, not expired: the new password's hash set,
 * {@code passwordReset} removed, {@link UserDirectory#CREDENTIALS_CHANGED_AT} set), so a token works once, two
 * uses racing cannot both win, and every sign-in made before the reset (a session, a refresh token, perhaps
 * whoever learnt the old password) gets no more tokens.
 */
@Service
public class PasswordResets implements InitializingBean {

    static final String FIELD = "passwordReset";
    static final String INDEX = "password_reset_token";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final String issuer;
    private final Duration ttl;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();

    PasswordResets(MongoTemplate mongo, PasswordEncoder passwords, IdentityProperties properties,
            @Value("${hoithao.identity.password-reset-ttl:1h}") Duration ttl,
            @Value("${hoithao.identity.password-reset-interval:1m}") Duration interval) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.issuer = properties.issuer();
        this.ttl = ttl;
        this.interval = interval;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(UserAccount.class).createIndex(
                new Index().on(FIELD + ".tokenHash", Sort.Direction.ASC).sparse().named(INDEX));
    }

    /**
     * Asks for a reset link for {@code email}. Nothing happens for an unknown or unverified address, or a
     * second request within the interval; the caller cannot tell which.
     *
     * @param language {@code vi}, {@code en} or {@code null} (not known): the mail's language unless the person chose one
     * @return whether a link was queued (for tests and logs only: never shown to the person)
     */
    public boolean request(String email, String language) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return false;
        }
        String normalised = Emails.normalise(email);
        Query verified = Query.query(Criteria.where("email").is(normalised).and("emailVerified").is(true));
        verified.fields().include("fullName");
        Document user = mongo.findOne(verified, Document.class, UserAccount.COLLECTION);
        if (user == null) {
            return false;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(ttl);
        String fullName = user.getString("fullName");
        PasswordResetRequested message = new PasswordResetRequested(UUID.randomUUID(), now, IdentityMessage.NO_EVENT,
                normalised, fullName == null || fullName.isBlank() ? normalised : fullName, language,
                issuer + "/reset-password?token=" + token, expiresAt);
        Query due = Query.query(Criteria.where("email").is(normalised).and("emailVerified").is(true)
                .orOperator(Criteria.where(FIELD + ".requestedAt").exists(false),
                        Criteria.where(FIELD + ".requestedAt").lte(now.minus(interval))));
        Update update = new Update()
                .set(FIELD, new Document("tokenHash", hash(token)).append("expiresAt", Date.from(expiresAt))
                        .append("requestedAt", Date.from(now)))
                .push(IdentityOutboxRelay.FIELD, IdentityOutboxRelay.Entry.of(message));
        return mongo.updateFirst(due, update, UserAccount.COLLECTION).getModifiedCount() == 1;
    }

    /** Whether the token is one this server gave that has not been used and has not expired (it stays usable). */
    public boolean isUsable(String token) {
        return token != null && TOKEN.matcher(token).matches() && mongo.exists(usable(token), UserAccount.COLLECTION);
    }

    /**
     * Sets the password of the token's user and consumes the token, when it is usable; otherwise changes nothing.
     * The password must already satisfy the sign-up rules.
     *
     * @return whether the password was set
     */
    public boolean reset(String token, String rawPassword) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return false;
        }
        Update update = new Update().set("passwordHash", passwords.encode(rawPassword)).unset(FIELD)
                .set(UserDirectory.CREDENTIALS_CHANGED_AT, Date.from(clock.instant()));
        return mongo.updateFirst(usable(token), update, UserAccount.COLLECTION).getModifiedCount() == 1;
    }

    private Query usable(String token) {
        return Query.query(Criteria.where(FIELD + ".tokenHash").is(hash(token)).and(FIELD + ".expiresAt").gt(clock.instant()));
    }

    /** The stored form of a token: SHA-256, in hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
