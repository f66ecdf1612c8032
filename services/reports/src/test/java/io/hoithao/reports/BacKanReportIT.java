package io.hoithao.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestInfrastructure;
import io.hoithao.platform.testing.TestMessages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The Bắc Kạn review figures from the messages alone ({@link BacKan}): 109 / 109 facilities took part, 8 province
 * model sites, 28 district ones, +14 on the previous phase; the same report as DOCX and XLSX read back with POI;
 * and the same report, byte for byte, from a second instance that replays every topic from the beginning into
 * an empty database under a consumer group of its own.
 */
@IntegrationTest
class BacKanReportIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    final TestMessages kafka = new TestMessages();

    @BeforeEach
    void patient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    static String uri(BacKan review, String unit, String suffix) {
        return "/api/reports/programmes/" + review.programme + "/units/" + unit + suffix + "?phase=" + BacKan.SECOND;
    }

    @Test
    void theReviewFiguresComeFromTheMessagesAndAReplayIntoAnEmptyReadModelGivesTheSameReport() throws Exception {
        BacKan review = new BacKan().build();
        review.send(kafka, true);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                http.get().uri(uri(review, review.department, "")).exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.participation.text").isEqualTo("109 / 109")
                        .jsonPath("$.attendance.registered").isEqualTo(119)
                        .jsonPath("$.criteria[0].average").isEqualTo(3.67)
                        .jsonPath("$.events.length()").isEqualTo(10));

        http.get().uri(uri(review, review.department, "")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.programme.name").isEqualTo(BacKan.PROGRAMME_NAME)
                .jsonPath("$.previousPhase").isEqualTo(BacKan.FIRST)
                .jsonPath("$.participation.level").isEqualTo("SCHOOL")
                .jsonPath("$.participation.tookPart").isEqualTo(109)
                .jsonPath("$.participation.total").isEqualTo(109)
                .jsonPath("$.participation.notTakingPart.length()").isEqualTo(0)
                .jsonPath("$.modelSites[0].level").isEqualTo("PROVINCE")
                .jsonPath("$.modelSites[0].count").isEqualTo(8)
                .jsonPath("$.modelSites[0].previous").isEqualTo(0)
                .jsonPath("$.modelSites[0].change").isEqualTo("+8")
                .jsonPath("$.modelSites[1].level").isEqualTo("DISTRICT")
                .jsonPath("$.modelSites[1].count").isEqualTo(28)
                .jsonPath("$.modelSites[1].previous").isEqualTo(14)
                .jsonPath("$.modelSites[1].change").isEqualTo("+14")
                .jsonPath("$.eventCounts[0].level").isEqualTo("PROVINCE")
                .jsonPath("$.eventCounts[0].kind").isEqualTo("CONFERENCE")
                .jsonPath("$.eventCounts[0].events").isEqualTo(1)
                .jsonPath("$.eventCounts[1].kind").isEqualTo("WORKSHOP")
                .jsonPath("$.eventCounts[1].events").isEqualTo(8)
                .jsonPath("$.eventCounts[2].kind").isEqualTo("THEMATIC_SESSION")
                .jsonPath("$.eventCounts[2].events").isEqualTo(1)
                .jsonPath("$.events[?(@.eventId == '" + review.conference + "')].units.length()").isEqualTo(118)
                .jsonPath("$.events[?(@.eventId == '" + review.conference + "')].startDate").isEqualTo("2023-10-25")
                .jsonPath("$.attendance.confirmed").isEqualTo(117)
                .jsonPath("$.attendance.checkedIn[0].day").isEqualTo("2023-10-25")
                .jsonPath("$.attendance.checkedIn[0].checkedIn").isEqualTo(112)
                .jsonPath("$.attendance.checkedIn[1].checkedIn").isEqualTo(96)
                .jsonPath("$.papers[-1:].unit").isEqualTo("Tổng cộng")
                .jsonPath("$.papers[-1:].submitted").isEqualTo(5)
                .jsonPath("$.papers[-1:].accepted").isEqualTo(3)
                .jsonPath("$.papers[-1:].presented").isEqualTo(2)
                .jsonPath("$.papers[?(@.unit == 'Trường Mầm non Đồng Tâm " + review.tag + "')].presented").isEqualTo(1)
                .jsonPath("$.lessons.held").isEqualTo(2)
                .jsonPath("$.lessons.observed").isEqualTo(1)
                .jsonPath("$.criteria[0].criterion").isEqualTo("child-initiative")
                .jsonPath("$.criteria[0].forms").isEqualTo(3)
                .jsonPath("$.criteria[1].criterion").isEqualTo("teacher-support")
                .jsonPath("$.criteria[1].average").isEqualTo(4.67);

        // A district's report: its own events and facilities, its model sites against the first phase.
        http.get().uri(uri(review, review.offices.get(4), "")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.unit.officialName").isEqualTo(review.officeName(4))
                .jsonPath("$.events.length()").isEqualTo(2)
                .jsonPath("$.participation.text").isEqualTo("14 / 14")
                .jsonPath("$.modelSites[0].count").isEqualTo(1)
                .jsonPath("$.modelSites[1].count").isEqualTo(4)
                .jsonPath("$.modelSites[1].change").isEqualTo("+2")
                .jsonPath("$.attendance.registered").isEqualTo(0);

        documents(review);

        byte[] report = http.get().uri(uri(review, review.department, "")).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        try (ConfigurableApplicationContext replay = replayingInstance()) {
            WebTestClient replayed = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + replay.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(60))
                    .defaultHeader("Authorization", TestIdentity.get().bearer(TestIdentity.admin())).build();
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(new String(replayed.get().uri(uri(review, review.department, "")).exchange()
                            .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8))
                            .isEqualTo(new String(report, StandardCharsets.UTF_8)));
        }

        // A facility joins the directory later and has taken part in nothing yet.
        kafka.send(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, "mn-moi-" + review.tag,
                "Trường Mầm non Nhạn Môn " + review.tag, "MN Nhạn Môn", "SCHOOL", "SCHOOL", review.offices.get(7), 0));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                http.get().uri(uri(review, review.department, "")).exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.participation.text").isEqualTo("109 / 110")
                        .jsonPath("$.participation.notTakingPart[0].officialName").isEqualTo("Trường Mầm non Nhạn Môn " + review.tag));
    }

    /** The DOCX and the XLSX, opened with POI as an office program would: headings, tables, cells. */
    private void documents(BacKan review) throws Exception {
        byte[] docx = http.get().uri(uri(review, review.department, "/report.docx")).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .expectBody().returnResult().getResponseBody();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> headings = document.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertThat(document.getParagraphs().get(0).getText())
                    .isEqualTo("Báo cáo sơ kết chuyên đề “Xây dựng trường mầm non lấy trẻ làm trung tâm”, giai đoạn 2021–2025");
            assertThat(headings).contains("3. Đơn vị tham gia (cấp trường): 109 / 109", "5. Mô hình điểm (so với giai đoạn 2016–2020)");
            XWPFTable sites = document.getTables().get(4);
            assertThat(sites.getRow(0).getCell(0).getText()).isEqualTo("Cấp");
            assertThat(List.of(sites.getRow(1).getCell(0).getText(), sites.getRow(1).getCell(1).getText(), sites.getRow(1).getCell(3).getText()))
                    .containsExactly("Cấp tỉnh", "8", "+8");
            assertThat(List.of(sites.getRow(2).getCell(0).getText(), sites.getRow(2).getCell(1).getText(),
                    sites.getRow(2).getCell(2).getText(), sites.getRow(2).getCell(3).getText()))
                    .containsExactly("Cấp huyện", "28", "14", "+14");
            XWPFTable events = document.getTables().get(0);
            assertThat(events.getRows()).hasSize(11);
            assertThat(events.getRow(1).getCell(2).getText()).isEqualTo("Hội thảo chuyên đề TP Bắc Kạn");
        }

        byte[] xlsx = http.get().uri(uri(review, review.department, "/report.xlsx")).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody().returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Sự kiện", "Theo cấp và loại", "Tham gia", "Chưa tham gia", "Mô hình điểm",
                    "Điểm danh", "Tham luận", "Tiết dạy minh họa", "Phiếu dự giờ");
            Sheet sites = workbook.getSheet("Mô hình điểm");
            assertThat(sites.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Số mô hình");
            assertThat(sites.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(8);
            assertThat(sites.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Cấp huyện");
            assertThat(sites.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(28);
            assertThat(sites.getRow(3).getCell(3).getStringCellValue()).isEqualTo("+14");
            Sheet participation = workbook.getSheet("Tham gia");
            assertThat(participation.getRow(4).getCell(1).getStringCellValue()).isEqualTo("109 / 109");
            Sheet attendance = workbook.getSheet("Điểm danh");
            assertThat(attendance.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Có mặt 25/10/2023");
            Row total = attendance.getRow(attendance.getLastRowNum());
            assertThat(new DataFormatter().formatCellValue(total.getCell(0))).isEqualTo("Tổng cộng");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(119);
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(112);
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(96);
            Sheet criteria = workbook.getSheet("Phiếu dự giờ");
            assertThat(criteria.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(3.67);
        }
    }

    /**
     * A second instance of the service with an empty database of its own and a consumer group no one used: it
     * reads every topic from the beginning (the first instance keeps serving meanwhile).
     */
    private ConfigurableApplicationContext replayingInstance() {
        var env = context.getEnvironment();
        String database = "reports_replay_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> properties = List.of(
                "server.port=0",
                "spring.mongodb.uri=" + TestInfrastructure.get().mongoUri(database),
                "spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "hoithao.security.issuer=" + env.getProperty("hoithao.security.issuer"),
                "spring.cloud.stream.default.group=reports-replay-" + UUID.randomUUID());
        return new SpringApplicationBuilder(ReportsApplication.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }
}
