package io.hoithao.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import reactor.core.publisher.Mono;

/**
 * The site's sessions (the signed-in person's tokens, the sign-in in progress, the form's CSRF token) in the
 * database, collection {@value #COLLECTION}: the sign-in that one instance of the site starts and the return from
 * the issuer that another one receives see the same session, so the gateway may send each request to any instance.
 * The attributes are stored serialised (a value that no longer reads, written by another version, makes a new
 * session); a TTL index removes a session once it has been idle longer than {@code server.reactive.session.timeout}.
 * The cookie stays as configured ({@code server.reactive.session.cookie.*}). On with
 * {@code hoithao.web.sessions=database}, which every deployment of more than one instance sets; without it the
 * sessions stay in this process's memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hoithao.web.sessions", havingValue = "database")
@EnableSpringWebSession
class SessionStore implements ReactiveSessionRepository<MapSession> {

    static final String COLLECTION = "sessions";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    SessionStore(ReactiveMongoTemplate mongo, @Value("${server.reactive.session.timeout:30m}") Duration timeout) {
        this.mongo = mongo;
        this.timeout = timeout;
        // expired sessions go by themselves; a failure here only leaves them to be refused when read
        mongo.indexOps(COLLECTION).createIndex(new Index("expireAt", Sort.Direction.ASC).expire(Duration.ZERO))
                .onErrorResume(e -> Mono.empty()).subscribe();
    }

    @Override
    public Mono<MapSession> createSession() {
        return Mono.fromSupplier(() -> {
            MapSession session = new MapSession();
            session.setMaxInactiveInterval(timeout);
            return session;
        });
    }

    @Override
    public Mono<Void> save(MapSession session) {
        return Mono.defer(() -> {
            HashMap<String, Object> attributes = new HashMap<>();
            session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
            Document document = new Document("_id", session.getId())
                    .append("created", Date.from(session.getCreationTime()))
                    .append("lastAccessed", Date.from(session.getLastAccessedTime()))
                    .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                    .append("expireAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())))
                    .append("attributes", write(attributes));
            Mono<?> forgetOld = session.getId().equals(session.getOriginalId()) ? Mono.empty()
                    // the id changed (at sign-in, against session fixation): the old one is gone
                    : mongo.remove(Query.query(Criteria.where("_id").is(session.getOriginalId())), COLLECTION);
            return forgetOld.then(mongo.findAndReplace(Query.query(Criteria.where("_id").is(session.getId())), document,
                    FindAndReplaceOptions.options().upsert(), Document.class, COLLECTION)).then();
        });
    }

    @Override
    public Mono<MapSession> findById(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION).flatMap(document -> {
            MapSession session = new MapSession(id);
            session.setCreationTime(document.getDate("created").toInstant());
            session.setLastAccessedTime(document.getDate("lastAccessed").toInstant());
            session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()));
            Map<String, Object> attributes = read(document.get("attributes"));
            if (session.isExpired() || attributes == null) {
                return deleteById(id).then(Mono.empty());
            }
            attributes.forEach(session::setAttribute);
            return Mono.just(session);
        });
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).then();
    }

    private static Binary write(HashMap<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new IllegalStateException("A session attribute is not serialisable: " + attributes.keySet(), e);
        }
        return new Binary(bytes.toByteArray());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Object stored) {
        if (!(stored instanceof Binary binary)) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(binary.getData()))) {
            return in.readObject() instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }
}
