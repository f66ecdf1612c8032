package io.hoithao.events;

import static io.hoithao.events.EventsAuthorizationIT.On.CANCELLED;
import static io.hoithao.events.EventsAuthorizationIT.On.CANCELLED_DRAFT;
import static io.hoithao.events.EventsAuthorizationIT.On.DRAFT;
import static io.hoithao.events.EventsAuthorizationIT.On.IN_PROGRESS;
import static io.hoithao.events.EventsAuthorizationIT.On.MISSING_EVENT;
import static io.hoithao.events.EventsAuthorizationIT.On.MISSING_PROGRAMME;
import static io.hoithao.events.EventsAuthorizationIT.On.NOTHING;
import static io.hoithao.events.EventsAuthorizationIT.On.PROGRAMME;
import static io.hoithao.events.EventsAuthorizationIT.On.PROGRAMME_OF_ADMINS;
import static io.hoithao.events.EventsAuthorizationIT.On.PUBLISHED;
import static io.hoithao.events.EventsAuthorizationIT.On.REGISTRATION_OPEN;
import static io.hoithao.events.EventsAuthorizationIT.On.UNIT_DEPARTMENT;
import static io.hoithao.events.EventsAuthorizationIT.On.UNIT_MISSING;
import static io.hoithao.events.EventsAuthorizationIT.On.UNIT_OFFICE;
import static io.hoithao.events.EventsAuthorizationIT.On.UNIT_SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import io.hoithao.events.event.EventView;
import io.hoithao.events.session.SessionView;
import io.hoithao.events.unit.UnitView;
import io.hoithao.events.unit.Units;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.testing.AccessMatrix;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.security.Role;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Who may call what (issue #7), as a matrix: every route of the service, on an object in the state
 * the route needs, called by each kind of caller, with the status each must get. Refusals are
 * problem+json of the matching type, and a refused change leaves the event as it was. Every case
 * gets objects of its own, made by an administrator, so cases never depend on each other.
 */
@IntegrationTest
class EventsAuthorizationIT {

    static final String UNIT = "Sở GD&ĐT Bắc Kạn";
    static final String OTHER_UNIT = "Phòng GD&ĐT Chợ Mới";

    private static final TestIdentity identity = TestIdentity.get();

    @Autowired
    WebTestClient http;

    @BeforeEach
    void patient() {
        // the build machine is shared: under load a request may take longer than the default 5 s
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** The columns of the matrix. */
    enum Who {
        ANONYMOUS, DELEGATE, REVIEWER, OTHER_UNITS_ORGANISER, ORGANISER, ADMIN;

        Caller caller() {
            return switch (this) {
                case ANONYMOUS -> Caller.anonymous();
                case DELEGATE -> TestIdentity.delegate("ha.le@mndongtam.edu.vn");
                case REVIEWER -> TestIdentity.reviewer();
                case OTHER_UNITS_ORGANISER -> TestIdentity.organiser(OTHER_UNIT);
                case ORGANISER -> TestIdentity.organiser(UNIT);
                case ADMIN -> TestIdentity.admin();
            };
        }

        /** The Authorization header's value; {@code null} for the anonymous caller. */
        String authorization() {
            return this == ANONYMOUS ? null : identity.bearer(caller());
        }
    }

    /**
     * What the route is called on: an event of {@link #UNIT} in a state, a programme, a unit of the directory
     * (the department named {@link #UNIT} itself; a new district office below it; a new school below the office
     * named {@link #OTHER_UNIT}, which is below the department), or nothing that exists.
     */
    enum On {
        NOTHING, DRAFT, PUBLISHED, REGISTRATION_OPEN, IN_PROGRESS, CANCELLED, CANCELLED_DRAFT, MISSING_EVENT,
        PROGRAMME, PROGRAMME_OF_ADMINS, MISSING_PROGRAMME, UNIT_DEPARTMENT, UNIT_OFFICE, UNIT_SCHOOL, UNIT_MISSING
    }

    record Route(HttpMethod method, String path, String body, On on, int[] expected) {
    }

    record Case(Route route, Who who, int expected) {
        @Override
        public String toString() {
            return route.method() + " " + route.path() + " on " + route.on() + " as " + who + " → " + expected;
        }
    }

    static final String EVENT = "/api/events/{event}";
    static final String UNITS = "/api/events/units";
    static final String A_UNIT = UNITS + "/{unit}";
    static final String CSV_OF_A_SCHOOL = "officialName,kind,level,parent\nTrường Mầm non {tag},SCHOOL,SCHOOL,{office}\n";
    static final String NEW_EVENT = Fixtures.conference(UNIT);
    static final String NEW_SESSION = """
            {"type": "DISCUSSION", "title": "Thảo luận", "date": "2026-10-25", "start": "14:00", "end": "15:00", "venueId": "{venue}"}""";

    /** {@code anonymous, delegate, reviewer, organiser of another unit, organiser of the event's unit, administrator}. */
    static Route route(HttpMethod method, String path, String body, On on, int... expected) {
        assertThat(expected).hasSize(Who.values().length);
        return new Route(method, path, body, on, expected);
    }

    static final List<Route> MATRIX = List.of(
            //                                                                                       anon deleg revie other  own admin
            // events: reads are public once published; a draft exists only for its managers
            route(GET, "/api/events", null, NOTHING,                                                  200, 200, 200, 200, 200, 200),
            route(GET, EVENT, null, PUBLISHED,                                                        200, 200, 200, 200, 200, 200),
            route(GET, EVENT, null, DRAFT,                                                            404, 404, 404, 404, 200, 200),
            route(GET, EVENT, null, CANCELLED,                                                        200, 200, 200, 200, 200, 200),
            route(GET, EVENT, null, CANCELLED_DRAFT,                                                  404, 404, 404, 404, 200, 200),
            route(GET, EVENT, null, MISSING_EVENT,                                                    404, 404, 404, 404, 404, 404),
            route(GET, EVENT + "/sessions", null, PUBLISHED,                                          200, 200, 200, 200, 200, 200),
            route(GET, EVENT + "/sessions", null, DRAFT,                                              404, 404, 404, 404, 200, 200),
            route(GET, EVENT + "/sessions", null, CANCELLED_DRAFT,                                    404, 404, 404, 404, 200, 200),
            route(GET, EVENT + "/sessions/{session}", null, PUBLISHED,                                200, 200, 200, 200, 200, 200),
            route(GET, EVENT + "/sessions/{session}", null, DRAFT,                                    404, 404, 404, 404, 200, 200),
            route(GET, EVENT + "/programme", null, PUBLISHED,                                         200, 200, 200, 200, 200, 200),
            route(GET, EVENT + "/programme", null, DRAFT,                                             404, 404, 404, 404, 200, 200),
            route(GET, EVENT + "/programme", null, CANCELLED,                                         200, 200, 200, 200, 200, 200),
            route(GET, EVENT + "/programme", null, CANCELLED_DRAFT,                                   404, 404, 404, 404, 200, 200),
            route(GET, EVENT + "/programme.ics", null, PUBLISHED,                                     200, 200, 200, 200, 200, 200),
            route(GET, EVENT + "/programme.ics", null, DRAFT,                                         404, 404, 404, 404, 200, 200),
            route(GET, EVENT + "/programme/changes", null, PUBLISHED,                                 200, 200, 200, 200, 200, 200),
            route(GET, EVENT + "/programme/changes", null, DRAFT,                                     404, 404, 404, 404, 200, 200),
            // events: creating (for the organiser's own unit) and changing (the event's unit only)
            route(POST, "/api/events", NEW_EVENT, NOTHING,                                            401, 403, 403, 403, 201, 201),
            route(PATCH, EVENT, "{\"title\": \"Hội nghị sơ kết (sửa)\"}", PUBLISHED,                   401, 403, 403, 403, 200, 200),
            route(PATCH, EVENT, "{\"title\": \"Hội nghị sơ kết (sửa)\"}", DRAFT,                       401, 403, 403, 404, 200, 200),
            route(POST, EVENT + "/venues", "{\"name\": \"Trường TH Đồng Tâm\", \"kind\": \"HOST_SCHOOL\"}", PUBLISHED,
                                                                                                      401, 403, 403, 403, 201, 201),
            route(POST, EVENT + "/venues", "{\"name\": \"Trường TH Đồng Tâm\", \"kind\": \"HOST_SCHOOL\"}", DRAFT,
                                                                                                      401, 403, 403, 404, 201, 201),
            route(POST, EVENT + "/capacity", "{\"capacity\": 150}", PUBLISHED,                        401, 403, 403, 403, 200, 200),
            route(POST, EVENT + "/capacity", "{\"capacity\": 150}", DRAFT,                            401, 403, 403, 404, 200, 200),
            route(POST, EVENT + "/reschedule", "{\"startDate\": \"2026-10-26\", \"endDate\": \"2026-10-27\"}", PUBLISHED,
                                                                                                      401, 403, 403, 403, 200, 200),
            route(POST, EVENT + "/reschedule", "{\"startDate\": \"2026-10-26\", \"endDate\": \"2026-10-27\"}", DRAFT,
                                                                                                      401, 403, 403, 404, 200, 200),
            route(POST, EVENT + "/publish", null, DRAFT,                                              401, 403, 403, 404, 200, 200),
            route(POST, EVENT + "/publish", null, MISSING_EVENT,                                      401, 403, 403, 404, 404, 404),
            route(POST, EVENT + "/registration/open", null, PUBLISHED,                                401, 403, 403, 403, 200, 200),
            route(POST, EVENT + "/registration/close", null, REGISTRATION_OPEN,                       401, 403, 403, 403, 200, 200),
            route(POST, EVENT + "/start", null, PUBLISHED,                                            401, 403, 403, 403, 200, 200),
            route(POST, EVENT + "/complete", null, IN_PROGRESS,                                       401, 403, 403, 403, 200, 200),
            route(POST, EVENT + "/cancel", "{\"reason\": \"Bão số 3\"}", PUBLISHED,                   401, 403, 403, 403, 200, 200),
            route(POST, EVENT + "/cancel", "{\"reason\": \"Bão số 3\"}", DRAFT,                       401, 403, 403, 404, 200, 200),
            // sessions
            route(POST, EVENT + "/sessions", NEW_SESSION, PUBLISHED,                                  401, 403, 403, 403, 201, 201),
            route(POST, EVENT + "/sessions", NEW_SESSION, DRAFT,                                      401, 403, 403, 404, 201, 201),
            route(POST, EVENT + "/sessions", NEW_SESSION, MISSING_EVENT,                              401, 403, 403, 404, 404, 404),
            route(POST, EVENT + "/sessions/{session}/move", "{\"date\": \"2026-10-26\", \"start\": \"08:00\", \"end\": \"09:00\"}",
                    PUBLISHED,                                                                        401, 403, 403, 403, 200, 200),
            route(POST, EVENT + "/sessions/{session}/move", "{\"date\": \"2026-10-26\", \"start\": \"08:00\", \"end\": \"09:00\"}",
                    DRAFT,                                                                            401, 403, 403, 404, 200, 200),
            route(POST, EVENT + "/sessions/{session}/cancel", null, PUBLISHED,                        401, 403, 403, 403, 200, 200),
            route(POST, EVENT + "/sessions/{session}/cancel", null, DRAFT,                            401, 403, 403, 404, 200, 200),
            // programmes (chuyên đề): public reads; the unit that keeps one adds its phases and plans
            route(GET, "/api/events/programmes", null, NOTHING,                                       200, 200, 200, 200, 200, 200),
            route(GET, "/api/events/programmes/{programme}", null, PROGRAMME,                         200, 200, 200, 200, 200, 200),
            route(GET, "/api/events/programmes/{programme}", null, MISSING_PROGRAMME,                 404, 404, 404, 404, 404, 404),
            route(POST, "/api/events/programmes", "{\"name\": \"Chuyên đề mới\"}", NOTHING,           401, 403, 403, 201, 201, 201),
            route(POST, "/api/events/programmes/{programme}/phases",
                    "{\"name\": \"Giai đoạn 2026–2030\", \"fromYear\": 2026, \"toYear\": 2030}", PROGRAMME,
                                                                                                      401, 403, 403, 403, 200, 200),
            route(POST, "/api/events/programmes/{programme}/phases",
                    "{\"name\": \"Giai đoạn 2026–2030\", \"fromYear\": 2026, \"toYear\": 2030}", PROGRAMME_OF_ADMINS,
                                                                                                      401, 403, 403, 403, 403, 200),
            route(POST, "/api/events/programmes/{programme}/plans",
                    "{\"number\": \"88/KH-SGDĐT\", \"issuer\": \"Sở GD&ĐT Bắc Kạn\", \"issuedOn\": \"2026-09-01\"}", PROGRAMME,
                                                                                                      401, 403, 403, 403, 200, 200),
            route(POST, "/api/events/programmes/{programme}/plans",
                    "{\"number\": \"88/KH-SGDĐT\", \"issuer\": \"Sở GD&ĐT Bắc Kạn\", \"issuedOn\": \"2026-09-01\"}", PROGRAMME_OF_ADMINS,
                                                                                                      401, 403, 403, 403, 403, 200),
            route(POST, "/api/events/programmes/{programme}/plans",
                    "{\"number\": \"88/KH-SGDĐT\", \"issuer\": \"Sở GD&ĐT Bắc Kạn\", \"issuedOn\": \"2026-09-01\"}", MISSING_PROGRAMME,
                                                                                                      401, 403, 403, 404, 404, 404),
            // the directory of units: public reads; administrators manage every unit, an organiser the units
            // below her own (the organiser of the department manages the office of the other organiser, not the
            // department itself; the office's organiser manages its schools, and puts them nowhere else)
            route(GET, UNITS, null, NOTHING,                                                          200, 200, 200, 200, 200, 200),
            route(GET, A_UNIT, null, UNIT_DEPARTMENT,                                                 200, 200, 200, 200, 200, 200),
            route(GET, A_UNIT, null, UNIT_MISSING,                                                    404, 404, 404, 404, 404, 404),
            route(GET, A_UNIT + "/children", null, UNIT_DEPARTMENT,                                   200, 200, 200, 200, 200, 200),
            route(GET, A_UNIT + "/descendants", null, UNIT_DEPARTMENT,                                200, 200, 200, 200, 200, 200),
            route(POST, UNITS, "{\"officialName\": \"Trường Mầm non {tag}\", \"kind\": \"SCHOOL\", \"level\": \"SCHOOL\", \"parentId\": \"{office}\"}",
                    NOTHING,                                                                          401, 403, 403, 201, 201, 201),
            route(POST, UNITS, "{\"officialName\": \"Phòng GD&ĐT {tag}\", \"kind\": \"DISTRICT_OFFICE\", \"level\": \"DISTRICT\", \"parentId\": \"{department}\"}",
                    NOTHING,                                                                          401, 403, 403, 403, 201, 201),
            route(POST, UNITS, "{\"officialName\": \"Sở GD&ĐT {tag}\", \"kind\": \"DEPARTMENT\", \"level\": \"PROVINCE\"}",
                    NOTHING,                                                                          401, 403, 403, 403, 403, 201),
            route(POST, A_UNIT + "/rename", "{\"officialName\": \"" + UNIT + "\"}", UNIT_DEPARTMENT,   401, 403, 403, 403, 403, 200),
            route(POST, A_UNIT + "/rename", "{\"officialName\": \"Phòng GD&ĐT {tag} (mới)\"}", UNIT_OFFICE,
                                                                                                      401, 403, 403, 403, 200, 200),
            route(POST, A_UNIT + "/rename", "{\"officialName\": \"Trường Mầm non {tag} (mới)\"}", UNIT_SCHOOL,
                                                                                                      401, 403, 403, 200, 200, 200),
            route(POST, A_UNIT + "/rename", "{\"officialName\": \"Trường {tag}\"}", UNIT_MISSING,       401, 403, 403, 404, 404, 404),
            route(POST, A_UNIT + "/move", "{\"parentId\": \"{department}\"}", UNIT_SCHOOL,            401, 403, 403, 403, 200, 200),
            route(POST, A_UNIT + "/move", "{\"parentId\": \"{office}\"}", UNIT_MISSING,               401, 403, 403, 404, 404, 404),
            route(POST, UNITS + "/import", CSV_OF_A_SCHOOL, NOTHING,                                 401, 403, 403, 200, 200, 200));

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Route route : MATRIX) {
            for (Who who : Who.values()) {
                cases.add(new Case(route, who, route.expected()[who.ordinal()]));
            }
        }
        return cases.stream();
    }

    @Test
    void theMatrixCoversEveryRouteOfTheService() {
        List<String> routes = MATRIX.stream().map(r -> r.method() + " " + r.path()).distinct().toList();
        assertThat(routes).containsExactlyInAnyOrder(
                "GET /api/events", "POST /api/events", "GET " + EVENT, "PATCH " + EVENT,
                "POST " + EVENT + "/venues", "POST " + EVENT + "/capacity", "POST " + EVENT + "/reschedule",
                "POST " + EVENT + "/publish", "POST " + EVENT + "/registration/open", "POST " + EVENT + "/registration/close",
                "POST " + EVENT + "/start", "POST " + EVENT + "/complete", "POST " + EVENT + "/cancel",
                "GET " + EVENT + "/sessions", "POST " + EVENT + "/sessions", "GET " + EVENT + "/sessions/{session}",
                "POST " + EVENT + "/sessions/{session}/move", "POST " + EVENT + "/sessions/{session}/cancel",
                "GET " + EVENT + "/programme", "GET " + EVENT + "/programme.ics", "GET " + EVENT + "/programme/changes",
                "GET /api/events/programmes", "POST /api/events/programmes", "GET /api/events/programmes/{programme}",
                "POST /api/events/programmes/{programme}/phases", "POST /api/events/programmes/{programme}/plans",
                "GET " + UNITS, "POST " + UNITS, "GET " + A_UNIT, "GET " + A_UNIT + "/children", "GET " + A_UNIT + "/descendants",
                "POST " + A_UNIT + "/rename", "POST " + A_UNIT + "/move", "POST " + UNITS + "/import");
    }

    @TestFactory
    Stream<DynamicTest> eachCallerGetsWhatTheMatrixSays() {
        return AccessMatrix.tests(cases().toList(), this::check);
    }

    void check(Case c) {
        Given given = given(c.route().on());
        String path = given.fill(c.route().path());
        boolean stream = path.endsWith("/programme/changes");
        MediaType type = path.endsWith("/import") ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON;
        AccessMatrix.Call call = new AccessMatrix.Call(c.route().method(), path, c.who().authorization(), type,
                c.route().body() == null ? null : given.fill(c.route().body()), stream ? MediaType.TEXT_EVENT_STREAM : null);
        if (stream && c.expected() < 400) {
            // an endless stream: its answer is read up to its first event
            ServerSentEvent<String> first = AccessMatrix.exchange(http, call).expectStatus().isEqualTo(c.expected())
                    .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                    .getResponseBody().filter(sse -> sse.event() != null).blockFirst(Duration.ofSeconds(30));
            assertThat(first).isNotNull();
            assertThat(first.event()).isEqualTo("ready");
            return;
        }
        AccessMatrix.check(http, call, new AccessMatrix.Answer(c.expected(), AccessMatrix.defaultType(c.expected()), null));

        if (c.expected() >= 400) {
            if (given.unit() != null && c.route().method() != GET) {
                // the refused change left the unit as it was
                http.get().uri("/api/events/units/" + given.unit().id()).exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.version").isEqualTo((int) given.unit().version())
                        .jsonPath("$.officialName").isEqualTo(given.unit().officialName())
                        .jsonPath("$.parentId").isEqualTo(given.unit().parentId());
            }
            if (given.event() != null && c.route().method() != GET) {
                // the refused change left the event as it was
                http.get().uri("/api/events/" + given.event().id()).exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.version").isEqualTo((int) given.event().version())
                        .jsonPath("$.status").isEqualTo(given.event().status().name());
            }
        } else if (given.event() != null && c.route().method() != GET) {
            http.get().uri("/api/events/" + given.event().id()).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.version").isEqualTo((int) given.event().version() + 1);
        }
    }

    @Test
    void anExpiredOrForeignTokenIs401EvenOnAPublicRead() {
        EventView event = event(PUBLISHED);
        for (String bad : List.of(identity.expired(TestIdentity.organiser(UNIT)), identity.foreignIssuer(TestIdentity.admin()),
                identity.otherAudience(TestIdentity.admin()))) {
            for (String path : List.of("/api/events/" + event.id(), "/api/events/" + event.id() + "/publish")) {
                TestIdentity.anonymous(http).method(path.endsWith("publish") ? POST : GET).uri(path)
                        .header(HttpHeaders.AUTHORIZATION, bad).exchange()
                        .expectStatus().isUnauthorized()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/invalid-token");
            }
        }
    }

    // ---- drafts in lists, units, moving an event, the anonymous visitor's programme ------------------

    @Test
    void neverPublishedEventsAreListedOnlyForTheirManagers() {
        String tag = "x" + UUID.randomUUID().toString().substring(0, 8);
        String ownDraft = create(http, UNIT, tag);
        String othersDraft = create(http, OTHER_UNIT, tag);
        String published = create(http, UNIT, tag);
        admin("/api/events/" + published + "/publish");
        String cancelledDraft = create(http, UNIT, tag);
        admin("/api/events/" + cancelledDraft + "/cancel");
        String cancelled = create(http, OTHER_UNIT, tag);
        admin("/api/events/" + cancelled + "/publish");
        admin("/api/events/" + cancelled + "/cancel");

        Map<Who, Set<String>> sees = new EnumMap<>(Who.class);
        sees.put(Who.ANONYMOUS, Set.of(published, cancelled));
        sees.put(Who.DELEGATE, Set.of(published, cancelled));
        sees.put(Who.REVIEWER, Set.of(published, cancelled));
        sees.put(Who.OTHER_UNITS_ORGANISER, Set.of(published, cancelled, othersDraft));
        sees.put(Who.ORGANISER, Set.of(published, cancelled, ownDraft, cancelledDraft));
        sees.put(Who.ADMIN, Set.of(published, cancelled, ownDraft, othersDraft, cancelledDraft));
        sees.forEach((who, expected) -> {
            assertThat(listed(client(who), "q=" + tag)).as("%s lists", who).containsExactlyInAnyOrderElementsOf(expected);
            client(who).get().uri("/api/events?q=" + tag).exchange().expectBody().jsonPath("$.total").isEqualTo(expected.size());
        });
        // asking for drafts does not reveal them
        assertThat(listed(TestIdentity.anonymous(http), "status=DRAFT&q=" + tag)).isEmpty();
        assertThat(listed(client(Who.DELEGATE), "status=DRAFT&q=" + tag)).isEmpty();
        assertThat(listed(client(Who.ORGANISER), "status=DRAFT&q=" + tag)).containsExactly(ownDraft);
        // the unit is the token's unit id: the name it carries, however written, decides nothing
        WebTestClient namesake = identity.as(http, TestIdentity.organiser(UNIT, TestIdentity.unitId(OTHER_UNIT)));
        assertThat(listed(namesake, "status=DRAFT&q=" + tag)).containsExactly(othersDraft);
        namesake.get().uri("/api/events/" + ownDraft).exchange().expectStatus().isNotFound();
        WebTestClient shouting = identity.as(http, TestIdentity.organiser("SỞ GD & ĐT BẮC KẠN", TestIdentity.unitId(UNIT)));
        assertThat(listed(shouting, "status=DRAFT&q=" + tag)).containsExactly(ownDraft);
        shouting.get().uri("/api/events/" + ownDraft).exchange().expectStatus().isOk();
        shouting.post().uri("/api/events/" + ownDraft + "/publish").exchange().expectStatus().isOk();
        assertThat(listed(TestIdentity.anonymous(http), "q=" + tag)).contains(ownDraft);
    }

    @Test
    void anOrganiserCreatesEventsAndProgrammesOnlyForTheirOwnUnit() {
        String tag = "x" + UUID.randomUUID().toString().substring(0, 8);
        WebTestClient organiser = client(Who.ORGANISER);
        organiser.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(newEvent(OTHER_UNIT, tag))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/forbidden")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains(TestIdentity.unitId(UNIT), TestIdentity.unitId(OTHER_UNIT)));
        identity.as(http, TestIdentity.person("no.unit@hoithao.test", "Không đơn vị", null, Role.ORGANISER))
                .post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(newEvent(UNIT, tag))
                .exchange().expectStatus().isForbidden();
        assertThat(listed(http, "q=" + tag)).isEmpty();
        // the unit is the token's unit id, whatever name the token shows; the answer shows the directory's name
        String created = create(identity.as(http, TestIdentity.organiser("so gd&dt bac kan", TestIdentity.unitId(UNIT))), UNIT, tag);
        http.get().uri("/api/events/" + created).exchange().expectBody().jsonPath("$.organiserUnit").isEqualTo(UNIT)
                .jsonPath("$.organiserUnitId").isEqualTo(TestIdentity.unitId(UNIT));
        // an organiser who names no unit creates for her own; an administrator must name one
        String own = organiser.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(newEvent(UNIT, tag).replace("\"organiserUnitId\": \"" + TestIdentity.unitId(UNIT) + "\",", ""))
                .exchange().expectStatus().isCreated().expectBody(EventView.class).returnResult().getResponseBody().id();
        http.get().uri("/api/events/" + own).exchange().expectBody().jsonPath("$.organiserUnitId").isEqualTo(TestIdentity.unitId(UNIT));
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(newEvent(UNIT, tag).replace("\"organiserUnitId\": \"" + TestIdentity.unitId(UNIT) + "\",", ""))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("organiserUnitId");
        // an administrator's older client may still name the unit by its exact official name (one unit has it);
        // a folded spelling is no unit, and an organiser's unit never comes from a name
        String withoutId = newEvent(UNIT, tag).replace("\"organiserUnitId\": \"" + TestIdentity.unitId(UNIT) + "\",", "");
        String named = http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(withoutId.replaceFirst("\\{", "{\"organiserUnit\": \"" + UNIT + "\", "))
                .exchange().expectStatus().isCreated().expectBody(EventView.class).returnResult().getResponseBody().id();
        http.get().uri("/api/events/" + named).exchange().expectBody().jsonPath("$.organiserUnitId").isEqualTo(TestIdentity.unitId(UNIT));
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(withoutId.replaceFirst("\\{", "{\"organiserUnit\": \"so gd&dt bac kan\", "))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("organiserUnitId");
        String hers = organiser.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(withoutId.replaceFirst("\\{", "{\"organiserUnit\": \"" + OTHER_UNIT + "\", "))
                .exchange().expectStatus().isCreated().expectBody(EventView.class).returnResult().getResponseBody().id();
        http.get().uri("/api/events/" + hers).exchange().expectBody().jsonPath("$.organiserUnitId").isEqualTo(TestIdentity.unitId(UNIT));
        // a name where the id goes is no unit
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(newEvent(UNIT, tag).replace(TestIdentity.unitId(UNIT), UNIT))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("organiserUnitId");

        organiser.post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Chuyên đề " + tag, "organiserUnitId", TestIdentity.unitId(OTHER_UNIT)))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String programme = programme(organiser);
        http.get().uri("/api/events/programmes/" + programme).exchange().expectBody().jsonPath("$.organiserUnit").isEqualTo(UNIT);
        String admins = programme(http);
        http.get().uri("/api/events/programmes/" + admins).exchange().expectBody().jsonPath("$.organiserUnit").doesNotExist();

        // an event joins a programme its creator's unit keeps, or one of a unit above it (any, for an administrator)
        String department = programme(identity.as(http, TestIdentity.organiser(UNIT)));
        String office = programme(client(Who.OTHER_UNITS_ORGANISER));
        directory(); // the office below the department
        organiser.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(inProgramme(newEvent(UNIT, tag), office))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/forbidden");
        organiser.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(inProgramme(newEvent(UNIT, tag), admins))
                .exchange().expectStatus().isForbidden();
        assertThat(listed(http, "programmeId=" + programme)).isEmpty();
        assertThat(listed(http, "programmeId=" + office)).isEmpty();
        organiser.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(inProgramme(newEvent(UNIT, tag), programme))
                .exchange().expectStatus().isCreated();
        client(Who.OTHER_UNITS_ORGANISER).post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(inProgramme(newEvent(OTHER_UNIT, tag), department))
                .exchange().expectStatus().isCreated();
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(inProgramme(newEvent(OTHER_UNIT, tag), admins))
                .exchange().expectStatus().isCreated();
        assertThat(listed(http, "programmeId=" + programme)).hasSize(1);
        assertThat(listed(http, "programmeId=" + department)).hasSize(1);
    }

    // ---- the programmes of the units above: a school's event in its district office's programme ----------

    /**
     * Where a caller stands in a small directory made for these rows: a city department, below it the
     * district office of Long Biên with a school, and a sibling district office (Cầu Giấy) with its school;
     * a unit the directory does not have; an administrator. A programme's keeper is one of these too.
     */
    enum Place {
        DEPARTMENT, LONG_BIEN, LONG_BIEN_SCHOOL, CAU_GIAY, CAU_GIAY_SCHOOL, NOT_IN_DIRECTORY, ADMIN;

        /** The unit's official name (for {@link #ADMIN}: null, as the caller; the administrators, as a keeper). */
        String unit() {
            return switch (this) {
                case DEPARTMENT -> "Sở GD&ĐT Hà Nội " + HIERARCHY_TAG;
                case LONG_BIEN -> "Phòng GD&ĐT quận Long Biên " + HIERARCHY_TAG;
                case LONG_BIEN_SCHOOL -> "Trường Mầm non Hoa Sữa " + HIERARCHY_TAG;
                case CAU_GIAY -> "Phòng GD&ĐT quận Cầu Giấy " + HIERARCHY_TAG;
                case CAU_GIAY_SCHOOL -> "Trường Mầm non Dịch Vọng " + HIERARCHY_TAG;
                case NOT_IN_DIRECTORY -> "Trường Mầm non Ngoài Danh Bạ " + HIERARCHY_TAG;
                case ADMIN -> null;
            };
        }
    }

    static final String HIERARCHY_TAG = UUID.randomUUID().toString().substring(0, 8);
    static final String BELOW = "is not below it in the directory";

    record Joining(Place caller, Place keeper, int expected, String detail) {
        @Override
        public String toString() {
            return caller + " adds its event to the programme of " + keeper + " → " + expected;
        }
    }

    /** Each row twice: the event created in the programme, and an event of the unit put in it afterwards (PATCH). */
    static Stream<Joining> joinings() {
        return Stream.of(
                new Joining(Place.LONG_BIEN_SCHOOL, Place.LONG_BIEN, 201, null),      // the Long Biên school, plan 35/KH-PGD&ĐT
                new Joining(Place.LONG_BIEN_SCHOOL, Place.DEPARTMENT, 201, null),     // any unit above, not only the parent
                new Joining(Place.LONG_BIEN, Place.DEPARTMENT, 201, null),
                new Joining(Place.LONG_BIEN, Place.LONG_BIEN, 201, null),             // the keeper, as before
                new Joining(Place.ADMIN, Place.LONG_BIEN, 201, null),
                new Joining(Place.CAU_GIAY_SCHOOL, Place.LONG_BIEN, 403, BELOW),      // a sibling district's school
                new Joining(Place.CAU_GIAY, Place.LONG_BIEN, 403, BELOW),
                new Joining(Place.LONG_BIEN_SCHOOL, Place.CAU_GIAY, 403, BELOW),
                new Joining(Place.DEPARTMENT, Place.LONG_BIEN, 403, BELOW),           // above is not below
                new Joining(Place.LONG_BIEN_SCHOOL, Place.ADMIN, 403, "kept by the administrators"));
    }

    /** Made once for the class, by an administrator: the units of {@link Place} but the one not in the directory. */
    private static final Map<Place, String> places = new EnumMap<>(Place.class);
    private static final Map<Place, String> programmes = new EnumMap<>(Place.class);

    void hierarchy() {
        if (places.isEmpty()) {
            String city = Units.create(http, Place.DEPARTMENT.unit(), "DEPARTMENT", "PROVINCE", null);
            String longBien = Units.create(http, Place.LONG_BIEN.unit(), "DISTRICT_OFFICE", "DISTRICT", city);
            String longBienSchool = Units.create(http, Place.LONG_BIEN_SCHOOL.unit(), "SCHOOL", "SCHOOL", longBien);
            String cauGiay = Units.create(http, Place.CAU_GIAY.unit(), "DISTRICT_OFFICE", "DISTRICT", city);
            String cauGiaySchool = Units.create(http, Place.CAU_GIAY_SCHOOL.unit(), "SCHOOL", "SCHOOL", cauGiay);
            places.put(Place.NOT_IN_DIRECTORY, "not-in-directory-" + HIERARCHY_TAG);
            places.put(Place.CAU_GIAY_SCHOOL, cauGiaySchool);
            places.put(Place.CAU_GIAY, cauGiay);
            places.put(Place.LONG_BIEN_SCHOOL, longBienSchool);
            places.put(Place.LONG_BIEN, longBien);
            places.put(Place.DEPARTMENT, city);
        }
    }

    /** The place's unit id in the directory (null for {@link Place#ADMIN}). */
    String id(Place place) {
        hierarchy();
        return places.get(place);
    }

    WebTestClient at(Place place) {
        return place == Place.ADMIN ? identity.as(http, TestIdentity.admin())
                : identity.as(http, TestIdentity.organiser(place.unit(), id(place)));
    }

    /** The programme the place keeps, made by its organiser (by an administrator for {@link Place#ADMIN}: kept by none). */
    String programmeOf(Place keeper) {
        hierarchy();
        return programmes.computeIfAbsent(keeper, place -> {
            String id = programme(at(place));
            String issuer = place.unit() == null ? "Bộ GD&ĐT" : place.unit();
            at(place).post().uri("/api/events/programmes/" + id + "/plans").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("number", "35/KH-PGD&ĐT", "issuer", issuer, "issuedOn", "2026-09-15", "level", "DISTRICT"))
                    .exchange().expectStatus().isOk();
            return id;
        });
    }

    /** A thematic session (sinh hoạt chuyên đề) of the unit, in the programme if one is given. */
    Map<String, Object> thematicSession(Place place, String tag, String programmeId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "title", "Sinh hoạt chuyên đề Xây dựng trường mầm non lấy trẻ làm trung tâm " + tag,
                "kind", "THEMATIC_SESSION", "level", "SCHOOL", "organiserUnitId", id(place),
                "startDate", "2026-11-12", "endDate", "2026-11-12", "capacity", 40));
        if (programmeId != null) {
            body.put("programmeId", programmeId);
        }
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("joinings")
    void anOrganiserAddsHerUnitsEventsToTheProgrammesOfTheUnitsAboveHers(Joining row) {
        String programme = programmeOf(row.keeper());
        WebTestClient caller = at(row.caller());
        Place unit = row.caller() == Place.ADMIN ? Place.LONG_BIEN_SCHOOL : row.caller();
        String tag = "j" + UUID.randomUUID().toString().substring(0, 8);

        // created in the programme
        WebTestClient.ResponseSpec created = caller.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(thematicSession(unit, tag, programme)).exchange();
        if (row.expected() == 201) {
            String id = created.expectStatus().isCreated().expectBody(EventView.class).returnResult().getResponseBody().id();
            assertThat(listed(http, "programmeId=" + programme)).contains(id);
        } else {
            refused(created, row.detail());
            assertThat(listed(http, "q=" + tag)).isEmpty();
        }

        // created outside it, then put in it
        String id = caller.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(thematicSession(unit, tag + "b", null)).exchange().expectStatus().isCreated()
                .expectBody(EventView.class).returnResult().getResponseBody().id();
        WebTestClient.ResponseSpec joined = caller.patch().uri("/api/events/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programmeId", programme)).exchange();
        if (row.expected() == 201) {
            joined.expectStatus().isOk().expectBody().jsonPath("$.programmeId").isEqualTo(programme);
            assertThat(listed(http, "programmeId=" + programme)).contains(id);
        } else {
            refused(joined, row.detail());
            http.get().uri("/api/events/" + id).exchange().expectBody().jsonPath("$.programmeId").doesNotExist();
        }
    }

    private static void refused(WebTestClient.ResponseSpec answer, String detail) {
        answer.expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/forbidden")
                .jsonPath("$.detail").value(String.class, text -> assertThat(text).contains(detail));
    }

    @Test
    void theSchoolTakesItsEventOutOfTheDistrictsProgrammeWhichItsKeeperStillKeeps() {
        String programme = programmeOf(Place.LONG_BIEN);
        WebTestClient school = at(Place.LONG_BIEN_SCHOOL);
        WebTestClient district = at(Place.LONG_BIEN);
        String tag = "k" + UUID.randomUUID().toString().substring(0, 8);
        String id = school.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(thematicSession(Place.LONG_BIEN_SCHOOL, tag, programme)).exchange()
                .expectStatus().isCreated().expectBody(EventView.class).returnResult().getResponseBody().id();
        http.post().uri("/api/events/" + id + "/publish").exchange().expectStatus().isOk();

        // the programme's keeper keeps the programme, not the school's event: she cannot take it out
        district.patch().uri("/api/events/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("programmeId", ""))
                .exchange().expectStatus().isForbidden();
        assertThat(listed(http, "programmeId=" + programme)).contains(id);
        // the school takes its own event out
        school.patch().uri("/api/events/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("programmeId", ""))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.programmeId").doesNotExist();
        assertThat(listed(http, "programmeId=" + programme)).doesNotContain(id);

        // adding to an event's programme does not make one a keeper of the programme: its plans and phases stay the district's
        String plan = "{\"number\": \"%s/KH-MNHS\", \"issuer\": \"Trường Mầm non Hoa Sữa\", \"issuedOn\": \"2026-10-01\", \"level\": \"SCHOOL\"}";
        for (Place other : List.of(Place.LONG_BIEN_SCHOOL, Place.DEPARTMENT, Place.CAU_GIAY)) {
            at(other).post().uri("/api/events/programmes/" + programme + "/plans").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(plan.formatted(tag)).exchange().expectStatus().isForbidden()
                    .expectBody().jsonPath("$.detail").value(String.class, text -> assertThat(text).contains(Place.LONG_BIEN.unit()));
            at(other).post().uri("/api/events/programmes/" + programme + "/phases").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Giai đoạn " + tag, "fromYear", 2026, "toYear", 2030)).exchange().expectStatus().isForbidden();
        }
        district.post().uri("/api/events/programmes/" + programme + "/plans").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan.formatted(tag)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.plans[1].number").isEqualTo(tag + "/KH-MNHS");
        district.post().uri("/api/events/programmes/" + programme + "/phases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Giai đoạn " + tag, "fromYear", 2026, "toYear", 2030)).exchange().expectStatus().isOk();
    }

    /**
     * An organiser acts for her own unit's events only (docs/decisions.md, "Organisers act for their own unit only"):
     * the department above a district office, and the district office above a school, manage none of their events.
     */
    @Test
    void theUnitsAboveAUnitDoNotManageItsEvents() {
        hierarchy();
        String tag = "h" + UUID.randomUUID().toString().substring(0, 8);
        String district = at(Place.LONG_BIEN).post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(thematicSession(Place.LONG_BIEN, tag, null)).exchange().expectStatus().isCreated()
                .expectBody(EventView.class).returnResult().getResponseBody().id();
        String school = at(Place.LONG_BIEN_SCHOOL).post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(thematicSession(Place.LONG_BIEN_SCHOOL, tag + "s", null)).exchange().expectStatus().isCreated()
                .expectBody(EventView.class).returnResult().getResponseBody().id();
        // their drafts are not even visible above them
        at(Place.DEPARTMENT).post().uri("/api/events/" + district + "/publish").exchange().expectStatus().isNotFound();
        at(Place.LONG_BIEN).post().uri("/api/events/" + school + "/publish").exchange().expectStatus().isNotFound();
        at(Place.LONG_BIEN).post().uri("/api/events/" + district + "/publish").exchange().expectStatus().isOk();
        at(Place.LONG_BIEN_SCHOOL).post().uri("/api/events/" + school + "/publish").exchange().expectStatus().isOk();
        for (String[] above : List.of(new String[] {district, Place.DEPARTMENT.name()}, new String[] {school, Place.LONG_BIEN.name()},
                new String[] {school, Place.DEPARTMENT.name()})) {
            WebTestClient caller = at(Place.valueOf(above[1]));
            caller.post().uri("/api/events/" + above[0] + "/registration/open").exchange().expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            caller.patch().uri("/api/events/" + above[0]).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("title", "Đổi tên " + tag)).exchange().expectStatus().isForbidden();
            // nor may she create an event in the name of a unit below hers
            caller.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(thematicSession(Place.LONG_BIEN_SCHOOL, tag + "x", null)).exchange().expectStatus().isForbidden();
        }
        at(Place.LONG_BIEN).post().uri("/api/events/" + district + "/registration/open").exchange().expectStatus().isOk();
        at(Place.LONG_BIEN_SCHOOL).post().uri("/api/events/" + school + "/registration/open").exchange().expectStatus().isOk();
    }

    private static String inProgramme(String event, String programmeId) {
        return event.replaceFirst("\\{", "{\"programmeId\": \"" + programmeId + "\", ");
    }

    @Test
    void onlyAnAdministratorMovesAnEventToAnotherUnit() {
        EventView event = event(PUBLISHED);
        String path = "/api/events/" + event.id();
        WebTestClient organiser = client(Who.ORGANISER);
        WebTestClient othersOrganiser = client(Who.OTHER_UNITS_ORGANISER);
        String other = TestIdentity.unitId(OTHER_UNIT);

        organiser.patch().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("organiserUnitId", other))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/forbidden");
        organiser.patch().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Đổi tên", "organiserUnitId", other))
                .exchange().expectStatus().isForbidden();
        http.get().uri(path).exchange().expectBody()
                .jsonPath("$.organiserUnit").isEqualTo(UNIT)
                .jsonPath("$.organiserUnitId").isEqualTo(TestIdentity.unitId(UNIT))
                .jsonPath("$.title").isEqualTo(event.title())
                .jsonPath("$.version").isEqualTo((int) event.version());
        // naming the event's own unit is not a move; a name in the former field moves nothing
        organiser.patch().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organiserUnitId", TestIdentity.unitId(UNIT), "organiserUnit", OTHER_UNIT))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.organiserUnitId").isEqualTo(TestIdentity.unitId(UNIT))
                .jsonPath("$.organiserUnit").isEqualTo(UNIT);

        // once published, the other services know the event by its unit: not even an administrator moves it
        http.patch().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("organiserUnitId", other))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/event-not-editable");
        http.get().uri(path).exchange().expectBody().jsonPath("$.organiserUnitId").isEqualTo(TestIdentity.unitId(UNIT));

        // a draft moved away by an administrator belongs to the other unit, and is no longer there for its former one
        EventView draft = event(DRAFT);
        String draftPath = "/api/events/" + draft.id();
        http.patch().uri(draftPath).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organiserUnitId", "no-such-unit")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("organiserUnitId");
        http.patch().uri(draftPath).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organiserUnitId", other)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.organiserUnit").isEqualTo(OTHER_UNIT);
        organiser.get().uri(draftPath).exchange().expectStatus().isNotFound();
        othersOrganiser.get().uri(draftPath).exchange().expectStatus().isOk();
        organiser.post().uri(draftPath + "/capacity").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("capacity", 90))
                .exchange().expectStatus().isNotFound();
        othersOrganiser.post().uri(draftPath + "/capacity").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("capacity", 90))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.capacity").isEqualTo(90);
    }

    // ---- units by id: the hierarchy, namesakes, renames ------------------------------------------------

    record Managing(Place caller, Place owner, String action, int expected) {
        @Override
        public String toString() {
            return caller + " " + action + " an event of " + owner + " → " + expected;
        }
    }

    /**
     * The matrix's unit-hierarchy rows: every place of the small directory against the events of the department,
     * a district office and its school. Only the event's own unit's organisers (and administrators) see its draft
     * and change it; a unit above, below or beside it is another unit (docs/decisions.md, "Organisers act for their
     * own unit only").
     */
    static Stream<Managing> managings() {
        List<Managing> rows = new ArrayList<>();
        for (Place owner : List.of(Place.DEPARTMENT, Place.LONG_BIEN, Place.LONG_BIEN_SCHOOL)) {
            for (Place caller : Place.values()) {
                boolean manages = caller == owner || caller == Place.ADMIN;
                rows.add(new Managing(caller, owner, "reads the draft of", manages ? 200 : 404));
                rows.add(new Managing(caller, owner, "renames", manages ? 200 : 403));
                rows.add(new Managing(caller, owner, "adds a venue to", manages ? 201 : 403));
                rows.add(new Managing(caller, owner, "opens registration for", manages ? 200 : 403));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managings")
    void onlyTheEventsOwnUnitManagesItWhereverTheCallerStandsInTheDirectory(Managing row) {
        String tag = "m" + UUID.randomUUID().toString().substring(0, 8);
        String id = http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(thematicSession(row.owner(), tag, null)).exchange().expectStatus().isCreated()
                .expectBody(EventView.class).returnResult().getResponseBody().id();
        if (!row.action().equals("reads the draft of")) {
            http.post().uri("/api/events/" + id + "/publish").exchange().expectStatus().isOk();
        }
        WebTestClient caller = at(row.caller());
        WebTestClient.ResponseSpec answer = switch (row.action()) {
            case "reads the draft of" -> caller.get().uri("/api/events/" + id).exchange();
            case "renames" -> caller.patch().uri("/api/events/" + id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("title", "Đổi tên " + tag)).exchange();
            case "adds a venue to" -> caller.post().uri("/api/events/" + id + "/venues").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Trường TH " + tag, "kind", "HOST_SCHOOL")).exchange();
            default -> caller.post().uri("/api/events/" + id + "/registration/open").exchange();
        };
        answer.expectStatus().isEqualTo(row.expected());
        if (row.expected() >= 400) {
            answer.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    /**
     * "Tân Hòa" and "Tân Hóa" fold to the same words but are two units of the directory: the organiser of one
     * neither sees nor changes the other's events, and the events list's organiser filter tells them apart, even
     * when her token shows the other unit's exact name.
     */
    @Test
    void twoUnitsWhoseNamesFoldAlikeAreTwoUnitsForOrganisers() {
        hierarchy();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String hoaName = "Trường Mầm non Tân Hòa " + tag;
        String hoName = "Trường Mầm non Tân Hóa " + tag;
        String hoa = Units.create(http, hoaName, "SCHOOL", "SCHOOL", id(Place.LONG_BIEN));
        String ho = Units.create(http, hoName, "SCHOOL", "SCHOOL", id(Place.LONG_BIEN));
        WebTestClient ofHoa = identity.as(http, TestIdentity.organiser(hoaName, hoa));
        WebTestClient ofHo = identity.as(http, TestIdentity.organiser(hoName, ho));
        WebTestClient ofHoNamedHoa = identity.as(http, TestIdentity.organiser(hoaName, ho));

        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("title", "Sinh hoạt chuyên đề " + tag,
                "kind", "THEMATIC_SESSION", "level", "SCHOOL", "startDate", "2026-11-12", "endDate", "2026-11-12", "capacity", 40));
        String draft = ofHoa.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(EventView.class).returnResult().getResponseBody().id();
        String published = ofHoa.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(EventView.class).returnResult().getResponseBody().id();
        ofHoa.post().uri("/api/events/" + published + "/publish").exchange().expectStatus().isOk();
        http.get().uri("/api/events/" + draft).exchange().expectBody()
                .jsonPath("$.organiserUnitId").isEqualTo(hoa).jsonPath("$.organiserUnit").isEqualTo(hoaName);

        for (WebTestClient other : List.of(ofHo, ofHoNamedHoa)) {
            other.get().uri("/api/events/" + draft).exchange().expectStatus().isNotFound();
            other.patch().uri("/api/events/" + published).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("title", "Đổi tên")).exchange().expectStatus().isForbidden();
            other.post().uri("/api/events/" + published + "/venues").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Hội trường", "kind", "HALL")).exchange().expectStatus().isForbidden();
            other.post().uri("/api/events/" + published + "/start").exchange().expectStatus().isForbidden();
            // nor does she create events for it
            other.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("title", "x", "kind", "THEMATIC_SESSION", "level", "SCHOOL", "organiserUnitId", hoa,
                            "startDate", "2026-11-12", "endDate", "2026-11-12", "capacity", 40))
                    .exchange().expectStatus().isForbidden();
            assertThat(listed(other, "q=" + tag)).containsExactly(published);
        }
        http.get().uri("/api/events/" + published).exchange().expectBody().jsonPath("$.title").isEqualTo("Sinh hoạt chuyên đề " + tag);
        assertThat(listed(http, "organiser=" + hoa)).containsExactlyInAnyOrder(draft, published);
        assertThat(listed(http, "organiser=" + ho)).isEmpty();
        assertThat(listed(http, "organiser=" + hoaName.replace(" ", "%20"))).isEmpty();
        ofHoa.patch().uri("/api/events/" + published).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Đổi tên " + tag)).exchange().expectStatus().isOk();
    }

    /**
     * A rename of the unit in the directory shows in the events' and programmes' answers and search at once, and
     * its organisers, whose tokens still show the old name until they sign in again, keep their rights.
     */
    @Test
    void aRenameShowsInTheAnswersAndKeepsTheOrganisersRights() {
        hierarchy();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String before = "Trường Mầm non Ánh Dương " + tag;
        String after = "Trường Mầm non Sao Mai " + tag;
        String unit = Units.create(http, before, "SCHOOL", "SCHOOL", id(Place.CAU_GIAY));
        WebTestClient organiser = identity.as(http, TestIdentity.organiser(before, unit));
        String event = organiser.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Sinh hoạt chuyên đề " + tag, "kind", "THEMATIC_SESSION", "level", "SCHOOL",
                        "startDate", "2026-11-12", "endDate", "2026-11-12", "capacity", 40))
                .exchange().expectStatus().isCreated().expectBody(EventView.class).returnResult().getResponseBody().id();
        String programme = programme(organiser);

        at(Place.CAU_GIAY).post().uri("/api/events/units/" + unit + "/rename").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("officialName", after)).exchange().expectStatus().isOk();

        http.get().uri("/api/events/" + event).exchange().expectBody()
                .jsonPath("$.organiserUnit").isEqualTo(after).jsonPath("$.organiserUnitId").isEqualTo(unit);
        http.get().uri("/api/events/programmes/" + programme).exchange().expectBody().jsonPath("$.organiserUnit").isEqualTo(after);
        assertThat(listed(http, "q=sao mai " + tag)).containsExactly(event);
        assertThat(listed(http, "q=anh duong " + tag)).isEmpty();
        // her token still shows the old name: the same unit id, the same rights
        organiser.post().uri("/api/events/" + event + "/publish").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.organiserUnit").isEqualTo(after);
        organiser.patch().uri("/api/events/" + event).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Sinh hoạt chuyên đề (sửa) " + tag)).exchange().expectStatus().isOk();
        organiser.post().uri("/api/events/programmes/" + programme + "/phases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Giai đoạn " + tag, "fromYear", 2026, "toYear", 2030)).exchange().expectStatus().isOk();
    }

    @Test
    void anAnonymousVisitorFollowsAPublishedProgrammeLiveAndAsACalendar() throws Exception {
        EventView event = event(PUBLISHED);
        WebTestClient visitor = TestIdentity.anonymous(http);
        Flux<ServerSentEvent<String>> stream = visitor.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/api/events/" + event.id() + "/programme/changes").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody()
                .filter(sse -> sse.event() != null);
        SessionView[] closing = new SessionView[1];
        StepVerifier.create(stream)
                .expectNextMatches(sse -> "ready".equals(sse.event()) && sse.data().contains(event.id()))
                .then(() -> closing[0] = Fixtures.scheduled(client(Who.ORGANISER), event.id(),
                        Fixtures.session("CLOSING", "Bế mạc", "2026-10-26", "16:00", "16:30", Fixtures.hall(event).id())))
                .expectNextMatches(sse -> "programme-change".equals(sse.event()) && sse.data().contains("\"SessionScheduled\""))
                .thenCancel()
                .verify(Duration.ofSeconds(60));

        String ics = visitor.get().uri("/api/events/" + event.id() + "/programme.ics").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody();
        List<VEvent> vevents = new CalendarBuilder().build(new StringReader(ics)).getComponents(Component.VEVENT);
        assertThat(vevents).hasSize(2);
        assertThat(vevents).extracting(v -> v.getRequiredProperty(Property.UID).getValue())
                .contains(closing[0].id() + "@events.hoithao.io");
        visitor.get().uri("/api/events/" + event.id() + "/programme").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.days.length()").isEqualTo(2)
                .jsonPath("$.days[1].sessions[0].session.title").isEqualTo("Bế mạc");
    }

    static String newEvent(String unit, String tag) {
        return Fixtures.conference(unit).replace("tổ chức tại huyện Chợ Mới", "tổ chức tại huyện Chợ Mới " + tag);
    }

    static String create(WebTestClient as, String unit, String tag) {
        return as.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(newEvent(unit, tag))
                .exchange().expectStatus().isCreated()
                .expectBody(EventView.class).returnResult().getResponseBody().id();
    }

    void admin(String path) {
        http.post().uri(path).exchange().expectStatus().isOk();
    }

    static List<String> listed(WebTestClient as, String query) {
        return as.get().uri("/api/events?size=200&" + query).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody()
                .entrySet().stream().filter(e -> e.getKey().equals("items"))
                .flatMap(e -> ((List<?>) e.getValue()).stream())
                .map(item -> (String) ((Map<?, ?>) item).get("id"))
                .toList();
    }

    // ---- the objects a case works on ------------------------------------------------------------

    /**
     * The ids to put in a route's path and body; {@code event} and {@code unit} as they were before the call
     * (null if none); the directory's department and office; a tag that makes names new.
     */
    record Given(EventView event, String eventId, String sessionId, String venueId, String programmeId, UnitView unit,
                 String unitId, Directory directory, String tag) {
        Given(EventView event, String eventId, String sessionId, String venueId, String programmeId) {
            this(event, eventId, sessionId, venueId, programmeId, null, "no-such-unit", null, null);
        }

        String fill(String text) {
            return text.replace("{event}", eventId).replace("{session}", sessionId).replace("{venue}", venueId)
                    .replace("{programme}", programmeId).replace("{unit}", unitId)
                    .replace("{department}", directory == null ? "-" : directory.department())
                    .replace("{office}", directory == null ? "-" : directory.office())
                    .replace("{tag}", tag == null ? "-" : tag);
        }
    }

    /** The units of the directory the organisers' tokens name: the department {@link #UNIT} and, below it, the office {@link #OTHER_UNIT}. */
    record Directory(String department, String office) {
    }

    /** Made once for the class (its context, and so its database, is the same for every case). */
    private static Directory directory;

    Directory directory() {
        if (directory == null) {
            String department = Units.ensure(http, UNIT, "DEPARTMENT", "PROVINCE", null);
            directory = new Directory(department, Units.ensure(http, OTHER_UNIT, "DISTRICT_OFFICE", "DISTRICT", department));
        }
        return directory;
    }

    UnitView unit(String id) {
        return http.get().uri("/api/events/units/" + id).exchange().expectStatus().isOk()
                .expectBody(UnitView.class).returnResult().getResponseBody();
    }

    Given given(On on) {
        Directory directory = directory();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return switch (on) {
            case NOTHING -> new Given(null, "no-such-event", "no-such-session", "no-such-venue", "no-such-programme", null,
                    "no-such-unit", directory, tag);
            case UNIT_MISSING -> new Given(null, "-", "-", "-", "-", null, "no-such-unit", directory, tag);
            case UNIT_DEPARTMENT -> new Given(null, "-", "-", "-", "-", unit(directory.department()), directory.department(), directory, tag);
            case UNIT_OFFICE -> {
                String office = Units.create(http, "Phòng GD&ĐT " + tag, "DISTRICT_OFFICE", "DISTRICT", directory.department());
                yield new Given(null, "-", "-", "-", "-", unit(office), office, directory, tag);
            }
            case UNIT_SCHOOL -> {
                String school = Units.create(http, "Trường Mầm non " + tag, "SCHOOL", "SCHOOL", directory.office());
                yield new Given(null, "-", "-", "-", "-", unit(school), school, directory, tag);
            }
            case MISSING_EVENT, MISSING_PROGRAMME ->
                    new Given(null, "no-such-event", "no-such-session", "no-such-venue", "no-such-programme");
            case PROGRAMME -> new Given(null, "-", "-", "-", programme(client(Who.ORGANISER)));
            case PROGRAMME_OF_ADMINS -> new Given(null, "-", "-", "-", programme(http));
            case DRAFT, PUBLISHED, REGISTRATION_OPEN, IN_PROGRESS, CANCELLED, CANCELLED_DRAFT -> {
                EventView event = event(on);
                SessionView session = http.get().uri("/api/events/" + event.id() + "/sessions").exchange()
                        .expectStatus().isOk().expectBodyList(SessionView.class).returnResult().getResponseBody().get(0);
                yield new Given(event, event.id(), session.id(), Fixtures.hall(event).id(), "-");
            }
        };
    }

    /** An event of {@link #UNIT} with one session, brought to the state by an administrator. */
    EventView event(On state) {
        EventView event = Fixtures.createConference(http, UNIT);
        Fixtures.scheduled(http, event.id(), Fixtures.session("OPENING", "Khai mạc", "2026-10-25", "07:30", "08:00",
                Fixtures.hall(event).id()));
        List<String> steps = switch (state) {
            case DRAFT -> List.of();
            case PUBLISHED -> List.of("/publish");
            case REGISTRATION_OPEN -> List.of("/publish", "/registration/open");
            case IN_PROGRESS -> List.of("/publish", "/start");
            case CANCELLED -> List.of("/publish", "/cancel");
            case CANCELLED_DRAFT -> List.of("/cancel");
            default -> throw new IllegalArgumentException(state.name());
        };
        steps.forEach(step -> http.post().uri("/api/events/" + event.id() + step).exchange().expectStatus().isOk());
        return http.get().uri("/api/events/" + event.id()).exchange().expectStatus().isOk()
                .expectBody(EventView.class).returnResult().getResponseBody();
    }

    static String programme(WebTestClient as) {
        return as.post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Xây dựng trường mầm non lấy trẻ làm trung tâm"))
                .exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseHeaders().getLocation().getPath()
                .substring("/api/events/programmes/".length());
    }

    WebTestClient client(Who who) {
        return who == Who.ANONYMOUS ? TestIdentity.anonymous(http) : identity.as(http, who.caller());
    }
}
