package io.hoithao.registrations;

import static io.hoithao.registrations.RegistrationsAuthorizationIT.API;
import static io.hoithao.registrations.RegistrationsAuthorizationIT.UNIT;
import static io.hoithao.registrations.RegistrationsAuthorizationIT.delegate;
import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.platform.text.Units;
import io.hoithao.registrations.event.OpenEvent;
import io.hoithao.registrations.registration.Registration;
import io.hoithao.registrations.registration.RegistrationStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bodies that try to set what only the service sets (status, confirmation code, id, seats, check-ins,
 * outbox, owner, the event's capacity and unit) change none of it, and Mongo operators in paths, queries,
 * headers and bodies are data: each test reads the objects back.
 */
@IntegrationTest
class HostileInputIT {

    static final String PROBLEMS = "https://hoithao.io/problems/";
    static final List<String> OPERATORS = List.of("{\"$gt\": \"\"}", "{\"$ne\": null}", "$where", "a.b", "$gt", "quotas.$");
    /** Operators as unit names, each a different unit ("$gt" would be the same unit as {"$gt": ""}). */
    static final List<String> UNIT_OPERATORS = List.of("{\"$gt\": \"\"}", "{\"$ne\": null}", "$where", "a.b", "quotas.$");
    static final String EMAIL = "hoa.hostile@mndongtam.edu.vn";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    final TestIdentity identity = TestIdentity.get();
    String eventId;
    String otherEvent;
    Caller her;
    WebTestClient delegate;
    WebTestClient organiser;

    @BeforeEach
    void event() {
        eventId = "evt-" + UUID.randomUUID();
        otherEvent = "evt-" + UUID.randomUUID();
        RegistrationsAuthorizationIT.open(messages, mongo, eventId, UNIT);
        RegistrationsAuthorizationIT.open(messages, mongo, otherEvent, UNIT);
        her = TestIdentity.person("h" + UUID.randomUUID().toString().substring(0, 6) + "." + EMAIL, "Nguyễn Thị Hoà",
                "Trường Mầm non Đồng Tâm", io.hoithao.platform.security.Role.DELEGATE);
        delegate = identity.as(http, her);
        organiser = identity.as(http, TestIdentity.organiser(UNIT));
    }

    /** What only the service may set, in any body: none of it may stick. */
    static Map<String, Object> forbidden() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("id", "reg-mine");
        extra.put("_id", "reg-mine-too");
        extra.put("status", "CONFIRMED");
        extra.put("confirmationCode", "AAAA-AAAA");
        extra.put("reason", "tự đặt");
        extra.put("checkIns", List.of("2027-10-25", "2027-10-26"));
        extra.put("version", 42);
        extra.put("createdAt", "2020-01-01T00:00:00Z");
        extra.put("idempotencyScope", "evt|someone|key");
        extra.put("unitKey", "quotas");
        extra.put("outbox", List.of(Map.of("type", "registrations.RegistrationConfirmed.v1", "payload", "{}")));
        extra.put("seatHolders", List.of("reg-mine"));
        extra.put("capacity", 1);
        extra.put("confirmed", 0);
        extra.put("seatsLeft", 99);
        extra.put("appliedMessageIds", List.of("m-1"));
        extra.put("owner", "intruder@evil.vn");
        extra.put("ownerEmail", "intruder@evil.vn");
        extra.put("delegateEmail", "intruder@evil.vn");
        extra.put("registeredBy", "intruder@evil.vn");
        extra.put("roles", List.of("admin"));
        extra.put("organiserUnit", "Phòng GD&ĐT Chợ Mới");
        return extra;
    }

    Registration stored(String id) {
        return mongo.findById(id, Registration.class).block();
    }

    OpenEvent event(String id) {
        return mongo.findById(id, OpenEvent.class).block();
    }

    @Test
    void aRegistrationBodyCannotSetItsStatusCodeIdSeatsCheckInsOutboxOrOwner() {
        organiser.put().uri(API + "/events/{e}/approval", eventId).bodyValue(Map.of("required", true)).exchange()
                .expectStatus().isOk();
        Map<String, Object> body = new LinkedHashMap<>(delegate(eventId, her.email(), "Nguyễn Thị Hoà"));
        body.putAll(forbidden());
        String id = delegate.post().uri(API).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        assertThat(id).isNotIn("reg-mine", "reg-mine-too");
        assertThat(mongo.findById("reg-mine", Registration.class).block()).isNull();
        assertThat(mongo.findById("reg-mine-too", Registration.class).block()).isNull();
        delegate.get().uri(API + "/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("AWAITING_APPROVAL")
                .jsonPath("$.confirmationCode").doesNotExist()
                .jsonPath("$.reason").doesNotExist()
                .jsonPath("$.checkIns.length()").isEqualTo(0)
                .jsonPath("$.email").isEqualTo(her.email())
                .jsonPath("$.eventId").isEqualTo(eventId);
        Registration registration = stored(id);
        assertThat(registration.version()).isZero();
        assertThat(registration.unitId()).isEqualTo(TestDirectory.id("Trường Mầm non Đồng Tâm"));
        assertThat(registration.createdAt()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(registration.idempotencyScope()).isNull();
        Document raw = mongo.findById(id, Document.class, "registrations").block();
        // Its own RegistrationPendingApproval until relayed; never the body's entry.
        assertThat(raw.getList("outbox", Document.class)).allSatisfy(entry -> assertThat(entry.getString("type")).contains("RegistrationPendingApproval"));
        assertThat(raw).doesNotContainKeys("seatHolders", "capacity", "owner", "ownerEmail", "delegateEmail", "registeredBy",
                "roles", "organiserUnit", "appliedMessageIds", "confirmed", "seatsLeft");
        OpenEvent event = event(eventId);
        assertThat(event.seatHolders()).isEmpty();
        assertThat(event.capacity()).isEqualTo(500);
        assertThat(event.organiserUnit()).isEqualTo(UNIT);
        // The code it tried to take finds nothing.
        http.get().uri(API + "/codes/AAAA-AAAA").exchange().expectStatus().isNotFound();

        // Approved, it gets a code of the service's making; a check-in body cannot add days or change the status.
        Map<String, Object> approved = organiser.post().uri(API + "/{id}/approve", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(forbidden()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(approved.get("status")).isEqualTo("CONFIRMED");
        String code = approved.get("confirmationCode").toString();
        assertThat(code).isNotEqualTo("AAAA-AAAA");
        Map<String, Object> checkIn = new LinkedHashMap<>(forbidden());
        checkIn.put("day", "2027-10-25");
        checkIn.put("registrationId", "reg-mine");
        checkIn.put("alreadyCheckedIn", true);
        organiser.post().uri(API + "/codes/{c}/check-ins", code).bodyValue(checkIn).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.alreadyCheckedIn").isEqualTo(false).jsonPath("$.registrationId").isEqualTo(id);
        assertThat(stored(id).checkIns()).containsExactly("2027-10-25");
        assertThat(stored(id).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(stored(id).email()).isEqualTo(her.email());
    }

    @Test
    void aDelegatesBodyCannotMakeSomeoneElseTheOwner() {
        // The body names another email and tries owner fields: refused, nothing written.
        Map<String, Object> someoneElse = new LinkedHashMap<>(delegate(eventId, "victim@mndongtam.edu.vn", "Nạn Nhân"));
        someoneElse.putAll(forbidden());
        someoneElse.put("owner", her.email());
        delegate.post().uri(API).bodyValue(someoneElse).exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
        assertThat(mongo.count(Query.query(Criteria.where("eventId").is(eventId)), Registration.class).block()).isZero();

        // Her own email, owner fields naming someone else: she owns it, nobody else does.
        Map<String, Object> hers = new LinkedHashMap<>(delegate(eventId, her.email().toUpperCase(), "Nguyễn Thị Hoà"));
        hers.putAll(forbidden());
        String id = delegate.post().uri(API).bodyValue(hers).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(stored(id).email()).isEqualTo(her.email());
        identity.as(http, TestIdentity.delegate("intruder@evil.vn")).get().uri(API + "/{id}", id).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void cancelRejectQuotaAndApprovalBodiesSetOnlyWhatTheyName() {
        String confirmed = delegate.post().uri(API).bodyValue(delegate(eventId, her.email(), "Nguyễn Thị Hoà")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        Map<String, Object> quotas = new LinkedHashMap<>(forbidden());
        quotas.put("quotas", List.of(Map.of("unitId", TestDirectory.id("Trường Mầm non Đồng Tâm"), "seats", 3, "confirmed", 99, "key", "$where")));
        quotas.put("approvalRequired", true);
        quotas.put("registrationOpen", false);
        quotas.put("cancelled", true);
        quotas.put("quotaUnits", Map.of("x", "y"));
        organiser.put().uri(API + "/events/{e}/quotas", eventId).bodyValue(quotas).exchange().expectStatus().isOk();
        OpenEvent event = event(eventId);
        assertThat(event.quotas()).containsExactly(Map.entry(TestDirectory.id("Trường Mầm non Đồng Tâm"), 3));
        assertThat(event.capacity()).isEqualTo(500);
        assertThat(event.approvalRequired()).isFalse();
        assertThat(event.registrationOpen()).isTrue();
        assertThat(event.cancelled()).isFalse();
        assertThat(event.organiserUnit()).isEqualTo(UNIT);
        assertThat(event.seatHolders()).containsExactly(confirmed);

        Map<String, Object> approval = new LinkedHashMap<>(forbidden());
        approval.put("required", false);
        approval.put("quotas", Map.of(TestDirectory.id("Trường Mầm non Đồng Tâm"), 0));
        approval.put("closesAt", "2020-01-01T00:00:00Z");
        organiser.put().uri(API + "/events/{e}/approval", eventId).bodyValue(approval).exchange().expectStatus().isOk();
        event = event(eventId);
        assertThat(event.quotas()).containsExactly(Map.entry(TestDirectory.id("Trường Mầm non Đồng Tâm"), 3));
        assertThat(event.closesAt()).isNull();
        assertThat(event.capacity()).isEqualTo(500);
        assertThat(event.organiserUnit()).isEqualTo(UNIT);

        // A cancellation body with a reason, a status and an owner: only the reason counts.
        Map<String, Object> cancel = new LinkedHashMap<>(forbidden());
        cancel.put("reason", "Ốm");
        cancel.put("status", "CONFIRMED");
        cancel.put("email", "intruder@evil.vn");
        delegate.post().uri(API + "/{id}/cancel", confirmed).bodyValue(cancel).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.reason").isEqualTo("Ốm");
        assertThat(stored(confirmed).email()).isEqualTo(her.email());
        assertThat(event(eventId).seatHolders()).isEmpty();

        // Rejecting: only an awaiting registration, and the body's status is ignored.
        Map<String, Object> reject = new LinkedHashMap<>(forbidden());
        reject.put("status", "CANCELLED");
        organiser.post().uri(API + "/{id}/reject", confirmed).bodyValue(reject).exchange().expectStatus().isEqualTo(409);
        assertThat(stored(confirmed).status()).isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void operatorsInPathsAreIds() {
        String id = delegate.post().uri(API).bodyValue(delegate(eventId, her.email(), "Nguyễn Thị Hoà")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        for (String operator : OPERATORS) {
            http.get().uri(API + "/{id}", operator).exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            delegate.get().uri(API + "/{id}", operator).exchange().expectStatus().isNotFound();
            http.post().uri(API + "/{id}/cancel", operator).exchange().expectStatus().isNotFound();
            http.post().uri(API + "/{id}/approve", operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/codes/{c}", operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/codes/{c}/qr.png", operator).exchange().expectStatus().isNotFound();
            http.post().uri(API + "/codes/{c}/check-ins", operator).exchange().expectStatus().isNotFound();
            http.post().uri(API + "/codes/{c}/cancel", operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/events/{e}", operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/events/{e}/attendance", operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/events/{e}/registrations", operator).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(0);
            // An organiser: the operator names no published event of her unit.
            organiser.get().uri(API + "/events/{e}/registrations", operator).exchange().expectStatus().isForbidden();
            http.put().uri(API + "/events/{e}/quotas", operator).bodyValue(Map.of("quotas", List.of())).exchange()
                    .expectStatus().isNotFound();
        }
        assertThat(stored(id).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void operatorsInQueriesHeadersAndBodiesAreData() {
        String id = delegate.post().uri(API).bodyValue(delegate(eventId, her.email(), "Nguyễn Thị Hoà")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        http.post().uri(API).bodyValue(delegate(otherEvent, "khac@mndongtam.edu.vn", "Người Khác")).exchange()
                .expectStatus().isCreated();

        for (String operator : OPERATORS) {
            // Query parameters: a unit or event that matches nothing, never everything.
            http.get().uri(b -> b.path(API + "/events/{e}/registrations").queryParam("unitId", "{u}").build(eventId, operator))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
            delegate.get().uri(b -> b.path(API + "/mine").queryParam("eventId", "{e}").build(operator))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
            http.get().uri(b -> b.path(API + "/events/{e}/registrations").queryParam("status", "{s}").build(eventId, operator))
                    .exchange().expectStatus().isBadRequest();

            // Body strings: an event id that names no open event, an email that is not one.
            delegate.post().uri(API).bodyValue(delegate(operator, her.email(), "Nguyễn Thị Hoà")).exchange()
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "registration-not-open");
            http.post().uri(API).bodyValue(delegate(eventId, operator, "Nguyễn Thị Hoà")).exchange()
                    .expectStatus().isBadRequest();

            // An Idempotency-Key is compared as a string: a new key, a new request.
            Map<String, Object> fresh = delegate(eventId, "k" + UUID.randomUUID().toString().substring(0, 8) + "@mn.edu.vn", "Người Mới");
            http.post().uri(API).header("Idempotency-Key", operator).bodyValue(fresh).exchange().expectStatus().isCreated()
                    .expectHeader().doesNotExist("Idempotent-Replayed");
        }
        // Bodies with operator objects where strings belong: refused whole, as malformed JSON.
        for (String field : List.of("eventId", "email", "unit", "fullName")) {
            Map<String, Object> body = new LinkedHashMap<>(delegate(eventId, her.email(), "Nguyễn Thị Hoà"));
            body.put(field, Map.of("$ne", ""));
            delegate.post().uri(API).bodyValue(body).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // Quota unit ids like operators and paths are no units of the directory: refused, nothing written.
        for (String unit : UNIT_OPERATORS) {
            organiser.put().uri(API + "/events/{e}/quotas", eventId).bodyValue(Map.of("quotas", List.of(Map.of("unitId", unit, "seats", 1))))
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "validation");
        }
        assertThat(event(eventId).quotas()).isEmpty();
        // A CSV whose cells are operators: rows refused one by one, nothing else written.
        String csv = "fullName,email,phone,unit,category\n"
                + "Nguyễn Văn A,\"{\"\"$gt\"\": \"\"\"\"}\",0912345678,$where,TEACHER\n"
                + "Nguyễn Văn B,b@mn.edu.vn,0912345678,a.b,\"{\"\"$ne\"\": null}\"\n";
        organiser.post().uri(b -> b.path(API + "/events/{e}/imports").queryParam("unitId", "{u}").build(eventId, "{\"$gt\": \"\"}"))
                .contentType(new MediaType("text", "csv")).bodyValue(csv).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.registered").isEqualTo(0)
                .jsonPath("$.rejected").isEqualTo(2)
                .jsonPath("$.rows[0].email").isEqualTo("{\"$gt\": \"\"}")
                .jsonPath("$.rows[0].problemType").isEqualTo("validation")
                .jsonPath("$.rows[1].problemType").isEqualTo("validation");

        assertThat(stored(id).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(mongo.count(Query.query(Criteria.where("eventId").is(eventId)), Registration.class).block())
                .isEqualTo(1 + OPERATORS.size());
    }
}
