package io.hoithao.identity.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The users: created with a hashed password, found by email, listed, given roles. Every value
 * from a request is compared with {@code is(...)} as data, never put into a query as an operator.
 */
@Service
public class UserDirectory implements InitializingBean {

    static final String EMAIL_INDEX = "email_unique";

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public UserDirectory(MongoTemplate mongo, PasswordEncoder passwords) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.clock = Clock.systemUTC();
    }

    /** The unique index on the email, before the first request can arrive (creating it again is a no-op). */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(UserAccount.class).createIndex(new Index().on("email", Sort.Direction.ASC).unique().named(EMAIL_INDEX));
    }

    /**
     * Inserts a user; the unique index decides when two requests race for one address.
     *
     * @throws DuplicateEmailException when the email is taken
     */
    public UserAccount create(String email, String rawPassword, String fullName, String unit, Set<Role> roles) {
        String normalised = Emails.normalise(email);
        UserAccount user = new UserAccount(null, normalised, passwords.encode(rawPassword), fullName, unit, roles,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        try {
            return mongo.insert(user);
        } catch (DuplicateKeyException e) {
            throw new DuplicateEmailException(normalised, e);
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
