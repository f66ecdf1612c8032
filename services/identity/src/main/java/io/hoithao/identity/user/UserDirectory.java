package io.hoithao.identity.user;

import io.hoithao.identity.IdentityProperties;
import io.hoithao.identity.user.UserAccount.PendingVerification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The users: created with a hashed password, found by email, listed, given roles, their email
 * verified. Every value from a request is compared with {@code is(...)} as data, never put into a
 * query as an operator.
 *
 * <p>Email verification: a sign-up stores an unverified user together with the SHA-256 of a random
 * 256-bit token and its expiry ({@code hoithao.identity.email-verification-ttl}); the token itself is
 * only returned to be sent. Using it is one conditional write (hash matches, not expired: verified,
 * and the pending verification removed), so a token works once, and two uses racing cannot both win.
 */
@Service
public class UserDirectory implements InitializingBean {

    static final String EMAIL_INDEX = "email_unique";
    static final String VERIFICATION_INDEX = "verification_token";

    /** What a verification token looks like: 32 random bytes, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final Duration verificationTtl;
    private final Clock clock;

    public UserDirectory(MongoTemplate mongo, PasswordEncoder passwords, IdentityProperties properties) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.verificationTtl = properties.emailVerificationTtl();
        this.clock = Clock.systemUTC();
    }

    /** A stored sign-up and the verification token to send (only its hash is stored). */
    public record SignUp(UserAccount user, String verificationToken) {
    }

    /** The unique index on the email, before the first request can arrive (creating it again is a no-op). */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(UserAccount.class).createIndex(new Index().on("email", Sort.Direction.ASC).unique().named(EMAIL_INDEX));
        mongo.indexOps(UserAccount.class).createIndex(
                new Index().on("verification.tokenHash", Sort.Direction.ASC).sparse().named(VERIFICATION_INDEX));
    }

    /**
     * Signs a person up: an unverified user with a fresh verification token (valid for the configured
     * time). The unique index decides when two requests race for one address.
     *
     * @throws DuplicateEmailException when the email is taken
     */
    public SignUp signUp(String email, String rawPassword, String fullName, String unit, Set<Role> roles) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        UserAccount user = insert(email, rawPassword, fullName, unit, roles, false,
                new PendingVerification(hash(token), now.plus(verificationTtl)));
        return new SignUp(user, token);
    }

    /**
     * Inserts a user whose address is known to be theirs (the configured seed users).
     *
     * @throws DuplicateEmailException when the email is taken
     */
    public UserAccount createVerified(String email, String rawPassword, String fullName, String unit, Set<Role> roles) {
        return insert(email, rawPassword, fullName, unit, roles, true, null);
    }

    private UserAccount insert(String email, String rawPassword, String fullName, String unit, Set<Role> roles,
            boolean emailVerified, PendingVerification verification) {
        String normalised = Emails.normalise(email);
        UserAccount user = new UserAccount(null, normalised, passwords.encode(rawPassword), fullName, unit, roles,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), emailVerified, verification);
        try {
            return mongo.insert(user);
        } catch (DuplicateKeyException e) {
            throw new DuplicateEmailException(normalised, e);
        }
    }

    /**
     * Uses a verification token: when it is one this server gave and has not expired, its user is
     * verified and the token is gone (one conditional write). Anything else changes nothing.
     *
     * @return the verified user; empty for an unknown, used, expired or malformed token
     */
    public Optional<UserAccount> verifyEmail(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Query pending = Query.query(Criteria.where("verification.tokenHash").is(hash(token))
                .and("verification.expiresAt").gt(Instant.now(clock)));
        return Optional.ofNullable(mongo.findAndModify(pending, verified(), FindAndModifyOptions.options().returnNew(true),
                UserAccount.class));
    }

    /**
     * An administrator's word that the address is the person's: verified (again is no change), any
     * pending link removed.
     *
     * @throws UnknownUserException when no user has the email
     */
    public UserAccount markVerified(String email) {
        UserAccount changed = mongo.findAndModify(byEmail(Emails.normalise(email)), verified(),
                FindAndModifyOptions.options().returnNew(true), UserAccount.class);
        if (changed == null) {
            throw new UnknownUserException(Emails.normalise(email));
        }
        return changed;
    }

    private static Update verified() {
        return new Update().set("emailVerified", true).unset("verification");
    }

    /** The stored form of a verification token: SHA-256, in hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    public Optional<UserAccount> find(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(byEmail(Emails.normalise(email)), UserAccount.class));
    }

    /** One page of users in email order, all of them or those with the role. */
    public List<UserAccount> list(Role role, int page, int size) {
        return mongo.find(filter(role).with(Sort.by("email")).skip((long) page * size).limit(size), UserAccount.class);
    }

    public long count(Role role) {
        return mongo.count(filter(role), UserAccount.class);
    }

    /**
     * Replaces a user's roles and unit (a {@code null} unit removes it).
     *
     * @throws UnknownUserException when no user has the email
     */
    public UserAccount changeRoles(String email, Set<Role> roles, String unit) {
        Update update = new Update().set("roles", roles.stream().sorted().map(Role::name).toList());
        if (unit == null) {
            update.unset("unit");
        } else {
            update.set("unit", unit);
        }
        UserAccount changed = mongo.findAndModify(byEmail(Emails.normalise(email)), update,
                FindAndModifyOptions.options().returnNew(true), UserAccount.class);
        if (changed == null) {
            throw new UnknownUserException(Emails.normalise(email));
        }
        return changed;
    }

    private static Query byEmail(String email) {
        return Query.query(Criteria.where("email").is(email));
    }

    private static Query filter(Role role) {
        return role == null ? new Query() : Query.query(Criteria.where("roles").is(role.name()));
    }
}
