package io.hoithao.presentations;

import static io.hoithao.platform.testing.AccessMatrix.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.testing.AccessMatrix;
import io.hoithao.platform.testing.AccessMatrix.Row;
import io.hoithao.platform.testing.AccessMatrix.Who;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Placeholders;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.presentations.event.ConferenceEvent;
import io.hoithao.presentations.paper.Paper;
import io.hoithao.presentations.paper.PaperStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may call what, route by route: the role × endpoint matrix of the presentations service. Each
 * row is one request (method, path, who, expected status and, for a refusal, its problem type). Paths
 * name the objects of one event organised by {@value Fixtures#ORGANISER_UNIT}: {@code {submitted}},
 * {@code {reviewed}}, {@code {accepted}}, {@code {placed}} are the owner's papers in those states;
 * {@code {fresh-…}} makes a new one of that kind for the row, so that rows which change something
 * do not depend on each other.
 */
@IntegrationTest
class PresentationsAuthorizationIT {

    static final String API = "/api/presentations";
    static final String OWNER_EMAIL = "hoa.owner@mndongtam.edu.vn";
    static final String OTHER_EMAIL = "lua.other@mndongtam.edu.vn";

    static final TestIdentity identity = TestIdentity.get();

    static final Who ANONYMOUS = Who.ANONYMOUS;
    static final Who ADMIN = Who.as("admin", TestIdentity.admin());
    static final Who ORGANISER = Who.as("organiser of the unit", TestIdentity.organiser(Fixtures.ORGANISER_UNIT));
    /**
     * An organiser of a unit whose name folds like the event's unit's, but another unit (another id): units are
     * recognised by id, so she manages nothing of the event.
     */
    static final Who ORGANISER_LOWER = Who.as("organiser of another unit named like the event's (phong gd&dt cho moi)",
            TestIdentity.organiser("phong gd&dt cho moi"));
    /** The event's unit's sibling: another district office of the department. */
    static final Who OTHER_ORGANISER = Who.as("organiser of another unit", TestIdentity.organiser(TestDirectory.SIBLING_OFFICE));
    /** Organisers of the department above the event's unit and of a school below it: neither manages the event. */
    static final Who ABOVE_ORGANISER = Who.as("organiser of the department above the event's unit",
            TestIdentity.organiser(TestDirectory.DEPARTMENT));
    static final Who BELOW_ORGANISER = Who.as("organiser of a school below the event's unit",
            TestIdentity.organiser(TestDirectory.TAN_HOA));
    static final Caller BINH = Fixtures.reviewer("Trần Văn Bình");
    static final Who REVIEWER = Who.as("reviewer", BINH);
    /** A reviewer of the unit the owner's papers are submitted for: never reviews them. */
    static final Who SAME_UNIT_REVIEWER = Who.as("reviewer of the paper's unit",
            TestIdentity.person("dong.tam.reviewer@hoithao.test", "Đồng nghiệp", Fixtures.UNIT, Role.REVIEWER));
    /** A reviewer of another unit whose name folds like the paper's unit's: no conflict. */
    static final Who NAMESAKE_UNIT_REVIEWER = Who.as("reviewer of a unit named like the paper's (truong mam non dong tam)",
            TestIdentity.person("dong.tam.namesake@hoithao.test", "Người ngoài", "truong mam non dong tam", Role.REVIEWER));
    static final Who OTHER_REVIEWER = Who.as("another reviewer", Fixtures.reviewer("Lê Thị Cúc"));
    static final Who OWNER = Who.as("owner", Fixtures.delegateOfUnit(OWNER_EMAIL));
    static final Who OTHER = Who.as("another delegate", Fixtures.delegateOfUnit(OTHER_EMAIL));
    static final Who UNREGISTERED = Who.as("unregistered delegate", TestIdentity.delegate("nobody@truong.edu.vn"));
    static final Who NO_ROLE = Who.as("signed in, no role", TestIdentity.person("norole@truong.edu.vn", "Khách", null));
    static final Who OWNER_AS_REVIEWER = Who.as("owner who is also a reviewer",
            TestIdentity.person(OWNER_EMAIL, "Nguyễn Thị Hoà", null, Role.DELEGATE, Role.REVIEWER));
    static final Who EXPIRED = Who.token("expired token of the owner", () -> identity.expired(TestIdentity.delegate(OWNER_EMAIL)));
    static final Who FOREIGN = Who.token("foreign issuer's token", () -> identity.foreignIssuer(TestIdentity.admin()));
    static final Who OTHER_AUDIENCE = Who.token("token for another audience", () -> identity.otherAudience(TestIdentity.admin()));

    static final String INVALID_TOKEN = "invalid-token";
    static final String NOT_SUBMITTER = "not-submitter";
    static final String NOT_REGISTERED = "not-registered";
    static final String CONFLICT_OF_INTEREST = "conflict-of-interest";
    static final String REVIEWER_NOT_ASSIGNED = "reviewer-not-assigned";
    static final String UPLOADS_CLOSED = "photo-uploads-closed";

    /** Bodies: JSON maps (string values may name objects like paths do), or a PDF material. */
    static final Object CALL = Map.of("opensAt", "{now-1h}", "closesAt", "{now+10d}", "maxMinutes", 60);
    static final Object PAPER = Fixtures.paper("Giáo dục kỹ năng sống cho trẻ mẫu giáo", 5);
    static final Object REVIEW = Map.of("score", 7, "comment", "Có tính thực tiễn");
    /** An empty list: the rows leave the event's review open to every reviewer, as it was. */
    static final Object REVIEWERS = Map.of("reviewers", List.of());
    static final Object DECISION = Map.of("decision", "ACCEPTED", "comment", "Mời trình bày");
    static final Object PLACE = Map.of("paperId", "{accepted}");
    static final Object PLACE_FRESH = Map.of("paperId", "{fresh-accepted}");
    static final byte[] PDF = "%PDF-1.7\n% tham luận\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] JPEG = jpeg();
    static final Object ALBUM_OPEN = Map.of("delegateUploads", true);
    static final Object CAPTION = Map.of("caption", "Tiết dạy minh họa");
    static final Object MULTIPART = new Object() {
        @Override
        public String toString() {
            return "multipart file";
        }
    };

    static final String UPLOAD = "/papers/%s/materials?filename=slides.pdf";

    private static byte[] jpeg() {
        try {
            return PhotoAlbumIT.image("jpg", 64, 48);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The matrix. Every route of the service appears, every route that takes an id with each kind of caller. */
    static List<Row> matrix() {
        return List.of(
                // The event and its call for papers: public.
                row("GET", "/events/{event}", ANONYMOUS, 200),
                row("GET", "/events/{event}", OWNER, 200),
                row("GET", "/events/{unknown}", ANONYMOUS, 404),

                // Opening the call for papers: the organisers of the event's unit, or an administrator.
                row("PUT", "/events/{event}/call-for-papers", ANONYMOUS, CALL, 401),
                row("PUT", "/events/{event}/call-for-papers", OWNER, CALL, 403),
                row("PUT", "/events/{event}/call-for-papers", REVIEWER, CALL, 403),
                row("PUT", "/events/{event}/call-for-papers", OTHER_ORGANISER, CALL, 403).saying(Fixtures.ORGANISER_UNIT),
                row("PUT", "/events/{event}/call-for-papers", ORGANISER, CALL, 200),
                row("PUT", "/events/{event}/call-for-papers", ORGANISER_LOWER, CALL, 403).saying(Fixtures.ORGANISER_UNIT),
                // Units above, beside and below the event's: none of their organisers manages it.
                row("PUT", "/events/{event}/call-for-papers", ABOVE_ORGANISER, CALL, 403).saying(Fixtures.ORGANISER_UNIT),
                row("PUT", "/events/{event}/call-for-papers", BELOW_ORGANISER, CALL, 403).saying(Fixtures.ORGANISER_UNIT),
                row("PUT", "/events/{event}/call-for-papers", ADMIN, CALL, 200),
                // An event not published here yet (its unit unknown): only an administrator.
                row("PUT", "/events/{unpublished}/call-for-papers", ORGANISER, CALL, 403).saying("is not published yet"),
                row("PUT", "/events/{unpublished}/call-for-papers", ADMIN, CALL, 200),
                row("PUT", "/events/{unknown}/call-for-papers", ORGANISER, CALL, 403).saying("is not published yet"),
                row("PUT", "/events/{unknown}/call-for-papers", ADMIN, CALL, 404),

                // Submitting: a confirmed delegate of the event, as themselves.
                row("POST", "/events/{event}/papers", ANONYMOUS, PAPER, 401),
                row("POST", "/events/{event}/papers", UNREGISTERED, PAPER, 403, NOT_REGISTERED).saying("register for the event first"),
                row("POST", "/events/{event}/papers", ORGANISER, PAPER, 403, NOT_REGISTERED),
                row("POST", "/events/{event}/papers", ADMIN, PAPER, 403, NOT_REGISTERED),
                row("POST", "/events/{event}/papers", OWNER, PAPER, 201),
                row("POST", "/events/{event}/papers", OTHER, PAPER, 201),
                row("POST", "/events/{unknown}/papers", OWNER, PAPER, 404),

                // An event's papers: its managers all, reviewers those under review, a delegate their own.
                row("GET", "/events/{event}/papers", ANONYMOUS, 401),
                row("GET", "/events/{event}/papers", OWNER, 200),
                row("GET", "/events/{event}/papers", REVIEWER, 200),
                row("GET", "/events/{event}/papers", OTHER_ORGANISER, 403),
                row("GET", "/events/{event}/papers", ABOVE_ORGANISER, 403),
                row("GET", "/events/{event}/papers", BELOW_ORGANISER, 403),
                row("GET", "/events/{event}/papers", ORGANISER_LOWER, 403),
                row("GET", "/events/{event}/papers", ORGANISER, 200),
                row("GET", "/events/{event}/papers", ADMIN, 200),
                row("GET", "/events/{unpublished}/papers", ORGANISER, 403),

                // The papers the caller may see.
                row("GET", "/papers", ANONYMOUS, 401),
                row("GET", "/papers", OWNER, 200),
                row("GET", "/papers", REVIEWER, 200),
                row("GET", "/papers", ORGANISER, 200),
                row("GET", "/papers", OTHER_ORGANISER, 200),
                row("GET", "/papers", NO_ROLE, 200),
                row("GET", "/papers", ADMIN, 200),

                // One paper.
                row("GET", "/papers/{submitted}", ANONYMOUS, 401),
                row("GET", "/papers/{submitted}", OTHER, 404),
                row("GET", "/papers/{submitted}", NO_ROLE, 404),
                row("GET", "/papers/{submitted}", OTHER_ORGANISER, 403).saying(Fixtures.ORGANISER_UNIT),
                row("GET", "/papers/{submitted}", ABOVE_ORGANISER, 403).saying(Fixtures.ORGANISER_UNIT),
                row("GET", "/papers/{submitted}", BELOW_ORGANISER, 403).saying(Fixtures.ORGANISER_UNIT),
                row("GET", "/papers/{accepted}", REVIEWER, 403).saying("under review"),
                row("GET", "/papers/{submitted}", REVIEWER, 200),
                row("GET", "/papers/{reviewed}", REVIEWER, 200),
                row("GET", "/papers/{submitted}", OWNER, 200),
                row("GET", "/papers/{accepted}", OWNER, 200),
                row("GET", "/papers/{accepted}", ORGANISER, 200),
                row("GET", "/papers/{accepted}", ADMIN, 200),
                row("GET", "/papers/{no-such-paper}", ADMIN, 404),

                row("PUT", "/papers/{submitted}", ANONYMOUS, PAPER, 401),
                row("PUT", "/papers/{submitted}", OTHER, PAPER, 404),
                row("PUT", "/papers/{submitted}", OTHER_ORGANISER, PAPER, 403),
                row("PUT", "/papers/{submitted}", REVIEWER, PAPER, 403, NOT_SUBMITTER),
                row("PUT", "/papers/{submitted}", ORGANISER, PAPER, 403, NOT_SUBMITTER),
                row("PUT", "/papers/{submitted}", ADMIN, PAPER, 403, NOT_SUBMITTER),
                row("PUT", "/papers/{submitted}", OWNER, PAPER, 200),

                row("POST", "/papers/{submitted}/withdraw", ANONYMOUS, 401),
                row("POST", "/papers/{submitted}/withdraw", OTHER, 404),
                row("POST", "/papers/{submitted}/withdraw", OTHER_ORGANISER, 403),
                row("POST", "/papers/{submitted}/withdraw", REVIEWER, null, 403, NOT_SUBMITTER),
                row("POST", "/papers/{submitted}/withdraw", ORGANISER, null, 403, NOT_SUBMITTER),
                row("POST", "/papers/{submitted}/withdraw", ADMIN, null, 403, NOT_SUBMITTER),
                row("POST", "/papers/{fresh}/withdraw", OWNER, 200),

                // Materials: the submitter uploads (raw body or multipart); whoever reads the paper downloads.
                row("POST", UPLOAD.formatted("{submitted}"), ANONYMOUS, PDF, 401),
                row("POST", UPLOAD.formatted("{submitted}"), OTHER, PDF, 404),
                row("POST", UPLOAD.formatted("{submitted}"), OTHER_ORGANISER, PDF, 403),
                row("POST", UPLOAD.formatted("{submitted}"), REVIEWER, PDF, 403, NOT_SUBMITTER),
                row("POST", UPLOAD.formatted("{submitted}"), ORGANISER, PDF, 403, NOT_SUBMITTER),
                row("POST", UPLOAD.formatted("{submitted}"), ADMIN, PDF, 403, NOT_SUBMITTER),
                row("POST", UPLOAD.formatted("{submitted}"), OWNER, PDF, 201),
                row("POST", "/papers/{submitted}/materials", ANONYMOUS, MULTIPART, 401),
                row("POST", "/papers/{submitted}/materials", OTHER, MULTIPART, 404),
                row("POST", "/papers/{submitted}/materials", ORGANISER, MULTIPART, 403, NOT_SUBMITTER),
                row("POST", "/papers/{submitted}/materials", OWNER, MULTIPART, 201),

                row("GET", "/papers/{submitted}/materials/{material}", ANONYMOUS, 401),
                row("GET", "/papers/{submitted}/materials/{material}", OTHER, 404),
                row("GET", "/papers/{submitted}/materials/{material}", OTHER_ORGANISER, 403),
                row("GET", "/papers/{accepted}/materials/{material}", REVIEWER, 403),
                row("GET", "/papers/{submitted}/materials/{material}", REVIEWER, 200),
                row("GET", "/papers/{submitted}/materials/{material}", ORGANISER, 200),
                row("GET", "/papers/{submitted}/materials/{material}", ADMIN, 200),
                row("GET", "/papers/{submitted}/materials/{material}", OWNER, 200),

                // Reviews: reviewers (and administrators) record them, never on their own paper.
                row("POST", "/papers/{submitted}/reviews", ANONYMOUS, REVIEW, 401),
                row("POST", "/papers/{submitted}/reviews", OWNER, REVIEW, 403),
                row("POST", "/papers/{submitted}/reviews", OTHER, REVIEW, 403),
                row("POST", "/papers/{submitted}/reviews", ORGANISER, REVIEW, 403),
                row("POST", "/papers/{submitted}/reviews", OWNER_AS_REVIEWER, REVIEW, 403).saying("their own paper"),
                row("POST", "/papers/{fresh}/reviews", REVIEWER, REVIEW, 201),
                row("POST", "/papers/{fresh}/reviews", ADMIN, REVIEW, 201),
                // ...nor on a paper of their own unit (the unit of their token, names folded).
                row("POST", "/papers/{fresh}/reviews", SAME_UNIT_REVIEWER, REVIEW, 403, CONFLICT_OF_INTEREST)
                        .saying(Fixtures.UNIT),
                // A unit whose name folds like the paper's unit's is another unit: no conflict.
                row("POST", "/papers/{fresh}/reviews", NAMESAKE_UNIT_REVIEWER, REVIEW, 201),
                // An event whose organisers named its reviewers (only REVIEWER): the others neither review nor read its papers.
                row("POST", "/papers/{named-fresh}/reviews", OTHER_REVIEWER, REVIEW, 403, REVIEWER_NOT_ASSIGNED),
                row("POST", "/papers/{named-fresh}/reviews", REVIEWER, REVIEW, 201),
                row("POST", "/papers/{named-fresh}/reviews", ADMIN, REVIEW, 201),
                row("GET", "/papers/{named-submitted}", OTHER_REVIEWER, null, 403, REVIEWER_NOT_ASSIGNED),
                row("GET", "/papers/{named-submitted}", REVIEWER, 200),
                row("GET", "/papers/{named-submitted}/reviews", OTHER_REVIEWER, null, 403, REVIEWER_NOT_ASSIGNED),
                row("GET", "/papers/{named-submitted}/reviews", REVIEWER, 200),

                // Who reviews an event's papers: its managers name them.
                row("GET", "/events/{event}/reviewers", ANONYMOUS, 401),
                row("GET", "/events/{event}/reviewers", OWNER, 403),
                row("GET", "/events/{event}/reviewers", REVIEWER, 403),
                row("GET", "/events/{event}/reviewers", OTHER_ORGANISER, 403).saying(Fixtures.ORGANISER_UNIT),
                row("GET", "/events/{event}/reviewers", ORGANISER, 200),
                row("GET", "/events/{event}/reviewers", ADMIN, 200),
                row("GET", "/events/{unknown}/reviewers", ADMIN, 404),
                row("GET", "/events/{event}/reviews", ANONYMOUS, 401),
                row("GET", "/events/{event}/reviews", OWNER, 403),
                row("GET", "/events/{event}/reviews", REVIEWER, 403),
                row("GET", "/events/{event}/reviews", OTHER_ORGANISER, 403).saying(Fixtures.ORGANISER_UNIT),
                row("GET", "/events/{event}/reviews", ORGANISER, 200),
                row("GET", "/events/{event}/reviews", ADMIN, 200),
                row("GET", "/events/{unknown}/reviews", ADMIN, 404),
                row("GET", "/review-desk", ANONYMOUS, 401),
                row("GET", "/review-desk", OWNER, 403),
                row("GET", "/review-desk", ORGANISER, 403),
                row("GET", "/review-desk", REVIEWER, 200),
                row("GET", "/review-desk", ADMIN, 200),
                row("PUT", "/events/{event}/reviewers", ANONYMOUS, REVIEWERS, 401),
                row("PUT", "/events/{event}/reviewers", OWNER, REVIEWERS, 403),
                row("PUT", "/events/{event}/reviewers", REVIEWER, REVIEWERS, 403),
                row("PUT", "/events/{event}/reviewers", OTHER_ORGANISER, REVIEWERS, 403).saying(Fixtures.ORGANISER_UNIT),
                row("PUT", "/events/{event}/reviewers", ORGANISER, REVIEWERS, 200),
                row("PUT", "/events/{event}/reviewers", ORGANISER_LOWER, REVIEWERS, 403),
                row("PUT", "/events/{event}/reviewers", ABOVE_ORGANISER, REVIEWERS, 403),
                row("PUT", "/events/{event}/reviewers", BELOW_ORGANISER, REVIEWERS, 403),
                row("PUT", "/events/{event}/reviewers", ADMIN, REVIEWERS, 200),
                row("PUT", "/events/{unpublished}/reviewers", ORGANISER, REVIEWERS, 403).saying("is not published yet"),
                row("PUT", "/events/{unknown}/reviewers", ADMIN, REVIEWERS, 404),

                // Reviews with reviewers' names: the event's managers, and reviewers (under review, or their own review).
                row("GET", "/papers/{reviewed}/reviews", ANONYMOUS, 401),
                row("GET", "/papers/{reviewed}/reviews", OWNER, 403),
                row("GET", "/papers/{reviewed}/reviews", OTHER, 403),
                row("GET", "/papers/{reviewed}/reviews", OTHER_ORGANISER, 403),
                row("GET", "/papers/{accepted}/reviews", OTHER_REVIEWER, 403),
                row("GET", "/papers/{accepted}/reviews", REVIEWER, 200),
                row("GET", "/papers/{reviewed}/reviews", OTHER_REVIEWER, 200),
                row("GET", "/papers/{accepted}/reviews", ORGANISER, 200),
                row("GET", "/papers/{accepted}/reviews", ADMIN, 200),

                // Decisions: the organisers of the event's unit, or an administrator.
                row("POST", "/papers/{reviewed}/decision", ANONYMOUS, DECISION, 401),
                row("POST", "/papers/{reviewed}/decision", OWNER, DECISION, 403),
                row("POST", "/papers/{reviewed}/decision", REVIEWER, DECISION, 403),
                row("POST", "/papers/{reviewed}/decision", OTHER_ORGANISER, DECISION, 403),
                row("POST", "/papers/{reviewed}/decision", ABOVE_ORGANISER, DECISION, 403),
                row("POST", "/papers/{reviewed}/decision", BELOW_ORGANISER, DECISION, 403),
                row("POST", "/papers/{reviewed}/decision", ORGANISER_LOWER, DECISION, 403),
                row("POST", "/papers/{fresh-reviewed}/decision", ORGANISER, DECISION, 200),
                row("POST", "/papers/{fresh-reviewed}/decision", ADMIN, DECISION, 200),

                // Placement: the organisers of the event's unit, or an administrator.
                row("GET", "/events/{event}/sessions", ANONYMOUS, 401),
                row("GET", "/events/{event}/sessions", OWNER, 403),
                row("GET", "/events/{event}/sessions", REVIEWER, 403),
                row("GET", "/events/{event}/sessions", OTHER_ORGANISER, 403),
                row("GET", "/events/{event}/sessions", ORGANISER, 200),
                row("GET", "/events/{event}/sessions", ADMIN, 200),
                row("GET", "/events/{unpublished}/sessions", ORGANISER, 403).saying("is not published yet"),
                row("GET", "/events/{unpublished}/sessions", ADMIN, 200),

                row("GET", "/events/{event}/sessions/{session}/papers", ANONYMOUS, 401),
                row("GET", "/events/{event}/sessions/{session}/papers", OWNER, 403),
                row("GET", "/events/{event}/sessions/{session}/papers", REVIEWER, 403),
                row("GET", "/events/{event}/sessions/{session}/papers", OTHER_ORGANISER, 403),
                row("GET", "/events/{event}/sessions/{session}/papers", ORGANISER, 200),
                row("GET", "/events/{event}/sessions/{session}/papers", ADMIN, 200),
                row("GET", "/events/{unpublished}/sessions/{unpublished-session}/papers", ORGANISER, 403),
                row("GET", "/events/{unpublished}/sessions/{unpublished-session}/papers", ADMIN, 200),

                row("POST", "/events/{event}/sessions/{session}/papers", ANONYMOUS, PLACE, 401),
                row("POST", "/events/{event}/sessions/{session}/papers", OWNER, PLACE, 403),
                row("POST", "/events/{event}/sessions/{session}/papers", REVIEWER, PLACE, 403),
                row("POST", "/events/{event}/sessions/{session}/papers", OTHER_ORGANISER, PLACE, 403),
                row("POST", "/events/{event}/sessions/{session}/papers", ABOVE_ORGANISER, PLACE, 403),
                row("POST", "/events/{event}/sessions/{session}/papers", BELOW_ORGANISER, PLACE, 403),
                row("POST", "/events/{event}/sessions/{session}/papers", ORGANISER, PLACE_FRESH, 200),
                row("POST", "/events/{event}/sessions/{session}/papers", ADMIN, PLACE_FRESH, 200),
                row("POST", "/events/{unpublished}/sessions/{unpublished-session}/papers", ORGANISER, PLACE, 403),

                row("DELETE", "/events/{event}/sessions/{session}/papers/{placed}", ANONYMOUS, 401),
                row("DELETE", "/events/{event}/sessions/{session}/papers/{placed}", OWNER, 403),
                row("DELETE", "/events/{event}/sessions/{session}/papers/{placed}", REVIEWER, 403),
                row("DELETE", "/events/{event}/sessions/{session}/papers/{placed}", OTHER_ORGANISER, 403),
                row("DELETE", "/events/{event}/sessions/{session}/papers/{fresh-placed}", ORGANISER, 204),
                row("DELETE", "/events/{event}/sessions/{session}/papers/{fresh-placed}", ADMIN, 204),

                // The photo album: approved photos are public; the event's organisers upload, and so (the album being
                // opened to them in {event}, not in {closed-album}) do its confirmed delegates, their photos pending
                // approval and seen only by them and the organisers; the organisers decide, re-caption and delete.
                row("GET", "/events/{event}/photos", ANONYMOUS, 200),
                row("GET", "/events/{event}/album", ANONYMOUS, 200),
                row("GET", "/photos/{photo}/thumbnail", ANONYMOUS, 200),
                row("GET", "/photos/{photo}/image", OTHER, 200),
                row("GET", "/photos/{pending-photo}/thumbnail", ANONYMOUS, 404),
                row("GET", "/photos/{pending-photo}/thumbnail", OTHER, 404),
                row("GET", "/photos/{pending-photo}/image", OTHER_ORGANISER, 404),
                row("GET", "/photos/{pending-photo}/thumbnail", OWNER, 200),
                row("GET", "/photos/{pending-photo}/image", ORGANISER, 200),
                row("GET", "/photos/{no-such-photo}/image", ADMIN, 404),
                row("POST", "/events/{event}/photos", ANONYMOUS, JPEG, 401),
                row("POST", "/events/{event}/photos", NO_ROLE, JPEG, 403),
                row("POST", "/events/{event}/photos", UNREGISTERED, JPEG, 403, NOT_REGISTERED),
                row("POST", "/events/{event}/photos", OTHER_ORGANISER, JPEG, 403, NOT_REGISTERED),
                row("POST", "/events/{event}/photos", OWNER, JPEG, 201),
                row("POST", "/events/{event}/photos", ORGANISER, JPEG, 201),
                row("POST", "/events/{event}/photos", ADMIN, JPEG, 201),
                row("POST", "/events/{closed-album}/photos", OWNER, JPEG, 403, UPLOADS_CLOSED).saying(Fixtures.ORGANISER_UNIT),
                row("POST", "/events/{closed-album}/photos", ORGANISER, JPEG, 201),
                row("POST", "/events/{unpublished}/photos", ORGANISER, JPEG, 403),
                row("POST", "/events/{unknown}/photos", ADMIN, JPEG, 404),
                row("PUT", "/events/{unknown}/album", ADMIN, ALBUM_OPEN, 404),
                row("GET", "/events/{event}/photos/mine", ANONYMOUS, 401),
                row("GET", "/events/{event}/photos/mine", OWNER, 200),
                row("GET", "/events/{event}/photos/pending", ANONYMOUS, 401),
                row("GET", "/events/{event}/photos/pending", OWNER, 403),
                row("GET", "/events/{event}/photos/pending", OTHER_ORGANISER, 403),
                row("GET", "/events/{event}/photos/pending", ORGANISER, 200),
                row("GET", "/events/{event}/photos/pending", ADMIN, 200),
                row("PUT", "/events/{event}/album", ANONYMOUS, ALBUM_OPEN, 401),
                row("PUT", "/events/{event}/album", OWNER, ALBUM_OPEN, 403),
                row("PUT", "/events/{event}/album", OTHER_ORGANISER, ALBUM_OPEN, 403),
                row("PUT", "/events/{event}/album", ABOVE_ORGANISER, ALBUM_OPEN, 403),
                row("PUT", "/events/{event}/album", BELOW_ORGANISER, ALBUM_OPEN, 403),
                row("PUT", "/events/{event}/album", ORGANISER, ALBUM_OPEN, 200),
                row("PUT", "/events/{unpublished}/album", ORGANISER, ALBUM_OPEN, 403),
                row("POST", "/photos/{pending-photo}/approve", ANONYMOUS, 401),
                row("POST", "/photos/{pending-photo}/approve", OWNER, 403),
                row("POST", "/photos/{pending-photo}/approve", REVIEWER, 403),
                row("POST", "/photos/{pending-photo}/approve", OTHER_ORGANISER, 403),
                row("POST", "/photos/{fresh-pending-photo}/approve", ORGANISER, 200),
                row("POST", "/photos/{fresh-pending-photo}/approve", ADMIN, 200),
                row("POST", "/photos/{no-such-photo}/approve", ORGANISER, 404),
                row("POST", "/photos/{pending-photo}/reject", ANONYMOUS, 401),
                row("POST", "/photos/{pending-photo}/reject", OWNER, 403),
                row("POST", "/photos/{pending-photo}/reject", OTHER_ORGANISER, 403),
                row("POST", "/photos/{fresh-pending-photo}/reject", ORGANISER, 200),
                row("PATCH", "/photos/{photo}", ANONYMOUS, CAPTION, 401),
                row("PATCH", "/photos/{photo}", OWNER, CAPTION, 403),
                row("PATCH", "/photos/{photo}", OTHER_ORGANISER, CAPTION, 403),
                row("PATCH", "/photos/{photo}", ORGANISER, CAPTION, 200),
                row("PATCH", "/photos/{photo}", ADMIN, CAPTION, 200),
                row("DELETE", "/photos/{photo}", ANONYMOUS, 401),
                row("DELETE", "/photos/{photo}", OWNER, 403),
                row("DELETE", "/photos/{pending-photo}", OWNER, 403),
                row("DELETE", "/photos/{photo}", OTHER_ORGANISER, 403),
                row("DELETE", "/photos/{fresh-photo}", ORGANISER, 204),
                row("DELETE", "/photos/{fresh-photo}", ADMIN, 204),
                row("DELETE", "/photos/{no-such-photo}", ORGANISER, 404),

                // Tokens that are not valid: refused on a route a valid token would pass.
                row("GET", "/papers/{submitted}", EXPIRED, null, 401, INVALID_TOKEN),
                row("GET", "/papers/{submitted}", FOREIGN, null, 401, INVALID_TOKEN),
                row("GET", "/papers/{submitted}", OTHER_AUDIENCE, null, 401, INVALID_TOKEN),
                row("GET", "/events/{event}", EXPIRED, null, 401, INVALID_TOKEN));
    }

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachKindOfCallerAsTheMatrixSays() {
        World world = new World();
        return AccessMatrix.tests(matrix(), world::check);
    }

    /** The objects the matrix's paths name, made through the API and real messages. */
    final class World {

        final Fixtures fixtures = new Fixtures(http, messages, mongo).withOpenCall();
        final String session;
        final String unpublished = "evt-unpublished-" + UUID.randomUUID();
        final String unpublishedSession = "ses-" + UUID.randomUUID();
        final String submitted;
        final String reviewed;
        final String accepted;
        final String placed;
        final String material;
        /** An event whose organisers named its reviewers: {@link #REVIEWER} alone. */
        final Fixtures named = new Fixtures(http, messages, mongo).withOpenCall();
        final String namedSubmitted;
        final Fixtures closedAlbum = new Fixtures(http, messages, mongo).withOpenCall();
        final String photo;
        final String pendingPhoto;

        World() {
            fixtures.delegate(OWNER_EMAIL);
            fixtures.delegate(OTHER_EMAIL);
            session = fixtures.session("08:00", "17:00");
            submitted = fixtures.submitted(OWNER_EMAIL, "Bài đã nộp", 5);
            material = upload(submitted);
            reviewed = reviewed();
            accepted = fixtures.accepted(OWNER_EMAIL, "Bài đã được chọn", 5);
            placed = placed();
            named.delegate(OWNER_EMAIL);
            namedSubmitted = named.submitted(OWNER_EMAIL, "Bài của sự kiện có người phản biện được phân công", 5);
            http.put().uri(API + "/events/{e}/reviewers", named.eventId).bodyValue(Map.of("reviewers", List.of(BINH.email())))
                    .exchange().expectStatus().isOk();
            closedAlbum.delegate(OWNER_EMAIL);
            http.put().uri(API + "/events/{e}/album", fixtures.eventId).bodyValue(ALBUM_OPEN).exchange().expectStatus().isOk();
            photo = photo(ORGANISER);
            pendingPhoto = photo(OWNER);

            // An event this service knows only from a reschedule (and a session): its unit is not known here.
            LocalDate day = Fixtures.DAY;
            messages.send(new EventRescheduled(UUID.randomUUID(), Instant.now(), unpublished, day, day, "Asia/Ho_Chi_Minh", 3));
            Scenario.when(() -> messages.send(new SessionScheduled(UUID.randomUUID(), Instant.now(), unpublished, unpublishedSession, "PRESENTATION",
                    "Tham luận", "Hội trường", Fixtures.at("09:00"), Fixtures.at("10:00"), 4)))
                    .thenState(() -> {
                assertThat(mongo.findById(unpublished, ConferenceEvent.class).block()).isNotNull();
                http.get().uri(API + "/events/{e}/sessions/{s}/papers", unpublished, unpublishedSession).exchange()
                        .expectStatus().isOk();
            });
        }

        String reviewed() {
            String paperId = fixtures.submitted(OWNER_EMAIL, "Bài đang phản biện", 5);
            fixtures.review(paperId, "Lê Thị Cúc", 8);
            return paperId;
        }

        String placed() {
            String paperId = fixtures.accepted(OWNER_EMAIL, "Bài đã xếp lịch", 5);
            fixtures.place(session, paperId, null).expectStatus().isOk();
            return paperId;
        }

        /** A photo of the event's album uploaded by this person: an organiser's is approved, a delegate's pending. */
        String photo(Who who) {
            return TestIdentity.anonymous(http).mutate().defaultHeader(HttpHeaders.AUTHORIZATION, who.authorization().get()).build()
                    .post().uri(API + "/events/{e}/photos", fixtures.eventId).contentType(MediaType.IMAGE_JPEG).bodyValue(JPEG)
                    .exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        }

        String upload(String paperId) {
            return fixtures.asDelegate(OWNER_EMAIL).post().uri(API + UPLOAD.formatted(paperId))
                    .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(PDF).exchange()
                    .expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        }

        /** Replaces each {name} by the object it names; a {fresh-…} object is made once per row. */
        String resolve(String text, Map<String, String> made) {
            return Placeholders.resolve(text, made, (name, row) -> named(name));
        }

        private String named(String name) {
            return switch (name) {
                case "event" -> fixtures.eventId;
                case "unpublished" -> unpublished;
                case "unpublished-session" -> unpublishedSession;
                case "unknown" -> "evt-unknown-" + UUID.randomUUID();
                case "session" -> session;
                case "submitted" -> submitted;
                case "reviewed" -> reviewed;
                case "accepted" -> accepted;
                case "placed" -> placed;
                case "material" -> material;
                case "no-such-paper" -> UUID.randomUUID().toString();
                case "closed-album" -> closedAlbum.eventId;
                case "photo" -> photo;
                case "pending-photo" -> pendingPhoto;
                case "fresh-photo" -> photo(ORGANISER);
                case "fresh-pending-photo" -> photo(OWNER);
                case "no-such-photo" -> "pho-" + UUID.randomUUID();
                case "fresh" -> fixtures.submitted(OWNER_EMAIL, "Bài mới", 5);
                case "named-submitted" -> namedSubmitted;
                case "named-fresh" -> named.submitted(OWNER_EMAIL, "Bài mới", 5);
                case "fresh-reviewed" -> reviewed();
                case "fresh-accepted" -> fixtures.accepted(OWNER_EMAIL, "Bài mới được chọn", 5);
                case "fresh-placed" -> placed();
                case "now-1h" -> OffsetDateTime.now().minusHours(1).toString();
                case "now+10d" -> OffsetDateTime.now().plusDays(10).toString();
                default -> throw new IllegalArgumentException("The matrix names no object " + name);
            };
        }

        void check(Row c) {
            Map<String, String> made = new HashMap<>();
            String path = resolve(c.path(), made);
            if (c.body() == null) {
                AccessMatrix.check(http, c, API + path, null, null);
            } else if (c.body() == MULTIPART) {
                MultipartBodyBuilder form = new MultipartBodyBuilder();
                form.part("file", new ByteArrayResource(PDF) {
                    @Override
                    public String getFilename() {
                        return "Báo cáo.pdf";
                    }
                }).contentType(MediaType.APPLICATION_OCTET_STREAM);
                AccessMatrix.check(http, c, API + path, MediaType.MULTIPART_FORM_DATA, form.build());
            } else if (c.body() instanceof byte[] bytes) {
                AccessMatrix.check(http, c, API + path, MediaType.APPLICATION_OCTET_STREAM, bytes);
            } else {
                Map<String, Object> body = new LinkedHashMap<>();
                ((Map<?, ?>) c.body()).forEach((k, v) -> body.put(k.toString(), v instanceof String s ? resolve(s, made) : v));
                AccessMatrix.check(http, c, API + path, MediaType.APPLICATION_JSON, body);
            }
        }
    }

    /** The API documents the bearer token and no longer the interim submitter headers, nor the Caller as a parameter. */
    @Test
    void theOpenApiDocumentAsksForATokenAndNoIdentityHeaders() {
        // The document is built on its first request, which on a busy machine takes more than the default 5 s.
        String docs = TestIdentity.anonymous(http).mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri(API + "/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(docs).contains("\"bearer\"").contains("/api/presentations/papers/{paperId}")
                .doesNotContain("X-Registration-Id").doesNotContain("X-Delegate-Email")
                .doesNotContain("\"caller\"").doesNotContain("\"roles\"");
    }

    // ---------------------------------------------------------------------------------------------
    // Lists show only what the caller may see.

    @Test
    void listsShowEachCallerOnlyWhatTheyMaySee() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        f.delegate(OWNER_EMAIL);
        f.delegate(OTHER_EMAIL);
        String mine = f.submitted(OWNER_EMAIL, "Bài của tôi", 10);
        String theirs = f.submitted(OTHER_EMAIL, "Bài của người khác", 10);
        String accepted = f.accepted(OWNER_EMAIL, "Bài đã được chọn", 10);
        String all = "/papers?eventId=" + f.eventId;

        assertThat(ids(OWNER, all)).containsExactlyInAnyOrder(mine, accepted);
        assertThat(ids(OTHER, all)).containsExactlyInAnyOrder(theirs);
        assertThat(ids(REVIEWER, all)).containsExactlyInAnyOrder(mine, theirs);
        assertThat(ids(ORGANISER, all)).containsExactlyInAnyOrder(mine, theirs, accepted);
        // Units are ids: a namesake of the event's unit, the department above it and a school below it see none.
        assertThat(ids(ORGANISER_LOWER, all)).isEmpty();
        assertThat(ids(ABOVE_ORGANISER, all)).isEmpty();
        assertThat(ids(BELOW_ORGANISER, all)).isEmpty();
        assertThat(ids(ADMIN, all)).containsExactlyInAnyOrder(mine, theirs, accepted);
        assertThat(ids(OTHER_ORGANISER, all)).isEmpty();
        assertThat(ids(NO_ROLE, all)).isEmpty();
        assertThat(ids(ORGANISER, all + "&unitId=" + TestDirectory.id(Fixtures.UNIT))).containsExactlyInAnyOrder(mine, theirs, accepted);
        assertThat(ids(ORGANISER, all + "&unitId=" + TestDirectory.id(TestDirectory.TAN_HOA))).isEmpty();
        assertThat(ids(OWNER, "/papers")).contains(mine, accepted).doesNotContain(theirs);

        String ofEvent = "/events/" + f.eventId + "/papers";
        assertThat(ids(OWNER, ofEvent)).containsExactlyInAnyOrder(mine, accepted);
        assertThat(ids(OTHER, ofEvent)).containsExactlyInAnyOrder(theirs);
        assertThat(ids(REVIEWER, ofEvent)).containsExactlyInAnyOrder(mine, theirs);
        assertThat(ids(ORGANISER, ofEvent)).containsExactlyInAnyOrder(mine, theirs, accepted);
        assertThat(ids(OWNER, ofEvent + "?status=ACCEPTED")).containsExactly(accepted);
        assertThat(ids(REVIEWER, ofEvent + "?status=ACCEPTED")).isEmpty();
    }

    private List<String> ids(Who who, String path) {
        Map<?, ?> page = as(who).get().uri(API + path).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<String> ids = ((List<?>) page.get("items")).stream().map(item -> ((Map<?, ?>) item).get("id").toString()).toList();
        assertThat(((Number) page.get("total")).intValue()).as("total of %s", path).isEqualTo(ids.size());
        return ids;
    }

    private WebTestClient as(Who who) {
        String authorization = who.authorization().get();
        WebTestClient anonymous = TestIdentity.anonymous(http);
        return authorization == null ? anonymous
                : anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, authorization).build();
    }

    // ---------------------------------------------------------------------------------------------
    // Mass assignment: what the service decides (status, reviews, decision, placement, owner,
    // registration, ids, outbox...) is never taken from a body. Each object is read back from Mongo.

    /** Everything a client might try to set on a paper besides its content. */
    static Map<String, Object> withForbiddenFields(Map<String, Object> body) {
        Map<String, Object> hostile = new LinkedHashMap<>(body);
        hostile.put("id", "chosen-by-the-client");
        hostile.put("_id", "chosen-by-the-client");
        hostile.put("eventId", "evt-someone-elses");
        hostile.put("status", "ACCEPTED");
        hostile.put("reviews", List.of(Map.of("reviewer", "Ai đó", "score", 10, "comment", "Tuyệt vời")));
        hostile.put("feedback", List.of(Map.of("score", 10, "comment", "Tuyệt vời")));
        hostile.put("decision", Map.of("outcome", "ACCEPTED", "comment", "Được chọn"));
        hostile.put("submitter", Map.of("registrationId", "reg-forged", "email", OTHER_EMAIL, "fullName", "Người khác"));
        hostile.put("submittedBy", "Người khác");
        hostile.put("registrationId", "reg-forged");
        hostile.put("delegateEmail", OTHER_EMAIL);
        hostile.put("email", OTHER_EMAIL);
        hostile.put("owner", OTHER_EMAIL);
        hostile.put("sessionId", "ses-forged");
        hostile.put("placement", Map.of("sessionId", "ses-forged", "position", 1, "minutes", 10));
        hostile.put("materials", List.of(Map.of("id", "m-forged", "filename", "x.pdf")));
        hostile.put("outbox", List.of(Map.of("messageId", "m-forged", "type", "presentations.PaperAccepted.v1")));
        hostile.put("version", 42);
        hostile.put("unitKey", "khac");
        hostile.put("unitId", TestDirectory.id(TestDirectory.TAN_HOA));
        hostile.put("submittedAt", "2000-01-01T00:00:00Z");
        return hostile;
    }

    @Test
    void submittingAndEditingApplyOnlyThePapersContent() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        String registrationId = f.delegate(OWNER_EMAIL);
        f.delegate(OTHER_EMAIL);
        Instant before = Instant.now().minusSeconds(1);

        String paperId = f.submit(OWNER_EMAIL, withForbiddenFields(Fixtures.paper("Bài có trường lạ", 10)))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(paperId).isNotEqualTo("chosen-by-the-client");
        assertThat(mongo.findById("chosen-by-the-client", Paper.class).blockOptional()).isEmpty();
        assertUntouched(mongo.findById(paperId, Paper.class).block(), f, registrationId, 0, before);

        as(OWNER).put().uri(API + "/papers/{p}", paperId)
                .bodyValue(withForbiddenFields(Fixtures.paper("Bài có trường lạ, đã sửa", 15))).exchange()
                .expectStatus().isOk();
        Paper edited = mongo.findById(paperId, Paper.class).block();
        assertUntouched(edited, f, registrationId, 1, before);
        assertThat(edited.title()).isEqualTo("Bài có trường lạ, đã sửa");
        assertThat(edited.requestedMinutes()).isEqualTo(15);

        // Still the owner's alone.
        as(OTHER).get().uri(API + "/papers/{p}", paperId).exchange().expectStatus().isNotFound();
        as(OWNER).get().uri(API + "/papers/{p}", paperId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.placement").doesNotExist().jsonPath("$.feedback.length()").isEqualTo(0);
    }

    private void assertUntouched(Paper paper, Fixtures f, String registrationId, long version, Instant before) {
        assertThat(paper.eventId()).isEqualTo(f.eventId);
        assertThat(paper.status()).isEqualTo(PaperStatus.SUBMITTED);
        assertThat(paper.reviews()).isEmpty();
        assertThat(paper.decision()).isNull();
        assertThat(paper.materials()).isEmpty();
        assertThat(paper.version()).isEqualTo(version);
        assertThat(paper.submitter().email()).isEqualTo(OWNER_EMAIL);
        assertThat(paper.submitter().registrationId()).isEqualTo(registrationId);
        assertThat(paper.unitId()).isEqualTo(TestDirectory.id(Fixtures.UNIT));
        assertThat(paper.submittedAt()).isAfter(before);
        assertThat(mongo.findById(paper.id(), org.bson.Document.class, "papers").block().getList("outbox", org.bson.Document.class))
                .extracting(entry -> entry.getString("type"))
                .allSatisfy(type -> assertThat(type).containsAnyOf("PaperSubmitted", "PaperRevised"));
    }

    @Test
    void aReviewIsTheReviewersOwnAndADecisionOnlyDecides() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        f.delegate(OWNER_EMAIL);
        String session = f.session("14:00", "16:00");
        String paperId = f.submitted(OWNER_EMAIL, "Bài để phản biện", 10);
        Caller reviewer = Fixtures.reviewer("Trần Văn Bình");

        Map<String, Object> review = new LinkedHashMap<>(Map.of("score", 6, "comment", "Cần bổ sung số liệu"));
        review.put("reviewer", "Người khác");
        review.put("reviewerEmail", OTHER_EMAIL);
        review.put("at", "2000-01-01T00:00:00Z");
        review.put("status", "ACCEPTED");
        review.put("decision", Map.of("outcome", "ACCEPTED"));
        review.put("reviews", List.of(Map.of("reviewer", "Ai đó", "score", 10, "comment", "x")));
        review.put("outbox", List.of(Map.of("type", "presentations.PaperAccepted.v1")));
        as(REVIEWER).post().uri(API + "/papers/{p}/reviews", paperId).bodyValue(review).exchange()
                .expectStatus().isCreated();
        Paper reviewed = mongo.findById(paperId, Paper.class).block();
        assertThat(reviewed.status()).isEqualTo(PaperStatus.UNDER_REVIEW);
        assertThat(reviewed.decision()).isNull();
        assertThat(reviewed.reviews()).singleElement().satisfies(r -> {
            assertThat(r.reviewer()).isEqualTo("Trần Văn Bình");
            assertThat(r.reviewerEmail()).isEqualTo(reviewer.email());
            assertThat(r.score()).isEqualTo(6);
            assertThat(r.at()).isAfter(Instant.now().minusSeconds(60));
        });

        Map<String, Object> decision = new LinkedHashMap<>(Map.of("decision", "REVISION_REQUESTED", "comment", "Bổ sung số liệu"));
        decision.put("status", "ACCEPTED");
        decision.put("reviews", List.of());
        decision.put("sessionId", session);
        decision.put("placement", Map.of("sessionId", session, "position", 1, "minutes", 10));
        decision.put("outbox", List.of(Map.of("type", "presentations.PaperAccepted.v1")));
        decision.put("version", 0);
        as(ORGANISER).post().uri(API + "/papers/{p}/decision", paperId).bodyValue(decision).exchange()
                .expectStatus().isOk();
        Paper decided = mongo.findById(paperId, Paper.class).block();
        assertThat(decided.status()).isEqualTo(PaperStatus.REVISION_REQUESTED);
        assertThat(decided.decision().outcome()).isEqualTo(PaperStatus.REVISION_REQUESTED);
        assertThat(decided.reviews()).hasSize(1);
        assertThat(decided.version()).isEqualTo(2);
        as(ADMIN).get().uri(API + "/events/{e}/sessions/{s}/papers", f.eventId, session).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.papers.length()").isEqualTo(0);
    }

    @Test
    void theCallForPapersAndAPlacementApplyOnlyWhatTheyAreFor() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        f.delegate(OWNER_EMAIL);
        String session = f.session("14:00", "16:00");
        String other = f.session("16:00", "17:00");
        String paperId = f.accepted(OWNER_EMAIL, "Bài được chọn", 10);

        Map<String, Object> call = new LinkedHashMap<>();
        call.put("opensAt", OffsetDateTime.now().minusHours(1).toString());
        call.put("closesAt", OffsetDateTime.now().plusDays(5).toString());
        call.put("maxMinutes", 45);
        call.put("organiserUnit", "Phòng GD&ĐT Chợ Mới");
        call.put("cancelled", true);
        call.put("title", "Đổi tên");
        call.put("id", "evt-forged");
        call.put("callForPapers", Map.of("maxMinutes", 240));
        call.put("appliedMessageIds", List.of("m-forged"));
        as(ORGANISER).put().uri(API + "/events/{e}/call-for-papers", f.eventId).bodyValue(call).exchange()
                .expectStatus().isOk();
        ConferenceEvent event = mongo.findById(f.eventId, ConferenceEvent.class).block();
        assertThat(event.organiserUnit()).isEqualTo(Fixtures.ORGANISER_UNIT);
        assertThat(event.cancelled()).isFalse();
        assertThat(event.title()).isEqualTo("Hội nghị – hội thảo sơ kết chuyên đề");
        assertThat(event.callForPapers().maxMinutes()).isEqualTo(45);
        assertThat(mongo.findById("evt-forged", ConferenceEvent.class).blockOptional()).isEmpty();
        // The unit did not move: the other unit's organiser is still refused.
        as(OTHER_ORGANISER).put().uri(API + "/events/{e}/call-for-papers", f.eventId).bodyValue(call).exchange()
                .expectStatus().isForbidden();

        Map<String, Object> place = new LinkedHashMap<>();
        place.put("paperId", paperId);
        place.put("sessionId", other);
        place.put("eventId", "evt-forged");
        place.put("status", "WITHDRAWN");
        place.put("outbox", List.of(Map.of("type", "presentations.PaperUnscheduled.v1")));
        as(ORGANISER).post().uri(API + "/events/{e}/sessions/{s}/papers", f.eventId, session).bodyValue(place).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.session.id").isEqualTo(session).jsonPath("$.papers[0].paperId").isEqualTo(paperId);
        assertThat(mongo.findById(paperId, Paper.class).block().status()).isEqualTo(PaperStatus.ACCEPTED);
        as(ORGANISER).get().uri(API + "/events/{e}/sessions/{s}/papers", f.eventId, other).exchange()
                .expectBody().jsonPath("$.papers.length()").isEqualTo(0);
    }

    // ---------------------------------------------------------------------------------------------
    // Mongo operators in paths, parameters and bodies are data.

    @Test
    void mongoOperatorsAnywhereAreTreatedAsData() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        f.delegate(OWNER_EMAIL);
        String paperId = f.submitted(OWNER_EMAIL, "Bài bình thường", 10);
        String gt = "{\"$gt\":\"\"}";
        String ne = "{\"$ne\":null}";

        as(ADMIN).get().uri(API + "/papers/{p}", gt).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-found");
        as(OWNER).get().uri(API + "/papers/{p}/materials/{m}", paperId, gt).exchange().expectStatus().isNotFound();
        as(ADMIN).get().uri(b -> b.path(API + "/papers").queryParam("unitId", "{u}").queryParam("eventId", "{e}").build(gt, ne))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        as(ADMIN).get().uri(b -> b.path(API + "/papers").queryParam("unitId", "{u}").build("a.b.$where")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        as(ADMIN).get().uri(API + "/events/{e}/papers", ne).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        as(ORGANISER).get().uri(API + "/events/{e}/papers", ne).exchange().expectStatus().isForbidden();
        as(ADMIN).get().uri(b -> b.path(API + "/events/{e}/papers").queryParam("status", "{s}").build(f.eventId, ne)).exchange()
                .expectStatus().isBadRequest();
        as(ADMIN).put().uri(API + "/events/{e}/call-for-papers", gt)
                .bodyValue(Map.of("opensAt", OffsetDateTime.now().toString(), "closesAt", OffsetDateTime.now().plusDays(1).toString()))
                .exchange().expectStatus().isNotFound();
        as(ADMIN).get().uri(API + "/events/{e}", gt).exchange().expectStatus().isNotFound();

        // Operators as JSON objects where text belongs: refused as malformed, nothing stored.
        Map<String, Object> objectTitle = Fixtures.paper("x", 10);
        objectTitle.put("title", Map.of("$gt", ""));
        f.submit(OWNER_EMAIL, objectTitle).expectStatus().isBadRequest();
        as(ORGANISER).post().uri(API + "/events/{e}/sessions/{s}/papers", f.eventId, "ses-x")
                .bodyValue(Map.of("paperId", Map.of("$gt", ""))).exchange().expectStatus().isBadRequest();
        as(ORGANISER).post().uri(API + "/events/{e}/sessions/{s}/papers", f.eventId, "ses-x")
                .bodyValue(Map.of("paperId", gt)).exchange().expectStatus().isNotFound();
        as(REVIEWER).post().uri(API + "/papers/{p}/reviews", paperId)
                .bodyValue(Map.of("score", 5, "comment", Map.of("$ne", ""))).exchange()
                .expectStatus().isBadRequest();

        // Operators as text: stored verbatim.
        Map<String, Object> textual = Fixtures.paper("$where: function() { return true }", 10);
        textual.put("unit", "a.b.$set");
        textual.put("unitId", "a.b.$set");
        textual.put("presenters", List.of(gt));
        String stored = f.submit(OWNER_EMAIL, textual).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        Paper paper = mongo.findById(stored, Paper.class).block();
        assertThat(paper.title()).isEqualTo("$where: function() { return true }");
        // A delegate's paper is for her own unit (her token's), whatever the body says.
        assertThat(paper.unit()).isEqualTo(Fixtures.UNIT);
        assertThat(paper.presenters()).containsExactly(gt);
        assertThat(ids(OWNER, "/papers?eventId=" + f.eventId)).containsExactlyInAnyOrder(paperId, stored);
        as(OWNER).get().uri(b -> b.path(API + "/papers").queryParam("unitId", "{u}").build("a.b.$set")).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }
}
