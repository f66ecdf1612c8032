package io.hoithao.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

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
 * Making a new address replaces the old one; revoking deletes it. A feed keeps which things are hers
 * ({@link Item}: her registrations, lessons and papers with her status in each), as the site last read
 * them with her token; the calendar itself is rendered at each fetch from the public APIs
 * ({@link MyProgramme#calendar}).
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
    public Mono<String> create(String subject, List<Item> items, String language) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        return revoke(subject)
                .then(mongo.insert(new Feed(hash(token), subject, items, language, now, now), COLLECTION))
                .thenReturn(token);
    }

    public Mono<Feed> of(String subject) {
        return mongo.findOne(Query.query(Criteria.where("subject").is(subject)), Feed.class, COLLECTION);
    }

    public Mono<Void> revoke(String subject) {
        return mongo.remove(Query.query(Criteria.where("subject").is(subject)), COLLECTION).then();
    }

    /** What is hers now becomes her feed's list (if she has a feed). */
    public Mono<Void> remember(String subject, List<Item> items, String language) {
        return mongo.updateFirst(Query.query(Criteria.where("subject").is(subject)),
                new Update().set("items", items).set("language", language).set("updatedAt", Instant.now()), COLLECTION).then();
    }

    /** The feed behind an address, or empty for an unknown (or revoked) one. */
    public Mono<Feed> feed(String token) {
        if (token == null || token.length() != 43 || !token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || c == '-' || c == '_')) {
            return Mono.empty();
        }
        return mongo.findById(hash(token), Feed.class, COLLECTION);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One person's feed: the address's hash, whose it is, what is hers, the language of its texts. */
    @Document(COLLECTION)
    public record Feed(@Id String id, String subject, List<Item> items, String language, Instant createdAt, Instant updatedAt) {
    }

    /**
     * One thing of hers: its kind (EVENT, LESSON, PAPER), id (the registration's for an event), event, title (used
     * for a paper, whose title has no public read) and her status in it with its text in her language.
     */
    public record Item(String kind, String id, String eventId, String title, String status, String statusText) {
    }
}
