package io.hoithao.platform;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.EndpointRules;
import io.hoithao.platform.security.Role;
import org.springframework.http.HttpMethod;

import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventProgrammeChanged;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.EventStarted;
import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.events.ProgrammeCreated;
import io.hoithao.contracts.events.ProgrammePhaseAdded;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.contracts.registrations.RegistrationsMessage;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.messaging.MessageDispatch;
import io.hoithao.platform.outbox.OutboxEntry;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;
import reactor.core.publisher.Mono;

/** A minimal service using the platform, for the platform's own integration tests. */
@SpringBootApplication
public class PlatformTestApplication {

    /** A document with an outbox, as a service's aggregate would have. */
    @Document("widgets")
    public record Widget(@Id String id, String name, List<OutboxEntry> outbox) {
    }

    /** A projection updated idempotently from consumed messages. */
    @Document("seen_events")
    public record SeenEvent(@Id String id, String title, int applications) {
    }

    /** A delegate's seat, held while her registration is confirmed and released when it is cancelled. */
    @Document("seats")
    public record Seat(@Id String id, String eventId, boolean held) {
    }

    /**
     * An event whose messages the service cannot apply yet, as a bug would make it (the failure is
     * neither the message's fault nor an outage); removing the document is the fix.
     */
    public static final String REFUSALS = "refusals";

    /** How often a message was handed to the handler, by message id. */
    public static final String ATTEMPTS = "attempts";

    /**
     * Events whose messages meet an outage while a document here names them (the handler's database seems
     * unreachable): the consumer waits and retries, and the messages behind pile up as lag.
     */
    public static final String HOLDS = "holds";

    @Bean
    Consumer<Message<byte[]>> eventsMessages(ReactiveMongoTemplate mongo) {
        return MessageDispatch.of(EventsMessage.class)
                .on(EventPublished.class, published -> published(mongo, published))
                .ignore(RegistrationOpened.class, EventRescheduled.class, EventCancelled.class, EventCompleted.class,
                        RegistrationClosed.class, EventStarted.class, CapacityChanged.class, SessionScheduled.class,
                        SessionMoved.class, SessionCancelled.class, EventProgrammeChanged.class, ProgrammeCreated.class,
                        ProgrammePhaseAdded.class)
                .consumer();
    }

    @Bean
    Consumer<Message<byte[]>> registrationsMessages(ReactiveMongoTemplate mongo) {
        return MessageDispatch.of(RegistrationsMessage.class)
                .on(RegistrationConfirmed.class, confirmed -> Idempotency.upsert(mongo, Seat.class, confirmed.registrationId(),
                        confirmed, new Update().set("eventId", confirmed.eventId()).set("held", true)))
                .on(RegistrationCancelled.class, cancelled -> Idempotency.upsert(mongo, Seat.class, cancelled.registrationId(),
                        cancelled, new Update().set("eventId", cancelled.eventId()).set("held", false)))
                .ignore(RegistrationWaitlisted.class, RegistrationPromoted.class, DelegateCheckedIn.class,
                        RegistrationPendingApproval.class, RegistrationRejected.class)
                .consumer();
    }

    static Mono<?> published(ReactiveMongoTemplate mongo, EventPublished published) {
        if (published.title().startsWith("invalid")) {
            // A message the service judges invalid: it can never be applied.
            return mongo.upsert(Query.query(Criteria.where("_id").is(published.messageId().toString())),
                            new Update().inc("count", 1), ATTEMPTS)
                    .then(Mono.error(new jakarta.validation.ValidationException("the title of " + published.eventId() + " is invalid")));
        }
        Query named = Query.query(Criteria.where("_id").is(published.eventId()));
        return mongo.exists(named, HOLDS)
                .flatMap(held -> held
                        ? Mono.error(new org.springframework.dao.DataAccessResourceFailureException("event " + published.eventId() + " is held"))
                        : mongo.exists(named, REFUSALS))
                .flatMap(refused -> refused
                        ? Mono.error(new IllegalStateException("event " + published.eventId() + " is refused"))
                        : Idempotency.upsert(mongo, SeenEvent.class, published.eventId(), published,
                                new Update().set("title", published.title()).inc("applications", 1)));
    }

    record NewDelegate(@NotBlank String fullName, @Email @NotBlank String email, @Min(1) int seats) {
    }

    /** Public reads, an administrators' area; everything else needs a signed-in caller. */
    @Bean
    EndpointRules probeRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/probe/public/**").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/probe/public/widgets/**").permitAll()
                .pathMatchers("/api/probe/admin/**").hasRole(Role.ADMIN.name());
    }

    @RestController
    static class ProbeController {

        private final Publishing publishing;

        ProbeController(Publishing publishing) {
            this.publishing = publishing;
        }

        /** A change that produces a message, written and published as a service's write is. */
        @PostMapping("/api/probe/public/widgets/{eventId}")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<String> widget(@PathVariable String eventId) {
            return Mono.defer(() -> publishing.insert(new Widget("w-" + eventId, "widget", List.of()), List.of(
                            new EventPublished(java.util.UUID.randomUUID(), java.time.Instant.now(), eventId, "Hội thảo " + eventId,
                                    "CONFERENCE", "PROVINCE", "Sở GD&ĐT Bắc Kạn", java.time.LocalDate.of(2026, 10, 25),
                                    java.time.LocalDate.of(2026, 10, 26), "Asia/Ho_Chi_Minh", 300))))
                    .map(Widget::id);
        }

        @GetMapping("/api/probe/public/caller")
        Mono<Caller> publicCaller(Caller caller) {
            return Mono.just(caller);
        }

        @GetMapping("/api/probe/me")
        Mono<Caller> me(Caller caller) {
            return Mono.just(caller);
        }

        @GetMapping("/api/probe/admin/settings")
        Mono<String> settings() {
            return Mono.just("settings");
        }

        @GetMapping("/api/probe/units/{unit}")
        Mono<String> unit(@PathVariable String unit, Caller caller) {
            return Mono.just(caller.requireOrganiserOf(unit).email());
        }

        @PostMapping("/api/probe/delegates")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<NewDelegate> create(@Valid @RequestBody NewDelegate delegate) {
            return Mono.just(delegate);
        }

        @GetMapping("/api/probe/conflict/{state}")
        Mono<String> conflict(@PathVariable String state) {
            return Mono.error(ProblemException.conflict("invalid-transition", "Cannot open registration of an event in state " + state)
                    .with("currentState", state));
        }

        @GetMapping("/api/probe/public/busy")
        Mono<String> busy() {
            return Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                    "Slow down"));
        }

        @GetMapping("/api/probe/public/down")
        Mono<org.springframework.http.ResponseEntity<String>> down() {
            return Mono.just(org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("{\"status\":\"DOWN\"}"));
        }

        @GetMapping("/api/probe/public/later")
        Mono<org.springframework.http.ResponseEntity<String>> later() {
            return Mono.just(org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "120").body("maintenance"));
        }

        @GetMapping("/api/probe/boom")
        Mono<String> boom() {
            return Mono.error(new IllegalStateException("secret internal detail"));
        }
    }
}
