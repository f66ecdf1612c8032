package io.hoithao.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Private calendar feeds (calendar apps send no tokens, so the feed's address is its secret): one per
 * person, in this application's own database ({@code hoithao_web}, collection {@value #COLLECTION}).
 * The address holds 256 random bits; only their SHA-256 is stored, so the database alone opens no feed.
 * Making a new address replaces the old one; revoking deletes it. The feed serves the programme as it was
 * when she last opened <em>My programme</em> (the snapshot), because without her in front of it this
 * application holds no token to read her registrations with.
 */
@Component
public class CalendarFeeds {

    static final String COLLECTION = "calendar_feeds";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;

    public CalendarFeeds(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A new secret address for her (any earlier one stops working); the token is returned once, never stored. */
    public Mono<String> create(String subject, String ics) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        return revoke(subject)
                .then(mongo.insert(new Feed(hash(token), subject, ics, now, now), COLLECTION))
                .thenReturn(token);
    }

    public Mono<Feed> of(String subject) {
        return mongo.findOne(Query.query(Criteria.where("subject").is(subject)), Feed.class, COLLECTION);
    }

    public Mono<Void> revoke(String subject) {
        return mongo.remove(Query.query(Criteria.where("subject").is(subject)), COLLECTION).then();
    }

    /** Her programme as she just saw it becomes the feed's content (if she has a feed). */
    public Mono<Void> snapshot(String subject, String ics) {
        return mongo.updateFirst(Query.query(Criteria.where("subject").is(subject)),
                new Update().set("ics", ics).set("updatedAt", Instant.now()), COLLECTION).then();
    }

    /** The feed's calendar, or empty for an unknown (or revoked) address. */
    public Mono<String> calendar(String token) {
        if (token == null || token.length() != 43 || !token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || c == '-' || c == '_')) {
            return Mono.empty();
        }
        return mongo.findById(hash(token), Feed.class, COLLECTION).map(Feed::ics);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One person's feed: the address's hash, whose it is, the calendar it serves. */
    @Document(COLLECTION)
    public record Feed(@Id String id, String subject, String ics, Instant createdAt, Instant updatedAt) {
    }
}
