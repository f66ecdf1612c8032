package io.hoithao.events;

import static io.hoithao.events.Fixtures.hall;
import static io.hoithao.events.Fixtures.school;
import static io.hoithao.events.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.events.event.EventView;
import io.hoithao.events.session.SessionView;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.OpenApiContract;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The programme as PDF: public once the event is published, a draft's for its managers only; day by day, in Vietnamese. */
@IntegrationTest
class ProgrammePdfIT {

    static final String UNIT = "Sở GD&ĐT Bắc Kạn";

    @Autowired
    WebTestClient http;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    final TestIdentity identity = TestIdentity.get();

    @Test
    void aDraftsProgrammeIsItsManagersAndAPublishedOneEveryones() throws Exception {
        EventView event = Fixtures.createConference(http, UNIT);
        String e = event.id();
        Map<String, Object> opening = new HashMap<>(session("OPENING", "Khai mạc hội nghị", "2026-10-25", "07:30", "08:00",
                hall(event).id()));
        opening.put("chair", "Nguyễn Văn An");
        Fixtures.scheduled(http, e, opening);
        SessionView papers = Fixtures.scheduled(http, e,
                session("PRESENTATION", "Báo cáo tham luận của các đơn vị", "2026-10-25", "09:45", "11:15", hall(event).id()));
        SessionView lessons = Fixtures.scheduled(http, e,
                session("DEMONSTRATION_LESSON", "Dự giờ tiết dạy minh họa", "2026-10-26", "08:00", "08:35", school(event).id()));
        messages.send(new PaperScheduled(UUID.randomUUID(), Instant.now(), e, "p1", papers.id(),
                "Kinh nghiệm xây dựng môi trường lấy trẻ làm trung tâm", "Trường Mầm non Đồng Tâm", List.of("Nguyễn Thị Hằng"), 1, 15, 1));
        messages.send(new LessonScheduled(UUID.randomUUID(), Instant.now(), e, "lesson-1", lessons.id(),
                "Khám phá: Cây xanh quanh bé", "MGL A1", Instant.parse("2026-10-26T01:00:00Z"), Instant.parse("2026-10-26T01:35:00Z"), 5));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get().uri("/api/events/" + e + "/programme").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.days[0].sessions[1].papers.length()").isEqualTo(1)
                .jsonPath("$.days[1].sessions[0].lessons.length()").isEqualTo(1));

        for (WebTestClient stranger : List.of(TestIdentity.anonymous(http), identity.as(http, TestIdentity.delegate("ha@mn.edu.vn")),
                identity.as(http, TestIdentity.organiser("Phòng GD&ĐT Chợ Mới")))) {
            stranger.get().uri("/api/events/" + e + "/programme.pdf").exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(text(pdf(identity.as(http, TestIdentity.organiser(UNIT)), e))).contains("Khai mạc hội nghị");

        http.post().uri("/api/events/" + e + "/publish").exchange().expectStatus().isOk();
        String text = text(pdf(TestIdentity.anonymous(http), e));

        assertThat(text).contains("SỞ GD&ĐT BẮC KẠN", "CHƯƠNG TRÌNH",
                "Hội nghị – hội thảo sơ kết 2 năm chuyên đề Xây dựng trường mầm non lấy trẻ làm trung tâm",
                "từ ngày 25/10/2026 đến ngày 26/10/2026",
                "Ngày 1 – Chủ nhật, 25/10/2026", "07:30 – 08:00", "Khai mạc: Khai mạc hội nghị",
                "Địa điểm: Hội trường UBND huyện Chợ Mới, Thị trấn Đồng Tâm, Chợ Mới, Bắc Kạn", "Chủ trì: Nguyễn Văn An",
                "Tham luận: Kinh nghiệm xây dựng môi trường lấy trẻ làm trung tâm – Trường Mầm non Đồng Tâm (trình bày: Nguyễn Thị Hằng), 15 phút",
                "Ngày 2 – Thứ Hai, 26/10/2026", "Dự giờ: Dự giờ tiết dạy minh họa", "Địa điểm: Trường Mầm non Đồng Tâm, Chợ Mới, Bắc Kạn",
                "Tiết dự giờ: Khám phá: Cây xanh quanh bé, phòng MGL A1, 08:00 – 08:35");

        TestIdentity.anonymous(http).get().uri("/api/events/evt-" + UUID.randomUUID() + "/programme.pdf").exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theServicesDocumentDeclaresThePdf() {
        var answers = new OpenApiContract(http, "/api/events/v3/api-docs").validated()
                .getPaths().get("/api/events/{eventId}/programme.pdf").getGet().getResponses();
        assertThat(answers.get("200").getContent()).containsOnlyKeys(MediaType.APPLICATION_PDF_VALUE);
        assertThat(answers).containsKeys("401", "404");
    }

    private static byte[] pdf(WebTestClient client, String eventId) {
        return client.get().uri("/api/events/" + eventId + "/programme.pdf").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, header -> {
                    ContentDisposition disposition = ContentDisposition.parse(header);
                    assertThat(disposition.isAttachment()).isTrue();
                    assertThat(disposition.getFilename()).isEqualTo("programme-" + eventId + ".pdf");
                })
                .expectBody().returnResult().getResponseBody();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
