package io.hoithao.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.OpenApiContract;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.platform.units.KnownUnits;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The documents of an event (delegate list, attendance, badges, certificates): its managers only, as the
 * attendance; each with its content type and file name, and each holding the event's delegates.
 */
@IntegrationTest
class EventDocumentsIT {

    static final String API = "/api/registrations/events/";
    static final String UNIT = "Sở GD&ĐT Bắc Kạn";
    static final String SCHOOL = "Trường Mầm non Đồng Tâm";
    static final String FORMULA = "=HYPERLINK(\"http://thu-thap.example/\",\"Bấm vào đây\")";
    static final LocalDate FIRST_DAY = LocalDate.of(2027, 10, 25);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> DOCUMENTS = List.of("delegates.xlsx", "attendance.xlsx", "badges.pdf", "certificates.pdf");

    @Autowired
    WebTestClient http;

    @Autowired
    KnownUnits units;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    final TestIdentity identity = TestIdentity.get();

    /** An event of the unit over two days, three delegates confirmed (one of a unit typed as a formula), one waitlisted, one checked in. */
    record Event(String id, String hangCode, String formulaCode, String namCode) {
    }

    Event event() {
        Fixtures f = new Fixtures(http, messages);
        // a unit of the directory whose name a spreadsheet would run as a formula
        TestDirectory.add(units, FORMULA);
        String eventId = "evt-" + UUID.randomUUID();
        f.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội thảo chuyên đề Giáo dục mầm non", "WORKSHOP",
                "PROVINCE", UNIT, FIRST_DAY, FIRST_DAY.plusDays(1), "Asia/Ho_Chi_Minh", 3, TestDirectory.id(UNIT)));
        f.send(new RegistrationOpened(UUID.randomUUID(), Instant.now(), eventId, "Hội thảo chuyên đề Giáo dục mầm non", 3, null));
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.registrationOpen").isEqualTo(true)
                .jsonPath("$.organiserUnit").isEqualTo(UNIT).jsonPath("$.days.length()").isEqualTo(2));
        String hang = code(f.registered(delegate(eventId, "hang@mndongtam.edu.vn", "Nguyễn Thị Hằng", SCHOOL, "LEADER")));
        String formula = code(f.registered(delegate(eventId, "anh@example.vn", "Hoàng Văn Ánh", FORMULA, "TEACHER")));
        String nam = code(f.registered(delegate(eventId, "nam@pgdnari.edu.vn", "Lường Văn Nam", "Phòng GD&ĐT Na Rì", "GUEST")));
        assertThat(f.registered(delegate(eventId, "cho@mndongtam.edu.vn", "Đinh Thị Chờ", SCHOOL, "TEACHER")).get("status"))
                .isEqualTo("WAITLISTED");
        http.post().uri("/api/registrations/codes/{code}/check-ins", hang).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("day", FIRST_DAY.plusDays(1).toString())).exchange().expectStatus().isOk();
        return new Event(eventId, hang, formula, nam);
    }

    @Test
    void onlyTheEventsManagersGetItsDocuments() {
        String eventId = event().id();
        String unknown = "evt-" + UUID.randomUUID();
        for (String document : DOCUMENTS) {
            TestIdentity.anonymous(http).get().uri(API + eventId + "/" + document).exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            for (Caller refused : List.of(TestIdentity.delegate("hang@mndongtam.edu.vn"), TestIdentity.reviewer(),
                    TestIdentity.organiser("Phòng GD&ĐT Chợ Mới"))) {
                identity.as(http, refused).get().uri(API + eventId + "/" + document).exchange().expectStatus().isForbidden()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            }
            identity.as(http, TestIdentity.organiser(UNIT)).get().uri(API + eventId + "/" + document).exchange()
                    .expectStatus().isOk();
            http.get().uri(API + unknown + "/" + document).exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void theServicesDocumentDeclaresEachFileWithItsMediaType() {
        var paths = new OpenApiContract(http, "/api/registrations/v3/api-docs").validated().getPaths();
        for (String document : DOCUMENTS) {
            var answers = paths.get("/api/registrations/events/{eventId}/" + document).getGet().getResponses();
            assertThat(answers.get("200").getContent()).as(document)
                    .containsOnlyKeys(document.endsWith(".pdf") ? MediaType.APPLICATION_PDF_VALUE : XLSX);
            assertThat(answers).containsKeys("401", "403", "404");
        }
    }

    @Test
    void theDelegateListHoldsEveryoneStillRegisteredWithTheFormulaUnitAsText() throws Exception {
        Event event = event();
        byte[] xlsx = download(event.id(), "delegates.xlsx", XLSX);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Danh sách đại biểu");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Hội thảo chuyên đề Giáo dục mầm non");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo(UNIT + ", từ ngày 25/10/2027 đến ngày 26/10/2027");
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + 4);
            List<List<String>> rows = List.of(4, 5, 6, 7).stream().map(r -> List.of(
                    sheet.getRow(r).getCell(1).getStringCellValue(), sheet.getRow(r).getCell(2).getStringCellValue(),
                    sheet.getRow(r).getCell(4).getStringCellValue(), sheet.getRow(r).getCell(7).getStringCellValue())).toList();
            assertThat(rows).containsExactlyInAnyOrder(
                    List.of("Nguyễn Thị Hằng", SCHOOL, "Lãnh đạo", "Đã xác nhận"),
                    List.of("Hoàng Văn Ánh", "'" + FORMULA, "Giáo viên", "Đã xác nhận"),
                    List.of("Lường Văn Nam", "Phòng GD&ĐT Na Rì", "Khách mời", "Đã xác nhận"),
                    List.of("Đinh Thị Chờ", SCHOOL, "Giáo viên", "Danh sách chờ"));
            for (int r = 4; r <= 7; r++) {
                assertThat(sheet.getRow(r).getCell(2).getCellType()).isEqualTo(CellType.STRING);
            }
        }
    }

    @Test
    void theAttendanceMarksTheDayTheDelegateCame() throws Exception {
        Event event = event();
        byte[] xlsx = download(event.id(), "attendance.xlsx", XLSX);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Điểm danh");
            assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).isEqualTo("25/10/2027");
            assertThat(sheet.getRow(3).getCell(6).getStringCellValue()).isEqualTo("26/10/2027");
            assertThat(sheet.getLastRowNum()).as("the confirmed only").isEqualTo(3 + 3);
            int hang = List.of(4, 5, 6).stream().filter(r -> sheet.getRow(r).getCell(1).getStringCellValue().equals("Nguyễn Thị Hằng"))
                    .findFirst().orElseThrow();
            assertThat(sheet.getRow(hang).getCell(5)).isNull();
            assertThat(sheet.getRow(hang).getCell(6).getStringCellValue()).isEqualTo("x");
            assertThat(sheet.getRow(hang).getCell(7).getNumericCellValue()).isEqualTo(1);
            Sheet summary = workbook.getSheet("Tổng hợp");
            assertThat(List.of(summary.getRow(summary.getLastRowNum()).getCell(0).getStringCellValue(),
                    summary.getRow(summary.getLastRowNum()).getCell(1).getStringCellValue(),
                    summary.getRow(summary.getLastRowNum()).getCell(2).getNumericCellValue(),
                    summary.getRow(summary.getLastRowNum()).getCell(3).getNumericCellValue()))
                    .containsExactly("26/10/2027", "Tất cả đơn vị", 3.0, 1.0);
        }
    }

    @Test
    void badgesForTheConfirmedWithTheirCodesAndCertificatesForThoseWhoCame() throws Exception {
        Event event = event();
        byte[] badges = download(event.id(), "badges.pdf", MediaType.APPLICATION_PDF_VALUE);
        byte[] certificates = download(event.id(), "certificates.pdf", MediaType.APPLICATION_PDF_VALUE);

        try (PDDocument pdf = Loader.loadPDF(badges)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Nguyễn Thị Hằng", SCHOOL, "Lãnh đạo", "Lường Văn Nam", "Phòng GD&ĐT Na Rì", "Khách mời",
                    "Hoàng Văn Ánh").doesNotContain("Đinh Thị Chờ");
            var image = new PDFRenderer(pdf).renderImageWithDPI(0, 150, ImageType.GRAY);
            Result[] codes = new QRCodeMultiReader().decodeMultiple(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, true));
            assertThat(Arrays.stream(codes).map(Result::getText))
                    .containsExactlyInAnyOrder(event.hangCode(), event.formulaCode(), event.namCode());
        }
        try (PDDocument pdf = Loader.loadPDF(certificates)) {
            assertThat(pdf.getNumberOfPages()).as("one: only she was checked in").isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("GIẤY CHỨNG NHẬN", "Nguyễn Thị Hằng", "Đơn vị công tác: " + SCHOOL,
                    "do " + UNIT + " tổ chức từ ngày 25/10/2027 đến ngày 26/10/2027", "Có mặt các ngày: 26/10/2027", event.hangCode())
                    .doesNotContain("Lường Văn Nam");
        }
    }

    private byte[] download(String eventId, String document, String mediaType) {
        return identity.as(http, TestIdentity.organiser(UNIT)).get().uri(API + eventId + "/" + document).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(mediaType)
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, header -> {
                    ContentDisposition disposition = ContentDisposition.parse(header);
                    assertThat(disposition.isAttachment()).isTrue();
                    assertThat(disposition.getFilename()).isEqualTo(document.replace(".", "-" + eventId + "."));
                })
                .expectBody().returnResult().getResponseBody();
    }

    private static String code(Map<String, Object> registration) {
        return (String) registration.get("confirmationCode");
    }

    private static Map<String, Object> delegate(String eventId, String email, String name, String unit, String category) {
        Map<String, Object> body = Fixtures.delegate(eventId, email, unit);
        body.put("fullName", name);
        body.put("category", category);
        return body;
    }
}
