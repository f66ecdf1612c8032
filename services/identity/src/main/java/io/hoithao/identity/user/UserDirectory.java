package io.hoithao.identity.user;

import io.hoithao.identity.IdentityProperties;
import io.hoithao.identity.user.UserAccount.PendingVerification;
import io.hoithao.platform.security.Role;
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
 * only returned to be sent. Using it is one conditional write (hash matches, not expired: verified, the
 * password the mailbox's owner chooses then, and the pending verification removed), so a token works
 * once, and two uses racing cannot both win. Anyone may sign up with any address, so an unverified user
 * is only a claim: the one who holds the mailbox decides the password when she verifies it.
 */
@Service
public class UserDirectory implements InitializingBean {

    static final String EMAIL_INDEX = "email_unique";
    static final String VERIFICATION_INDEX = "verification_token";
    /**
     * The user's field holding when the password was last set by proving the mailbox (the verification link,
     * a password reset link): sign-ins made before then get no more tokens.
     */
    public static final String CREDENTIALS_CHANGED_AT = "credentialsChangedAt";

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

    /**
     * What a sign-up did: {@code CREATED} a new unverified user, {@code LINK_RENEWED} for an address that
     * has an unverified user already (a new link replaces the pending one; nothing else changes), or nothing
     * at all for an address that is {@code ALREADY_VERIFIED}. The token (only its hash is stored) is there to
     * be sent for the first two, {@code null} for the third.
     */
    public record SignUp(Outcome outcome, UserAccount user, String verificationToken) {

        public enum Outcome { CREATED, LINK_RENEWED, ALREADY_VERIFIED }
    }

    /** The unique index on the email, before the first request can arrive (creating it again is a no-op). */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(UserAccount.class).createIndex(new Index().on("email", Sort.Direction.ASC).unique().named(EMAIL_INDEX));
        mongo.indexOps(UserAccount.class).createIndex(
                new Index().on("verification.tokenHash", Sort.Direction.ASC).sparse().named(VERIFICATION_INDEX));
    }

    /**
     * Signs a person up. A new address: an unverified user with a fresh verification token (valid for the
     * configured time); the unique index decides when two requests race for one address. An address whose
     * user is not verified yet: only a new token (the password, name and unit stay as they are, and whoever
     * opens the link sets the password there). A verified address: nothing changes.
     */
    public SignUp signUp(String email, String rawPassword, String fullName, String requestedUnit, String requestedUnitId,
            Set<Role> roles) {
        String token = newToken();
        try {
            UserAccount user = insert(email, rawPassword, fullName, null, null, requestedUnit, requestedUnitId, roles, false,
                    pending(token));
            return new SignUp(SignUp.Outcome.CREATED, user, token);
        } catch (DuplicateEmailException taken) {
            return renewLink(taken.email()).orElseGet(() -> new SignUp(SignUp.Outcome.ALREADY_VERIFIED,
                    find(taken.email()).orElse(null), null));
        }
    }

    /**
     * A new verification link for an address whose user is not verified (the pending one stops working).
     *
     * @return empty when no unverified user has the address
     */
    public Optional<SignUp> renewLink(String email) {
        String token = newToken();
        Query unverified = Query.query(Criteria.where("email").is(Emails.normalise(email)).and("emailVerified").ne(true));
        UserAccount renewed = mongo.findAndModify(unverified, new Update().set("verification", pending(token)),
                FindAndModifyOptions.options().returnNew(true), UserAccount.class);
        return Optional.ofNullable(renewed).map(user -> new SignUp(SignUp.Outcome.LINK_RENEWED, user, token));
    }

    private PendingVerification pending(String token) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return new PendingVerification(hash(token), now.plus(verificationTtl));
    }

    private static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Inserts a user whose address is known to be theirs (the configured seed users, an administrator's
     * account for someone).
     *
     * @throws DuplicateEmailException when the email is taken
     */
    public UserAccount createVerified(String email, String rawPassword, String fullName, String unit, String unitId,
            Set<Role> roles) {
        return insert(email, rawPassword, fullName, unit, unitId, null, null, roles, true, null);
    }

    private UserAccount insert(String email, String rawPassword, String fullName, String unit, String unitId,
            String requestedUnit, String requestedUnitId, Set<Role> roles, boolean emailVerified, PendingVerification verification) {
        String normalised = Emails.normalise(email);
        UserAccount user = new UserAccount(null, normalised, passwords.encode(rawPassword), fullName, unit, roles,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), emailVerified, verification, unitId, requestedUnit,
                requestedUnitId);
        try {
            return mongo.insert(user);
        } catch (DuplicateKeyException e) {
            throw new DuplicateEmailException(normalised, e);
        }
    }

    /**
     * The user a verification token is pending for, when it is one this server gave and has not expired.
     * Reading it changes nothing (a mail scanner fetching the link verifies nobody).
     */
    public Optional<UserAccount> pendingVerification(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(usable(token), UserAccount.class));
    }

    /**
     * Uses a verification token: when it is one this server gave and has not expired, its user is verified,
     * gets the password given here (whoever signed up chose the earlier one; the person who holds the mailbox
     * chooses this one) and, when one is given, the full name; the token is gone and sign-ins made before now
     * get no more tokens ({@link #credentialsChangedAt}). One conditional write: a token works once, and two
     * uses racing cannot both win. Anything else changes nothing.
     *
     * @return the verified user; empty for an unknown, used, expired or malformed token
     */
    public Optional<UserAccount> confirmEmail(String token, String rawPassword, String fullName) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Update update = new Update().set("emailVerified", true).unset("verification")
                .set("passwordHash", passwords.encode(rawPassword))
                .set(CREDENTIALS_CHANGED_AT, Instant.now(clock));
        if (fullName != null && !fullName.isBlank()) {
            update.set("fullName", fullName.strip());
        }
        return Optional.ofNullable(mongo.findAndModify(usable(token), update, FindAndModifyOptions.options().returnNew(true),
                UserAccount.class));
    }

    private Query usable(String token) {
        return Query.query(Criteria.where("verification.tokenHash").is(hash(token))
                .and("verification.expiresAt").gt(Instant.now(clock)));
    }

    /**
     * When the user's password was last set by proving the mailbox (the verification link or a password reset
     * link): a sign-in made before then belongs to whoever knew the earlier password, possibly not the owner,
     * and gets no new tokens.
     */
    public Optional<Instant> credentialsChangedAt(String email) {
        Query query = byEmail(Emails.normalise(email));
        query.fields().include(CREDENTIALS_CHANGED_AT);
        org.bson.Document found = mongo.findOne(query, org.bson.Document.class, UserAccount.COLLECTION);
        return Optional.ofNullable(found).map(document -> document.getDate(CREDENTIALS_CHANGED_AT)).map(java.util.Date::toInstant);
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
     * Replaces a user's roles and unit: a unit of the directory ({@code unitId}, with its name), or a unit known by
     * name only ({@code unitId} null: no rights in the services, which recognise units by id), or none.
     *
     * @throws UnknownUserException when no user has the email
     */
    public UserAccount changeRoles(String email, Set<Role> roles, String unit, String unitId) {
        Update update = new Update().set("roles", roles.stream().sorted().map(Role::name).toList());
        if (unit == null) {
            update.unset("unit");
        } else {
            update.set("unit", unit);
        }
        if (unitId == null) {
            update.unset("unitId");
        } else {
            update.set("unitId", unitId).unset("requestedUnit").unset("requestedUnitId");
        }
        UserAccount changed = mongo.findAndModify(byEmail(Emails.normalise(email)), update,
                FindAndModifyOptions.options().returnNew(true), UserAccount.class);
        if (changed == null) {
            throw new UnknownUserException(Emails.normalise(email));
        }
        return changed;
    }

    /**
     * Sets the user's unit (an administrator, or an organiser of that unit or one above it): the unit's id and its
     * name; a pending request is settled by it.
     *
     * @throws UnknownUserException when no user has the email
     */
    public UserAccount setUnit(String email, String unitId, String unitName) {
        UserAccount changed = mongo.findAndModify(byEmail(Emails.normalise(email)), new Update().set("unitId", unitId)
                .set("unit", unitName).unset("requestedUnit").unset("requestedUnitId"),
                FindAndModifyOptions.options().returnNew(true), UserAccount.class);
        if (changed == null) {
            throw new UnknownUserException(Emails.normalise(email));
        }
        return changed;
    }

    /**
     * Settles a request for a unit, in one conditional write on the request still being the one decided on (two
     * decisions at once: one wins, the other finds no request). Confirming makes the requested unit hers.
     *
     * @return the user after the decision; empty when she has no request for that unit (any more)
     */
    public Optional<UserAccount> settleUnitRequest(String email, String requestedUnitId, boolean confirm, String unitName) {
        Query pending = Query.query(Criteria.where("email").is(Emails.normalise(email)).and("requestedUnitId").is(requestedUnitId));
        Update update = new Update().unset("requestedUnit").unset("requestedUnitId");
        if (confirm) {
            update.set("unitId", requestedUnitId).set("unit", unitName);
        }
        return Optional.ofNullable(mongo.findAndModify(pending, update, FindAndModifyOptions.options().returnNew(true),
                UserAccount.class));
    }

    /** The users with a pending request for one of these units (all units: {@code null}), by email, at most 200. */
    public List<UserAccount> unitRequests(java.util.Collection<String> unitIds) {
        Criteria criteria = unitIds == null ? Criteria.where("requestedUnitId").ne(null)
                : Criteria.where("requestedUnitId").in(unitIds);
        return mongo.find(Query.query(criteria).with(Sort.by("email")).limit(200), UserAccount.class);
    }

    private static Query byEmail(String email) {
        return Query.query(Criteria.where("email").is(email));
    }

    private static Query filter(Role role) {
        return role == null ? new Query() : Query.query(Criteria.where("roles").is(role.name()));
    }
}
