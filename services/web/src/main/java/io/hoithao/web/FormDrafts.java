package io.hoithao.web;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Observation forms as she fills them in (collection {@value #COLLECTION} in {@code hoithao_web}): the
 * observations API takes a form only whole (every criterion scored) and only from an observer marked
 * present, so what she has answered so far is kept here, one document per registration and lesson,
 * replaced at every change. Once the API has her whole form, it is the record and the draft is dropped.
 */
@Component
public class FormDrafts {

    static final String COLLECTION = "observation_drafts";

    private final ReactiveMongoTemplate mongo;

    public FormDrafts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Draft> find(String registrationId, String lessonId) {
        return mongo.findById(id(registrationId, lessonId), Draft.class, COLLECTION);
    }

    /** Replaces her draft (one write: the last change wins, as on paper). */
    public Mono<Draft> save(String registrationId, String lessonId, Map<String, Integer> scores, String comments) {
        Draft draft = new Draft(id(registrationId, lessonId), scores, comments, Instant.now());
        return mongo.findAndReplace(Query.query(Criteria.where("_id").is(draft.id())), draft,
                FindAndReplaceOptions.options().upsert().returnNew(), Draft.class, COLLECTION);
    }

    public Mono<Void> drop(String registrationId, String lessonId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id(registrationId, lessonId))), COLLECTION).then();
    }

    private static String id(String registrationId, String lessonId) {
        return registrationId + ":" + lessonId;
    }

    @Document(COLLECTION)
    public record Draft(@Id String id, Map<String, Integer> scores, String comments, Instant savedAt) {
    }
}
