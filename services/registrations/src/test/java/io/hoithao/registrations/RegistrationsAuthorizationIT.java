package io.hoithao.registrations;

import static io.hoithao.platform.testing.AccessMatrix.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.testing.AccessMatrix;
import io.hoithao.platform.testing.AccessMatrix.Row;
import io.hoithao.platform.testing.AccessMatrix.Who;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Placeholders;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.registrations.event.OpenEvent;
import io.hoithao.registrations.registration.Registration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may call what, route by route: the role × endpoint matrix of the registrations service. Each row is one
 * request (method, path under {@value #API}, who, body, expected status and, for a refusal, its problem type).
 * Paths name the objects of events published for {@value #UNIT}: {@code {owner}} / {@code {owner-code}} the
 * owner's confirmed registration (she registered herself), {@code {other}} another delegate's; {@code {fresh…}}
 * makes a new object of that kind for the row, so that rows which change something do not depend on each
 * other. {@code {unpublished}} is an event open for registration that this service has not seen published (its
 * unit is unknown here), {@code {unknown}} one it has never heard of.
 */
@IntegrationTest
class RegistrationsAuthorizationIT {

    static final String API = "/api/registrations";
    static final String UNIT = "Sở GD&ĐT Bắc Kạn";
    static final String SCHOOL = "Trường Mầm non Đồng Tâm";
    /** An office sending its delegation to the province's event: given a quota in {@code {delegation}} only. */
    static final String NA_RI = "Phòng GD&ĐT Na Rì";
    static final String OWNER_EMAIL = "hoa.owner@mndongtam.edu.vn";
    /** The owner's email as she types it in her registration: emails are compared without case. */
    static final String OWNER_EMAIL_AS_TYPED = "Hoa.Owner@MNDongTam.edu.vn";
    static final String OTHER_EMAIL = "lua.other@mndongtam.edu.vn";
    static final String SELF_EMAIL = "tu.dangky@mndongtam.edu.vn";
    static final LocalDate FIRST_DAY = LocalDate.of(2027, 10, 25);

    static final TestIdentity identity = TestIdentity.get();

    static final Who ANONYMOUS = Who.ANONYMOUS;
    static final Who ADMIN = Who.as("admin", TestIdentity.admin());
    static final Who ORGANISER = Who.as("organiser of the unit", TestIdentity.organiser(UNIT));
    /** An organiser of another unit whose official name is the event's unit's, exactly: another unit all the same. */
    static final Who NAMESAKE = Who.as("organiser of a namesake unit", TestIdentity.organiser(UNIT, UUID.randomUUID().toString()));
    static final Who OTHER_ORGANISER = Who.as("organiser of another unit", TestIdentity.organiser("Phòng GD&ĐT Chợ Mới"));
    static final Who REVIEWER = Who.as("reviewer", TestIdentity.person("reviewer.dongtam@hoithao.test", "Người phản biện", SCHOOL,
            Role.REVIEWER));
    /** The contact of an office (an organiser of her own unit) acting for her office's delegation. */
    static final Who CONTACT = Who.as("contact of " + NA_RI, TestIdentity.organiser(NA_RI));
    static final Who OWNER = Who.as("owner", TestIdentity.person(OWNER_EMAIL, "Nguyễn Thị Hoà", SCHOOL, Role.DELEGATE));
    static final Who OTHER = Who.as("another delegate", TestIdentity.person(OTHER_EMAIL, "Trần Thị Lụa", SCHOOL, Role.DELEGATE));
    static final Who SELF = Who.as("a delegate not yet registered", TestIdentity.person(SELF_EMAIL, "Đặng Thu Trang", SCHOOL, Role.DELEGATE));
    /** A delegate whose unit nobody has confirmed yet: her token has no unit id. */
    static final Who UNCONFIRMED = Who.as("a delegate without a confirmed unit", TestIdentity.delegate("chua.xacnhan@mndongtam.edu.vn"));
    static final Who NO_ROLE = Who.as("signed in, no role", TestIdentity.person("norole@truong.edu.vn", "Khách", null));
    static final Who EXPIRED = Who.token("expired token of the owner", () -> identity.expired(TestIdentity.delegate(OWNER_EMAIL)));
    static final Who FOREIGN = Who.token("foreign issuer's token", () -> identity.foreignIssuer(TestIdentity.admin()));
    static final Who OTHER_AUDIENCE = Who.token("token for another audience", () -> identity.otherAudience(TestIdentity.admin()));

    static final String INVALID_TOKEN = "invalid-token";
    static final String FORBIDDEN = "forbidden";
    static final String NOT_OPEN = "registration-not-open";
    static final String NOT_PUBLISHED = "is not published yet";
    static final String ONLY_YOURSELF = "register only yourself";

    /** Bodies: JSON maps (or CSV text) whose string values may name objects as paths do. */
    static Map<String, Object> delegate(String eventId, String email, String fullName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("fullName", fullName);
        body.put("email", email);
        body.put("phone", "0912 345 678");
        body.put("unit", SCHOOL);
        body.put("unitId", TestIdentity.unitId(SCHOOL));
        body.put("position", "Giáo viên");
        body.put("category", "TEACHER");
        return body;
    }

    static final Map<String, Object> SOMEONE = delegate("{event}", "{fresh-email}", "Nguyễn Văn Nam");
    static final Map<String, Object> SOMEONE_DELEGATION = delegate("{delegation}", "{fresh-email}", "Hà Thị Na");
    static final Map<String, Object> SOMEONE_UNPUBLISHED = delegate("{unpublished}", "{fresh-email}", "Nguyễn Văn Nam");
    static final Map<String, Object> SOMEONE_UNKNOWN = delegate("{unknown}", "{fresh-email}", "Nguyễn Văn Nam");
    static final Map<String, Object> SELF_BODY = delegate("{event}", SELF_EMAIL.toUpperCase(), "Đặng Thu Trang");
    static final Map<String, Object> REVIEWER_SELF = delegate("{event}", REVIEWER.email(), "Lê Văn Phản");
    static final Map<String, Object> OTHER_ORGANISER_SELF = delegate("{event}", OTHER_ORGANISER.email(), "Phạm Thị Chợ");
    static final Map<String, Object> NO_ROLE_SELF = delegate("{event}", NO_ROLE.email(), "Khách Mời");
    static final Map<String, Object> UNCONFIRMED_SELF = delegate("{event}", UNCONFIRMED.email(), "Chưa Xác Nhận");
    static final Map<String, Object> SOMEONE_UNKNOWN_UNIT = withUnitId(delegate("{event}", "{fresh-email}", "Nguyễn Văn Nam"),
            UUID.randomUUID().toString());
    static final Map<String, Object> SOMEONE_TAN_HOA = withUnitId(delegate("{event}", "{fresh-email}", "Nguyễn Văn Nam"),
            TestIdentity.unitId("Trường Mầm non Tân Hóa"));
    static final Map<String, Object> OWNER_SELF_UNKNOWN = delegate("{unknown}", OWNER_EMAIL, "Nguyễn Thị Hoà");
    static final Map<String, Object> REASON = Map.of("reason", "Bận công tác đột xuất");
    static final Map<String, Object> DAY = Map.of("day", FIRST_DAY.toString());
    static final Map<String, Object> QUOTAS = Map.of("quotas", List.of(Map.of("unitId", TestIdentity.unitId(SCHOOL), "seats", 400)));

    static Map<String, Object> withUnitId(Map<String, Object> body, String unitId) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put("unitId", unitId);
        return changed;
    }
    static final Map<String, Object> APPROVAL_OFF = Map.of("required", false);
    static final Map<String, Object> APPROVAL_ON = Map.of("required", true);
    static final String CSV = "fullName,email,phone,category\nNguyễn Văn Nam,{fresh-email},0912345678,TEACHER\n";

    /** The matrix. Every route of the service appears, every route that takes an id with each kind of caller. */
    static List<Row> matrix() {
        return List.of(
                // What a visitor needs to decide to come: public.
                row("GET", "/events/{event}", ANONYMOUS, 200),
                row("GET", "/events/{event}", OWNER, 200),
                row("GET", "/events/{unpublished}", ANONYMOUS, 200),
                row("GET", "/events/{unknown}", ANONYMOUS, 404),

                // Registering: oneself with any role; someone else only the event's organisers and administrators.
                row("POST", "", ANONYMOUS, SOMEONE, 401),
                row("POST", "", NO_ROLE, NO_ROLE_SELF, 403),
                row("POST", "", SELF, SELF_BODY, 201),
                row("POST", "", UNCONFIRMED, UNCONFIRMED_SELF, 403, "no-confirmed-unit"),
                row("POST", "", REVIEWER, REVIEWER_SELF, 201),
                row("POST", "", OTHER_ORGANISER, OTHER_ORGANISER_SELF, 201),
                row("POST", "", OWNER, SOMEONE, 403).saying(ONLY_YOURSELF),
                row("POST", "", REVIEWER, SOMEONE, 403).saying(ONLY_YOURSELF),
                row("POST", "", OTHER_ORGANISER, SOMEONE, 403).saying(UNIT),
                row("POST", "", ORGANISER, SOMEONE, 201),
                row("POST", "", NAMESAKE, SOMEONE, 403).saying(UNIT),
                row("POST", "", ORGANISER, SOMEONE_TAN_HOA, 201),
                row("POST", "", ORGANISER, SOMEONE_UNKNOWN_UNIT, 400, "validation"),
                row("POST", "", ADMIN, SOMEONE, 201),
                row("POST", "", ORGANISER, SOMEONE_UNPUBLISHED, 403).saying(NOT_PUBLISHED),
                row("POST", "", ADMIN, SOMEONE_UNPUBLISHED, 201),
                row("POST", "", ORGANISER, SOMEONE_UNKNOWN, 403).saying(NOT_PUBLISHED),
                row("POST", "", ADMIN, SOMEONE_UNKNOWN, 409, NOT_OPEN),
                row("POST", "", OWNER, OWNER_SELF_UNKNOWN, 409, NOT_OPEN),

                // One's own registrations.
                row("GET", "/mine", ANONYMOUS, 401),
                row("GET", "/mine", OWNER, 200),
                row("GET", "/mine", NO_ROLE, 200),
                row("GET", "/mine", ORGANISER, 200),

                // A registration by id: its owner, or the event's managers.
                row("GET", "/{owner}", ANONYMOUS, 401),
                row("GET", "/{owner}", OTHER, 404),
                row("GET", "/{owner}", NO_ROLE, 404),
                row("GET", "/{owner}", REVIEWER, 404),
                row("GET", "/{owner}", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/{owner}", OWNER, 200),
                row("GET", "/{owner}", ORGANISER, 200),
                row("GET", "/{owner}", NAMESAKE, 403),
                row("GET", "/{owner}", ADMIN, 200),
                row("GET", "/{other}", OWNER, 404),
                row("GET", "/{other}", OTHER, 200),
                row("GET", "/{no-such}", OWNER, 404),
                row("GET", "/{no-such}", ADMIN, 404),
                row("GET", "/{owner-unpublished}", OWNER, 200),
                row("GET", "/{owner-unpublished}", ORGANISER, 403).saying(NOT_PUBLISHED),
                row("GET", "/{owner-unpublished}", ADMIN, 200),

                // Cancelling by id: the event's managers, and the owner herself.
                row("POST", "/{owner}/cancel", ANONYMOUS, REASON, 401),
                row("POST", "/{owner}/cancel", OTHER, REASON, 404),
                row("POST", "/{owner}/cancel", NO_ROLE, REASON, 404),
                row("POST", "/{owner}/cancel", REVIEWER, REASON, 404),
                row("POST", "/{owner}/cancel", OTHER_ORGANISER, REASON, 403).saying(UNIT),
                row("POST", "/{owner-spare}/cancel", OWNER, REASON, 200),
                row("POST", "/{fresh}/cancel", ORGANISER, REASON, 200),
                row("POST", "/{fresh}/cancel", ADMIN, null, 200),
                row("POST", "/{no-such}/cancel", OWNER, null, 404),
                row("POST", "/{no-such}/cancel", ORGANISER, null, 404),
                row("POST", "/{owner-unpublished}/cancel", ORGANISER, null, 403).saying(NOT_PUBLISHED),

                // Approving and rejecting: the event's managers only.
                row("POST", "/{awaiting}/approve", ANONYMOUS, 401),
                row("POST", "/{awaiting-owner}/approve", OWNER, 403),
                row("POST", "/{awaiting}/approve", OTHER, 403),
                row("POST", "/{awaiting}/approve", REVIEWER, 403),
                row("POST", "/{awaiting}/approve", NO_ROLE, 403),
                row("POST", "/{awaiting}/approve", OTHER_ORGANISER, 403).saying(UNIT),
                row("POST", "/{fresh-awaiting}/approve", ORGANISER, 200),
                row("POST", "/{fresh-awaiting}/approve", NAMESAKE, 403),
                row("POST", "/{fresh-awaiting}/approve", ADMIN, 200),
                row("POST", "/{no-such}/approve", ORGANISER, 404),
                row("POST", "/{no-such}/approve", OWNER, 403),
                row("POST", "/{fresh-awaiting-unpublished}/approve", ORGANISER, 403).saying(NOT_PUBLISHED),
                row("POST", "/{fresh-awaiting-unpublished}/approve", ADMIN, 200),

                row("POST", "/{awaiting}/reject", ANONYMOUS, REASON, 401),
                row("POST", "/{awaiting-owner}/reject", OWNER, REASON, 403),
                row("POST", "/{awaiting}/reject", OTHER, REASON, 403),
                row("POST", "/{awaiting}/reject", REVIEWER, REASON, 403),
                row("POST", "/{awaiting}/reject", NO_ROLE, REASON, 403),
                row("POST", "/{awaiting}/reject", OTHER_ORGANISER, REASON, 403).saying(UNIT),
                row("POST", "/{fresh-awaiting}/reject", ORGANISER, REASON, 200),
                row("POST", "/{fresh-awaiting}/reject", ADMIN, null, 200),
                row("POST", "/{no-such}/reject", ORGANISER, null, 404),
                row("POST", "/{fresh-awaiting-unpublished}/reject", ORGANISER, null, 403).saying(NOT_PUBLISHED),
                row("POST", "/{fresh-awaiting-unpublished}/reject", ADMIN, null, 200),

                // A registration by confirmation code, its QR code and self-cancellation: its owner, or the event's managers.
                row("GET", "/codes/{owner-code}", ANONYMOUS, 401),
                row("GET", "/codes/{owner-code}", OTHER, 404),
                row("GET", "/codes/{owner-code}", NO_ROLE, 404),
                row("GET", "/codes/{owner-code}", REVIEWER, 404),
                row("GET", "/codes/{owner-code}", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/codes/{owner-code}", OWNER, 200),
                row("GET", "/codes/{owner-code}", ORGANISER, 200),
                row("GET", "/codes/{owner-code}", ADMIN, 200),
                row("GET", "/codes/{other-code}", OWNER, 404),
                row("GET", "/codes/{no-such-code}", OWNER, 404),
                row("GET", "/codes/{owner-unpublished-code}", OWNER, 200),
                row("GET", "/codes/{owner-unpublished-code}", ORGANISER, 403).saying(NOT_PUBLISHED),

                row("GET", "/codes/{owner-code}/qr.png", ANONYMOUS, 401),
                row("GET", "/codes/{owner-code}/qr.png", OTHER, 404),
                row("GET", "/codes/{owner-code}/qr.png", NO_ROLE, 404),
                row("GET", "/codes/{owner-code}/qr.png", REVIEWER, 404),
                row("GET", "/codes/{owner-code}/qr.png", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/codes/{owner-code}/qr.png", OWNER, 200),
                row("GET", "/codes/{owner-code}/qr.png", ORGANISER, 200),
                row("GET", "/codes/{owner-code}/qr.png?size=150", ADMIN, 200),
                row("GET", "/codes/{no-such-code}/qr.png", OWNER, 404),
                row("GET", "/codes/{owner-unpublished-code}/qr.png", ORGANISER, 403).saying(NOT_PUBLISHED),

                row("POST", "/codes/{owner-code}/cancel", ANONYMOUS, REASON, 401),
                row("POST", "/codes/{owner-code}/cancel", OTHER, REASON, 404),
                row("POST", "/codes/{owner-code}/cancel", NO_ROLE, REASON, 404),
                row("POST", "/codes/{owner-code}/cancel", REVIEWER, REASON, 404),
                row("POST", "/codes/{owner-code}/cancel", OTHER_ORGANISER, REASON, 403).saying(UNIT),
                row("POST", "/codes/{owner-spare-code}/cancel", OWNER, REASON, 200),
                row("POST", "/codes/{fresh-code}/cancel", ORGANISER, null, 200),
                row("POST", "/codes/{fresh-code}/cancel", ADMIN, REASON, 200),
                row("POST", "/codes/{no-such-code}/cancel", OWNER, null, 404),
                row("POST", "/codes/{owner-unpublished-code}/cancel", ORGANISER, null, 403).saying(NOT_PUBLISHED),

                // Check-in at the door: the event's managers only (the owner does not check herself in).
                row("POST", "/codes/{owner-code}/check-ins", ANONYMOUS, DAY, 401),
                row("POST", "/codes/{owner-code}/check-ins", OWNER, DAY, 403),
                row("POST", "/codes/{owner-code}/check-ins", OTHER, DAY, 403),
                row("POST", "/codes/{owner-code}/check-ins", REVIEWER, DAY, 403),
                row("POST", "/codes/{owner-code}/check-ins", NO_ROLE, DAY, 403),
                row("POST", "/codes/{owner-code}/check-ins", OTHER_ORGANISER, DAY, 403).saying(UNIT),
                row("POST", "/codes/{owner-code}/check-ins", ORGANISER, DAY, 200),
                row("POST", "/codes/{owner-code}/check-ins", NAMESAKE, DAY, 403),
                row("POST", "/codes/{owner-code}/check-ins", ADMIN, DAY, 200),
                row("POST", "/codes/{no-such-code}/check-ins", ORGANISER, DAY, 404),
                row("POST", "/codes/{owner-unpublished-code}/check-ins", ORGANISER, DAY, 403).saying(NOT_PUBLISHED),
                row("POST", "/codes/{owner-unpublished-code}/check-ins", ADMIN, DAY, 200),

                // The event's registrations, attendance, quotas, approval mode and imports: its managers only.
                row("GET", "/events/{event}/registrations", ANONYMOUS, 401),
                row("GET", "/events/{event}/registrations", OWNER, 403),
                row("GET", "/events/{event}/registrations", REVIEWER, 403),
                row("GET", "/events/{event}/registrations", NO_ROLE, 403),
                row("GET", "/events/{event}/registrations", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/registrations", ORGANISER, 200),
                row("GET", "/events/{event}/registrations?status=CONFIRMED&unitId=" + TestIdentity.unitId(SCHOOL), ORGANISER, 200),
                row("GET", "/events/{event}/registrations", NAMESAKE, 403).saying(UNIT),
                row("GET", "/events/{event}/registrations", ADMIN, 200),
                row("GET", "/events/{unpublished}/registrations", ORGANISER, 403).saying(NOT_PUBLISHED),
                row("GET", "/events/{unpublished}/registrations", ADMIN, 200),
                row("GET", "/events/{unknown}/registrations", ORGANISER, 403).saying(NOT_PUBLISHED),

                row("GET", "/events/{event}/attendance", ANONYMOUS, 401),
                row("GET", "/events/{event}/attendance", OWNER, 403),
                row("GET", "/events/{event}/attendance", REVIEWER, 403),
                row("GET", "/events/{event}/attendance", NO_ROLE, 403),
                row("GET", "/events/{event}/attendance", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/attendance", ORGANISER, 200),
                row("GET", "/events/{event}/attendance", ADMIN, 200),
                row("GET", "/events/{unpublished}/attendance", ORGANISER, 403).saying(NOT_PUBLISHED),
                row("GET", "/events/{unpublished}/attendance", ADMIN, 200),
                row("GET", "/events/{unknown}/attendance", ORGANISER, 403).saying(NOT_PUBLISHED),
                row("GET", "/events/{unknown}/attendance", ADMIN, 404),

                row("GET", "/events/{event}/attendance.csv", ANONYMOUS, 401),
                row("GET", "/events/{event}/attendance.csv", OWNER, 403),
                row("GET", "/events/{event}/attendance.csv", REVIEWER, 403),
                row("GET", "/events/{event}/attendance.csv", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/attendance.csv", ORGANISER, 200),
                row("GET", "/events/{event}/attendance.csv", ADMIN, 200),
                row("GET", "/events/{unpublished}/attendance.csv", ORGANISER, 403).saying(NOT_PUBLISHED),

                row("PUT", "/events/{event}/quotas", ANONYMOUS, QUOTAS, 401),
                row("PUT", "/events/{event}/quotas", OWNER, QUOTAS, 403),
                row("PUT", "/events/{event}/quotas", REVIEWER, QUOTAS, 403),
                row("PUT", "/events/{event}/quotas", NO_ROLE, QUOTAS, 403),
                row("PUT", "/events/{event}/quotas", OTHER_ORGANISER, QUOTAS, 403).saying(UNIT),
                row("PUT", "/events/{event}/quotas", ORGANISER, QUOTAS, 200),
                row("PUT", "/events/{event}/quotas", ADMIN, QUOTAS, 200),
                row("PUT", "/events/{unpublished}/quotas", ORGANISER, QUOTAS, 403).saying(NOT_PUBLISHED),
                row("PUT", "/events/{unpublished}/quotas", ADMIN, QUOTAS, 200),
                row("PUT", "/events/{unknown}/quotas", ORGANISER, QUOTAS, 403).saying(NOT_PUBLISHED),
                row("PUT", "/events/{unknown}/quotas", ADMIN, QUOTAS, 404),

                row("PUT", "/events/{event}/approval", ANONYMOUS, APPROVAL_OFF, 401),
                row("PUT", "/events/{event}/approval", OWNER, APPROVAL_OFF, 403),
                row("PUT", "/events/{event}/approval", REVIEWER, APPROVAL_OFF, 403),
                row("PUT", "/events/{event}/approval", NO_ROLE, APPROVAL_OFF, 403),
                row("PUT", "/events/{event}/approval", OTHER_ORGANISER, APPROVAL_OFF, 403).saying(UNIT),
                row("PUT", "/events/{event}/approval", ORGANISER, APPROVAL_OFF, 200),
                row("PUT", "/events/{event}/approval", ADMIN, APPROVAL_OFF, 200),
                row("PUT", "/events/{unpublished}/approval", ORGANISER, APPROVAL_ON, 403).saying(NOT_PUBLISHED),
                row("PUT", "/events/{unpublished}/approval", ADMIN, APPROVAL_ON, 200),

                row("POST", "/events/{event}/imports", ANONYMOUS, CSV, 401),
                row("POST", "/events/{event}/imports", OWNER, CSV, 403),
                row("POST", "/events/{event}/imports", REVIEWER, CSV, 403),
                row("POST", "/events/{event}/imports", NO_ROLE, CSV, 403),
                row("POST", "/events/{event}/imports", OTHER_ORGANISER, CSV, 403).saying(UNIT),
                row("POST", "/events/{event}/imports?unitId=" + TestIdentity.unitId(SCHOOL), ORGANISER, CSV, 200),
                row("POST", "/events/{event}/imports?unitId=" + TestIdentity.unitId(SCHOOL), ADMIN, CSV, 200),
                row("POST", "/events/{unpublished}/imports?unitId=" + TestIdentity.unitId(SCHOOL), ORGANISER, CSV, 403).saying(NOT_PUBLISHED),
                row("POST", "/events/{unpublished}/imports?unitId=" + TestIdentity.unitId(SCHOOL), ADMIN, CSV, 200),
                row("POST", "/events/{unknown}/imports", ORGANISER, CSV, 403).saying(NOT_PUBLISHED),
                row("POST", "/events/{unknown}/imports", ADMIN, CSV, 409, NOT_OPEN),

                // An office's contact ({@value NA_RI}, given a quota in {delegation}, none in {event}): her unit's
                // delegation only, in every route that takes one; the event's organisers keep the whole.
                row("POST", "", CONTACT, SOMEONE_DELEGATION, 201),
                row("POST", "", CONTACT, SOMEONE, 403).saying(UNIT),
                row("GET", "/{contact-delegate}", CONTACT, 200),
                row("GET", "/{contact-delegate}", ORGANISER, 200),
                row("GET", "/{delegation-other}", CONTACT, 403).saying(NA_RI),
                row("GET", "/{owner}", CONTACT, 403).saying(UNIT),
                row("GET", "/codes/{contact-delegate-code}", CONTACT, 200),
                row("GET", "/codes/{delegation-other-code}", CONTACT, 403).saying(NA_RI),
                row("GET", "/codes/{contact-delegate-code}/qr.png", CONTACT, 200),
                row("GET", "/codes/{delegation-other-code}/qr.png", CONTACT, 403).saying(NA_RI),
                row("POST", "/{fresh-contact}/cancel", CONTACT, REASON, 200),
                row("POST", "/{delegation-other}/cancel", CONTACT, REASON, 403).saying(NA_RI),
                row("POST", "/codes/{fresh-contact-code}/cancel", CONTACT, null, 200),
                row("POST", "/codes/{delegation-other-code}/cancel", CONTACT, null, 403).saying(NA_RI),
                row("POST", "/{contact-delegate}/approve", CONTACT, 403).saying(UNIT),
                row("POST", "/{contact-delegate}/reject", CONTACT, REASON, 403).saying(UNIT),
                row("POST", "/codes/{contact-delegate-code}/check-ins", CONTACT, DAY, 403).saying(UNIT),
                row("GET", "/events/{delegation}/registrations", CONTACT, 200),
                row("GET", "/events/{delegation}/registrations?status=CONFIRMED&unitId=" + TestIdentity.unitId(NA_RI), CONTACT, 200),
                row("GET", "/events/{delegation}/registrations?unitId=" + TestIdentity.unitId(SCHOOL), CONTACT, 403).saying(NA_RI),
                row("GET", "/events/{delegation}/registrations", OTHER_ORGANISER, 403).saying(UNIT),
                row("GET", "/events/{event}/registrations", CONTACT, 403).saying(UNIT),
                row("GET", "/events/{delegation}/attendance", CONTACT, 403).saying(UNIT),
                row("GET", "/events/{delegation}/attendance.csv", CONTACT, 403).saying(UNIT),
                row("PUT", "/events/{delegation}/quotas", CONTACT, QUOTAS, 403).saying(UNIT),
                row("PUT", "/events/{delegation}/approval", CONTACT, APPROVAL_OFF, 403).saying(UNIT),
                row("POST", "/events/{delegation}/imports", CONTACT, CSV, 200),
                row("POST", "/events/{delegation}/imports?unitId=" + TestIdentity.unitId(SCHOOL), CONTACT, CSV, 403).saying(NA_RI),
                row("POST", "/events/{event}/imports", CONTACT, CSV, 403).saying(UNIT),
                row("POST", "/events/{unpublished}/imports", CONTACT, CSV, 403).saying(NOT_PUBLISHED),

                // The units above: the department's organisers do not manage a district office's event (docs/decisions.md,
                // "Organisers act for their own unit only"); its own office's organisers and administrators do.
                row("GET", "/events/{district}/registrations", ORGANISER, 403).saying("Phòng GD&ĐT Chợ Mới"),
                row("GET", "/events/{district}/attendance", ORGANISER, 403).saying("Phòng GD&ĐT Chợ Mới"),
                row("PUT", "/events/{district}/quotas", ORGANISER, QUOTAS, 403).saying("Phòng GD&ĐT Chợ Mới"),
                row("POST", "", ORGANISER, withUnitId(SOMEONE, TestIdentity.unitId(SCHOOL)).entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> "{event}".equals(e.getValue()) ? "{district}" : e.getValue())),
                        403).saying("Phòng GD&ĐT Chợ Mới"),
                row("GET", "/events/{district}/registrations", OTHER_ORGANISER, 200),
                row("PUT", "/events/{district}/quotas", OTHER_ORGANISER, QUOTAS, 200),
                row("GET", "/events/{district}/registrations", ADMIN, 200),

                // Tokens that are not valid: refused on routes a valid token would pass, the public one included.
                row("GET", "/{owner}", EXPIRED, null, 401, INVALID_TOKEN),
                row("GET", "/{owner}", FOREIGN, null, 401, INVALID_TOKEN),
                row("GET", "/{owner}", OTHER_AUDIENCE, null, 401, INVALID_TOKEN),
                row("POST", "", EXPIRED, OWNER_SELF_UNKNOWN, 401, INVALID_TOKEN),
                row("GET", "/events/{event}", EXPIRED, null, 401, INVALID_TOKEN),
                row("GET", "/events/{event}", FOREIGN, null, 401, INVALID_TOKEN));
    }

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachKindOfCallerAsTheMatrixSays() {
        World world = new World(http, mongo, messages);
        return AccessMatrix.tests(matrix(), world::check, dynamicTest("the refused requests changed nothing", world::unchanged));
    }

    @Test
    void aDelegateSeesOnlyHerOwnRegistrationsUnderMine() {
        World world = new World(http, mongo, messages);
        String email = World.freshEmail();
        Caller her = TestIdentity.person(email, "Vũ Thị Hạnh", SCHOOL, Role.DELEGATE);
        WebTestClient delegate = identity.as(http, her);
        // She types her email with capitals; the registration is hers, stored as her token says it.
        String first = world.register(Who.as("her", her), delegate(world.event, email.toUpperCase(), "Vũ Thị Hạnh")).get("id").toString();
        String second = world.register(Who.as("her", her), delegate(world.spareEvent, email, "Vũ Thị Hạnh")).get("id").toString();
        String third = world.register(ORGANISER, delegate(world.approvalEvent, email, "Vũ Thị Hạnh")).get("id").toString();

        Map<?, ?> mine = delegate.get().uri(API + "/mine").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) mine.get("items");
        assertThat(items).extracting(item -> item.get("id")).containsExactly(third, second, first);
        assertThat(items).extracting(item -> item.get("email")).containsOnly(email);
        assertThat(mine.get("total")).isEqualTo(3);
        delegate.get().uri(API + "/mine?eventId={e}&size=1", world.spareEvent).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(second);
        delegate.get().uri(API + "/mine?page=1&size=2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(first);
        // Someone else's list never holds hers.
        identity.as(http, TestIdentity.delegate(World.freshEmail())).get().uri(API + "/mine").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        delegate.get().uri(API + "/mine?size=0").exchange().expectStatus().isBadRequest();
    }

    /**
     * The seed's province conference: each office sends its delegation. Na Rì's contact registers a colleague
     * (whatever unit the body names, the registration is Na Rì's), uploads her office's CSV (a row of another
     * office refused by itself, the row past the quota of 2 waitlisted), lists her office's delegates and only
     * them, cannot read or cancel another office's delegate, and gives a seat back to her own waiting colleague.
     * Where her office has no quota she is an organiser of another unit, as before.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anOfficeContactManagesHerOfficesDelegationWithinItsQuotaAndNothingElse() {
        String province = "evt-" + UUID.randomUUID();
        String elsewhere = "evt-" + UUID.randomUUID();
        open(messages, mongo, province, UNIT);
        open(messages, mongo, elsewhere, UNIT);
        http.put().uri(API + "/events/{e}/quotas", province).bodyValue(Map.of("quotas", List.of(
                Map.of("unitId", TestIdentity.unitId(NA_RI), "seats", 2), Map.of("unitId", TestIdentity.unitId(SCHOOL), "seats", 5))))
                .exchange().expectStatus().isOk();
        WebTestClient contact = identity.as(http, CONTACT.caller());
        WebTestClient organiser = identity.as(http, ORGANISER.caller());
        String school = organiser.post().uri(API).bodyValue(delegate(province, World.freshEmail(), "Lý Văn Đồng")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        Map<?, ?> first = contact.post().uri(API).bodyValue(delegate(province, World.freshEmail(), "Hoàng Thị Nga")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first.get("unit")).isEqualTo(NA_RI);
        assertThat(first.get("status")).isEqualTo("CONFIRMED");

        String csv = "fullName,email,phone,unitId,category\n"
                + "Nông Văn Bảo," + World.freshEmail() + ",0912345678,,TEACHER\n"
                + "Triệu Thị Mai," + World.freshEmail() + ",0912345679," + TestIdentity.unitId(NA_RI) + ",TEACHER\n"
                + "Lục Văn Chợ," + World.freshEmail() + ",0912345670," + TestIdentity.unitId("Phòng GD&ĐT Chợ Mới") + ",TEACHER\n";
        contact.post().uri(API + "/events/{e}/imports", province).contentType(new MediaType("text", "csv")).bodyValue(csv)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.registered").isEqualTo(1)
                .jsonPath("$.waitlisted").isEqualTo(1)
                .jsonPath("$.rejected").isEqualTo(1)
                .jsonPath("$.rows[2].problemType").isEqualTo(FORBIDDEN)
                .jsonPath("$.rows[2].reason").value(reason -> assertThat((String) reason).contains("Chợ Mới", NA_RI));

        contact.get().uri(API + "/events/{e}/registrations", province).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[*].unit").value(units -> assertThat((List<Object>) units).hasSize(3).containsOnly(NA_RI));
        organiser.get().uri(API + "/events/{e}/registrations", province).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(4);
        contact.get().uri(API + "/{id}", school).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(NA_RI));
        contact.post().uri(API + "/{id}/cancel", school).exchange().expectStatus().isForbidden();
        assertThat(mongo.findById(school, Registration.class).block().status().name()).isEqualTo("CONFIRMED");

        contact.post().uri(API + "/{id}/cancel", first.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        Scenario.eventually(() -> contact.get()
                .uri(API + "/events/{e}/registrations?status=CONFIRMED", province).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[*].fullName").value(names -> assertThat((List<Object>) names)
                        .containsExactlyInAnyOrder("Nông Văn Bảo", "Triệu Thị Mai")));

        contact.post().uri(API).bodyValue(delegate(elsewhere, World.freshEmail(), "Hoàng Thị Nga")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(UNIT));
        contact.get().uri(API + "/events/{e}/registrations", elsewhere).exchange().expectStatus().isForbidden();
    }

    @Test
    void anOrganiserRegistersSomeoneElseWhoThenOwnsTheRegistration() {
        World world = new World(http, mongo, messages);
        String email = "moi." + UUID.randomUUID().toString().substring(0, 8) + "@mndongtam.edu.vn";
        String id = identity.as(http, ORGANISER.caller()).post().uri(API)
                .bodyValue(delegate(world.event, email, "Vũ Thị Mới")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        WebTestClient newcomer = identity.as(http, TestIdentity.delegate(email));
        newcomer.get().uri(API + "/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(email);
        newcomer.post().uri(API + "/{id}/cancel", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED")
                .jsonPath("$.reason").isEqualTo("Cancelled by the delegate");
    }

    @Test
    void anIdempotencyKeyIsTheCallersOwnAndNeverReplaysSomeoneElsesRegistration() {
        World world = new World(http, mongo, messages);
        String key = "retry-" + UUID.randomUUID();
        WebTestClient owner = identity.as(http, OWNER.caller());
        Map<String, Object> hers = delegate(world.keyEvent, OWNER_EMAIL, "Nguyễn Thị Hoà");
        String id = owner.post().uri(API).header("Idempotency-Key", key).bodyValue(hers).exchange()
                .expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        // Her own retry answers her registration.
        owner.post().uri(API).header("Idempotency-Key", key).bodyValue(hers).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(id);

        // Another delegate with the same key: a request of her own, never a replay of the owner's.
        identity.as(http, OTHER.caller()).post().uri(API).header("Idempotency-Key", key).bodyValue(hers).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.id").doesNotExist();
        String others = identity.as(http, OTHER.caller()).post().uri(API).header("Idempotency-Key", key)
                .bodyValue(delegate(world.keyEvent, OTHER_EMAIL, "Trần Thị Lụa")).exchange()
                .expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(others).isNotEqualTo(id);

        // The event's organiser (who may register her) with the same key: not a replay either.
        identity.as(http, ORGANISER.caller()).post().uri(API).header("Idempotency-Key", key).bodyValue(hers).exchange()
                .expectStatus().isEqualTo(409).expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/duplicate-registration")
                .jsonPath("$.id").doesNotExist();
        identity.as(http, OTHER_ORGANISER.caller()).post().uri(API).header("Idempotency-Key", key).bodyValue(hers).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.id").doesNotExist();

        assertThat(mongo.findById(id, Registration.class).block().email()).isEqualTo(OWNER_EMAIL);
        http.get().uri(API + "/events/{e}/registrations", world.keyEvent).exchange().expectBody()
                .jsonPath("$.total").isEqualTo(2);
    }

    /** Sends EventPublished (unless {@code unit} is null) and RegistrationOpened, and waits until this service has both. */
    static void open(TestMessages messages, ReactiveMongoTemplate mongo, String eventId, String unit) {
        if (unit != null) {
            messages.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội nghị sơ kết chuyên đề",
                    "CONFERENCE", "PROVINCE", unit, FIRST_DAY, FIRST_DAY.plusDays(1), "Asia/Ho_Chi_Minh", 500,
                    TestIdentity.unitId(unit)));
        }
        messages.send(new RegistrationOpened(UUID.randomUUID(), Instant.now(), eventId, "Hội nghị sơ kết chuyên đề", 500, null));
        Scenario.eventually(() -> {
            OpenEvent event = mongo.findById(eventId, OpenEvent.class).block();
            assertThat(event).isNotNull();
            assertThat(event.registrationOpen()).isTrue();
            assertThat(event.organiserUnit()).isEqualTo(unit);
        });
    }

    /** The objects the matrix's paths name, made through the API (as an administrator or their owners) and real messages. */
    static final class World {

        final WebTestClient http;
        final ReactiveMongoTemplate mongo;
        final String event = "evt-" + UUID.randomUUID();
        final String spareEvent = "evt-" + UUID.randomUUID();
        final String approvalEvent = "evt-" + UUID.randomUUID();
        final String keyEvent = "evt-" + UUID.randomUUID();
        final String unpublished = "evt-" + UUID.randomUUID();
        /** An event of Phòng GD&ĐT Chợ Mới, a district office below {@value UNIT} in the directory. */
        final String district = "evt-" + UUID.randomUUID();
        /** An event of {@value UNIT} giving {@value NA_RI} and {@value SCHOOL} quotas: the contact's delegation. */
        final String delegation = "evt-" + UUID.randomUUID();
        final String owner;
        final String ownerCode;
        final String other;
        final String otherCode;
        final String ownerSpare;
        final String ownerSpareByCode;
        final String ownerSpareCode;
        final String ownerUnpublished;
        final String ownerUnpublishedCode;
        final String awaiting;
        final String awaitingOwner;
        final String contactDelegate;
        final String contactDelegateCode;
        final String delegationOther;
        final String delegationOtherCode;

        World(WebTestClient http, ReactiveMongoTemplate mongo, TestMessages messages) {
            this.http = http;
            this.mongo = mongo;
            for (String eventId : List.of(event, spareEvent, approvalEvent, keyEvent, delegation)) {
                open(messages, mongo, eventId, UNIT);
            }
            open(messages, mongo, unpublished, null);
            open(messages, mongo, district, OTHER_ORGANISER.caller().unit());
            approval(approvalEvent, true);

            Map<String, Object> registered = register(OWNER, delegate(event, OWNER_EMAIL_AS_TYPED, "Nguyễn Thị Hoà"));
            owner = registered.get("id").toString();
            ownerCode = registered.get("confirmationCode").toString();
            registered = register(OTHER, delegate(event, OTHER_EMAIL, "Trần Thị Lụa"));
            other = registered.get("id").toString();
            otherCode = registered.get("confirmationCode").toString();
            registered = register(OWNER, delegate(spareEvent, OWNER_EMAIL, "Nguyễn Thị Hoà"));
            ownerSpareByCode = registered.get("id").toString();
            ownerSpareCode = registered.get("confirmationCode").toString();
            awaitingOwner = register(OWNER, delegate(approvalEvent, OWNER_EMAIL, "Nguyễn Thị Hoà")).get("id").toString();
            // One registration per email and event: the owner's spare one, cancelled by her own row, is this one.
            ownerSpare = awaitingOwner;
            awaiting = register(ADMIN, delegate(approvalEvent, freshEmail(), "Hoàng Văn Chờ")).get("id").toString();
            registered = register(OWNER, delegate(unpublished, OWNER_EMAIL, "Nguyễn Thị Hoà"));
            ownerUnpublished = registered.get("id").toString();
            ownerUnpublishedCode = registered.get("confirmationCode").toString();
            approval(unpublished, true);

            http.put().uri(API + "/events/{e}/quotas", delegation).bodyValue(Map.of("quotas", List.of(
                    Map.of("unitId", TestIdentity.unitId(NA_RI), "seats", 100), Map.of("unitId", TestIdentity.unitId(SCHOOL), "seats", 100))))
                    .exchange().expectStatus().isOk();
            registered = register(CONTACT, delegate(delegation, freshEmail(), "Hà Thị Na"));
            contactDelegate = registered.get("id").toString();
            contactDelegateCode = registered.get("confirmationCode").toString();
            registered = register(ORGANISER, delegate(delegation, freshEmail(), "Lý Văn Đồng"));
            delegationOther = registered.get("id").toString();
            delegationOtherCode = registered.get("confirmationCode").toString();
        }

        void approval(String eventId, boolean required) {
            http.put().uri(API + "/events/{e}/approval", eventId).bodyValue(Map.of("required", required))
                    .exchange().expectStatus().isOk();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> register(Who who, Map<String, Object> body) {
            return identity.as(http, who.caller()).post().uri(API).bodyValue(body).exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();
        }

        static String freshEmail() {
            return "moi." + UUID.randomUUID().toString().substring(0, 8) + "@mndongtam.edu.vn";
        }

        String status(String id) {
            return mongo.findById(id, Registration.class).block().status().name();
        }

        /** The owner's and the other delegate's registrations survived every refused request. */
        void unchanged() {
            assertThat(status(owner)).isEqualTo("CONFIRMED");
            assertThat(status(other)).isEqualTo("CONFIRMED");
            assertThat(status(awaiting)).isEqualTo("AWAITING_APPROVAL");
            assertThat(status(ownerUnpublished)).isEqualTo("CONFIRMED");
            // The contact's refused reaches for another unit's delegate left it as it was.
            assertThat(status(delegationOther)).isEqualTo("CONFIRMED");
            assertThat(status(contactDelegate)).isEqualTo("CONFIRMED");
            assertThat(mongo.findById(owner, Registration.class).block().email()).isEqualTo(OWNER_EMAIL);
            // The owner's spare registrations were cancelled by her own rows.
            assertThat(status(ownerSpare)).isEqualTo("CANCELLED");
            assertThat(status(ownerSpareByCode)).isEqualTo("CANCELLED");
        }

        /** Replaces each {name} by the object it names; a {fresh-…} object is made once per row. */
        String resolve(String text, Map<String, String> made) {
            return Placeholders.resolve(text, made, this::named);
        }

        Object resolveBody(Object body, Map<String, String> made) {
            return Placeholders.resolveBody(body, made, this::named);
        }

        private String named(String name, Map<String, String> made) {
            return switch (name) {
                case "event" -> event;
                case "unpublished" -> unpublished;
                case "unknown" -> "evt-unknown-" + UUID.randomUUID();
                case "owner" -> owner;
                case "owner-code" -> ownerCode;
                case "other" -> other;
                case "other-code" -> otherCode;
                case "owner-spare" -> ownerSpare;
                case "owner-spare-code" -> ownerSpareCode;
                case "owner-unpublished" -> ownerUnpublished;
                case "owner-unpublished-code" -> ownerUnpublishedCode;
                case "awaiting" -> awaiting;
                case "awaiting-owner" -> awaitingOwner;
                case "delegation" -> delegation;
                case "district" -> district;
                case "contact-delegate" -> contactDelegate;
                case "contact-delegate-code" -> contactDelegateCode;
                case "delegation-other" -> delegationOther;
                case "delegation-other-code" -> delegationOtherCode;
                case "fresh-contact" -> register(CONTACT, delegate(delegation, freshEmail(), "Đinh Thị Mới")).get("id").toString();
                case "fresh-contact-code" -> register(CONTACT, delegate(delegation, freshEmail(), "Đinh Thị Mới"))
                        .get("confirmationCode").toString();
                case "no-such" -> "reg-" + UUID.randomUUID();
                // U is not a symbol of the codes' alphabet (nor read as one): no registration has this code.
                case "no-such-code" -> "UUUU-UUUU";
                case "fresh-email" -> freshEmail();
                case "fresh" -> register(ADMIN, delegate(event, freshEmail(), "Đỗ Văn Mới")).get("id").toString();
                case "fresh-code" -> register(ADMIN, delegate(event, freshEmail(), "Đỗ Văn Mới")).get("confirmationCode").toString();
                case "fresh-awaiting" -> register(ADMIN, delegate(approvalEvent, freshEmail(), "Đỗ Văn Chờ")).get("id").toString();
                case "fresh-awaiting-unpublished" -> register(ADMIN, delegate(unpublished, freshEmail(), "Đỗ Văn Chờ")).get("id").toString();
                default -> throw new IllegalArgumentException("The matrix names no object " + name);
            };
        }

        void check(Row c) {
            Map<String, String> made = new HashMap<>();
            String path = resolve(c.path(), made);
            Object body = c.body() instanceof String csv ? resolve(csv, made) : resolveBody(c.body(), made);
            MediaType type = c.body() instanceof String ? new MediaType("text", "csv") : MediaType.APPLICATION_JSON;
            AccessMatrix.check(http, c, API + path, type, body);
        }
    }
}
