package io.hoithao.identity.security;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

/**
 * The HTTP sessions of the sign-in (who signed in, the request she was on her way to, the form's CSRF token) in
 * the database, collection {@value #COLLECTION}, so that the sign-in form posted to one instance of the service
 * and the authorization request that follows at another see the same session. A TTL index removes a session
 * once it has been idle longer than its timeout.
 */
final class MongoSessions implements SessionRepository<MapSession> {

    static final String COLLECTION = "sessions";

    private final MongoTemplate mongo;
    private final Duration timeout;

    MongoSessions(MongoTemplate mongo, Duration timeout) {
        this.mongo = mongo;
        this.timeout = timeout;
        mongo.indexOps(COLLECTION).createIndex(new Index("expireAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(timeout);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            // the id changed (at sign-in, against session fixation): the old one is gone
            mongo.remove(Query.query(Criteria.where("_id").is(session.getOriginalId())), COLLECTION);
        }
        HashMap<String, Object> attributes = new HashMap<>();
        for (String name : session.getAttributeNames()) {
            attributes.put(name, session.getAttribute(name));
        }
        Document document = new Document("_id", session.getId())
                .append("created", Date.from(session.getCreationTime()))
                .append("lastAccessed", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expireAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())))
                .append("attributes", StoredObjects.write(attributes));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", session.getId()), document,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @Override
    public MapSession findById(String id) {
        Document document = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION);
        if (document == null) {
            return null;
        }
        MapSession session = new MapSession(id);
        session.setCreationTime(document.getDate("created").toInstant());
        session.setLastAccessedTime(document.getDate("lastAccessed").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()));
        if (session.isExpired()) {
            deleteById(id);
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = StoredObjects.read(document.get("attributes"), HashMap.class);
        if (attributes == null) {
            return null; // written by another version: a new session
        }
        attributes.forEach(session::setAttribute);
        return session;
    }

    @Override
    public void deleteById(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }
}
