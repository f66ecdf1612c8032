package io.hoithao.registrations.registration;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A waiting registration's place on its event's waiting list, counted in the order the list is promoted in
 * (turn, then creation, then id: registrations decided before turns existed have none and come first, see
 * {@code Seating#promote}). Place 1 is the next to be offered a seat that its unit's quota allows.
 * Read when asked, so it moves up as the list does; a count, not a stored number that promotions would have to
 * rewrite for everyone behind.
 */
@Component
class WaitingList {

    private final ReactiveMongoTemplate mongo;

    WaitingList(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The view with its place on the waiting list when it is waiting; unchanged otherwise. */
    Mono<RegistrationView> withPosition(RegistrationView view) {
        if (view.status() != RegistrationStatus.WAITLISTED) {
            return Mono.just(view);
        }
        Criteria ahead = Criteria.where("eventId").is(view.eventId()).and("status").is(RegistrationStatus.WAITLISTED)
                .orOperator(aheadOf(view));
        return mongo.count(Query.query(ahead), Registration.class).map(count -> view.withWaitlistPosition(count + 1));
    }

    /** Who sorts before it by (turn, createdAt, _id), a missing turn sorting first as MongoDB sorts null. */
    private static Criteria[] aheadOf(RegistrationView view) {
        Criteria earlierSameTurn = new Criteria().orOperator(
                Criteria.where("createdAt").lt(view.createdAt()),
                new Criteria().andOperator(Criteria.where("createdAt").is(view.createdAt()), Criteria.where("_id").lt(view.id())));
        if (view.turn() == null) {
            return new Criteria[] {new Criteria().andOperator(Criteria.where("turn").is(null), earlierSameTurn)};
        }
        return new Criteria[] {
                Criteria.where("turn").is(null),
                Criteria.where("turn").lt(view.turn()),
                new Criteria().andOperator(Criteria.where("turn").is(view.turn()), earlierSameTurn)};
    }
}
