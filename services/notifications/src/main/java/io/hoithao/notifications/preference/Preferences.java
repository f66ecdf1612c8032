package io.hoithao.notifications.preference;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A person's preferences, by her email: each change one upsert of her document, the rest left at their defaults. */
@Component
public class Preferences {

    private final ReactiveMongoTemplate mongo;

    Preferences(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Her preferences as stored, or the defaults (Vietnamese, reminders on). */
    Mono<Preference> find(String email) {
        return mongo.findById(email, Preference.class).defaultIfEmpty(new Preference(email, "vi", false));
    }

    Mono<Preference> setLanguage(String email, String language) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(email)), new Update().set("language", language).setOnInsert("remindersOff", false),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Preference.class);
    }

    /** No more reminders for her. */
    public Mono<Preference> turnRemindersOff(String email) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(email)),
                new Update().set("remindersOff", true).setOnInsert("language", "vi"),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Preference.class);
    }
}
