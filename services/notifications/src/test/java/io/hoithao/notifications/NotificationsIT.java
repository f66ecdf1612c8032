package io.hoithao.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.ObserverWaitlisted;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.WaitlistLeft;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.identity.EmailVerificationRequested;
import io.hoithao.contracts.identity.PasswordResetRequested;
import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRejected;
import io.hoithao.contracts.presentations.PaperRevisionRequested;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperSubmitted;
import io.hoithao.contracts.presentations.PaperUnscheduled;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.notifications.delivery.Delivery;
import io.hoithao.notifications.person.KnownEvent;
import io.hoithao.notifications.reminder.Reminders;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class NotificationsIT {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("hoithao.notifications.dispatch-interval", () -> "200ms");
        registry.add("hoithao.notifications.back-off-initial", () -> "300ms");
        registry.add("hoithao.notifications.back-off-max", () -> "4s");
        registry.add("hoithao.notifications.lease", () -> "5s");
        registry.add("hoithao.notifications.gather-window", () -> "5s");
        registry.add("hoithao.notifications.reminder-lead", () -> "48h");
        registry.add("hoithao.notifications.reminder-interval", () -> "1h"); // the test runs the passes itself
    }

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Reminders reminders;

    @Autowired
    ApplicationContext context;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        // Two cores shared with Kafka and the mail server: the first token check can take more than the default 5 s.
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aConfirmedDelegateGetsOneMailWithHerCodeHerBadgeAndTheEventInHerCalendar() throws Exception {
        String eventId = publishedEvent("Hội thảo đổi mới phương pháp dạy học môn Tiếng Việt");
        RegistrationConfirmed confirmed = new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, "r-" + UUID.randomUUID(),
                "lan." + eventId + "@mn.edu.vn", "Hoàng Thị Lan", "Phòng GD&ĐT Chợ Mới", "TEACHER", "K7QM-3XPD");
        messages.send(confirmed);
        messages.send(confirmed); // redelivered: no second mail

        MimeMessage mail = awaitMails(confirmed.delegateEmail(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Đã xác nhận đăng ký: Hội thảo đổi mới phương pháp dạy học môn Tiếng Việt");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?"); // encoded, so it survives any relay
        Map<String, Part> parts = parts(mail);
        String text = (String) parts.get("text/plain").getContent();
        assertThat(text).contains("Kính gửi Hoàng Thị Lan,").contains("Mã xác nhận: K7QM-3XPD")
                .contains("Thời gian: 16/03/2027 – 17/03/2027");
        assertThat((String) parts.get("text/html").getContent()).contains("<img src=\"cid:badge\"").contains("Hoàng Thị Lan");

        try (InputStream png = parts.get("image/png").getInputStream()) {
            var image = ImageIO.read(png);
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo("K7QM-3XPD");
        }
        try (InputStream ics = parts.get("text/calendar").getInputStream()) {
            Calendar calendar = new CalendarBuilder().build(ics);
            VEvent entry = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
            assertThat(entry.getSummary().getValue()).isEqualTo("Hội thảo đổi mới phương pháp dạy học môn Tiếng Việt");
            assertThat(entry.getDateTimeStart().getValue()).isEqualTo("20270316");
            assertThat(entry.getDateTimeEnd().getValue()).isEqualTo("20270318");
        }

        // A later message for someone else has arrived, so the redelivery has been handled: still one mail for Lan.
        String marker = "marker." + eventId + "@mn.edu.vn";
        messages.send(new RegistrationPendingApproval(UUID.randomUUID(), Instant.now(), eventId, "r-" + UUID.randomUUID(),
                marker, "Đặng Văn Bình", "Phòng GD&ĐT Chợ Mới", "TEACHER"));
        awaitMails(marker, 1);
        assertThat(mailsTo(confirmed.delegateEmail())).hasSize(1);

        // The organisers' log says who was told what.
        http.get().uri("/api/notifications/events/" + eventId + "/deliveries").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].recipient").isEqualTo(confirmed.delegateEmail())
                .jsonPath("$.items[0].kind").isEqualTo("registration.confirmed")
                .jsonPath("$.items[0].state").isEqualTo("SENT")
                .jsonPath("$.items[1].kind").isEqualTo("registration.pending");
        TestIdentity.get().as(http, TestIdentity.organiser("Phòng GD&ĐT Long Xuyên"))
                .get().uri("/api/notifications/events/" + eventId + "/deliveries").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        TestIdentity.get().as(http, TestIdentity.delegate(confirmed.delegateEmail()))
                .get().uri("/api/notifications/events/" + eventId + "/deliveries").exchange()
                .expectStatus().isForbidden();
        TestIdentity.anonymous(http).get().uri("/api/notifications/events/" + eventId + "/deliveries").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/notifications/events/" + eventId + "/deliveries?size=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/notifications/events/" + eventId + "/deliveries?page=abc").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void awaitingApprovalApprovedRejectedPromotedAndCancelledAreEachMailedWithTheirWords() throws Exception {
        String title = "Hội thảo bồi dưỡng giáo viên cốt cán";
        String eventId = publishedEvent(title);
        String thu = "thu." + eventId + "@mn.edu.vn";   // awaits approval, then approved
        String duc = "duc." + eventId + "@mn.edu.vn";   // awaits approval, then rejected
        String yen = "yen." + eventId + "@mn.edu.vn";   // waits, is promoted, then cancelled by the organiser
        String khoa = "khoa." + eventId + "@mn.edu.vn"; // confirmed, then cancels without a reason

        messages.send(new RegistrationPendingApproval(UUID.randomUUID(), Instant.now(), eventId, "r-thu-" + eventId, thu,
                "Trịnh Thị Thu", "Trường TH Lê Lợi", "TEACHER"));
        MimeMessage pending = awaitMails(thu, 1).get(0);
        assertThat(pending.getSubject()).isEqualTo("Đăng ký đang chờ duyệt: " + title);
        assertThat((String) parts(pending).get("text/plain").getContent()).contains("Kính gửi Trịnh Thị Thu,")
                .contains("Chúng tôi đã nhận đăng ký của quý thầy cô tham dự «" + title + "». Sự kiện này cần ban tổ chức duyệt");
        assertThat(parts(pending)).doesNotContainKey("image/png");

        messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, "r-thu-" + eventId, thu,
                "Trịnh Thị Thu", "Trường TH Lê Lợi", "TEACHER", "THU-5KQ2"));
        MimeMessage approved = awaitMails(thu, 2).get(1);
        assertThat(approved.getSubject()).isEqualTo("Đăng ký đã được duyệt: " + title);
        assertThat((String) parts(approved).get("text/plain").getContent())
                .contains("Ban tổ chức đã duyệt đăng ký của quý thầy cô tham dự «" + title + "»").contains("Mã xác nhận: THU-5KQ2");
        assertThat((String) parts(approved).get("text/html").getContent()).contains("Kính gửi Trịnh Thị Thu,");
        assertThat(qrCode(parts(approved))).isEqualTo("THU-5KQ2");
        assertThat(calendarEntry(parts(approved)).getDateTimeStart().getValue()).isEqualTo("20270316");

        messages.send(new RegistrationPendingApproval(UUID.randomUUID(), Instant.now(), eventId, "r-duc-" + eventId, duc,
                "Đỗ Minh Đức", "Trường TH Lê Lợi", "TEACHER"));
        messages.send(new RegistrationRejected(UUID.randomUUID(), Instant.now(), eventId, "r-duc-" + eventId, duc,
                "Đơn vị đã cử đủ số lượng"));
        MimeMessage rejected = awaitMails(duc, 2).get(1);
        assertThat(rejected.getSubject()).isEqualTo("Đăng ký không được duyệt: " + title);
        assertThat((String) parts(rejected).get("text/plain").getContent()).contains("Kính gửi Đỗ Minh Đức,")
                .contains("ban tổ chức không duyệt đăng ký").contains("Lý do: Đơn vị đã cử đủ số lượng");

        messages.send(new RegistrationWaitlisted(UUID.randomUUID(), Instant.now(), eventId, "r-yen-" + eventId, yen,
                "Vũ Hải Yến", "Trường TH Lê Lợi", "TEACHER"));
        messages.send(new RegistrationPromoted(UUID.randomUUID(), Instant.now(), eventId, "r-yen-" + eventId, yen,
                "Vũ Hải Yến", "Trường TH Lê Lợi", "TEACHER", "YEN-8HT3"));
        MimeMessage promoted = awaitMails(yen, 2).get(1);
        assertThat(promoted.getSubject()).isEqualTo("Đã có chỗ cho quý thầy cô: " + title);
        assertThat((String) parts(promoted).get("text/plain").getContent()).contains("Kính gửi Vũ Hải Yến,")
                .contains("được chuyển từ danh sách chờ sang xác nhận").contains("Mã xác nhận: YEN-8HT3");
        assertThat(qrCode(parts(promoted))).isEqualTo("YEN-8HT3");
        assertThat(calendarEntry(parts(promoted)).getSummary().getValue()).isEqualTo(title);

        messages.send(new RegistrationCancelled(UUID.randomUUID(), Instant.now(), eventId, "r-yen-" + eventId, yen,
                "Trùng đối tượng với đợt tập huấn của Sở", true));
        MimeMessage cancelled = awaitMails(yen, 3).get(2);
        assertThat(cancelled.getSubject()).isEqualTo("Đăng ký đã bị huỷ: " + title);
        assertThat((String) parts(cancelled).get("text/plain").getContent()).contains("Kính gửi Vũ Hải Yến,")
                .contains("Đăng ký của quý thầy cô tham dự «" + title + "» đã bị huỷ.")
                .contains("Lý do: Trùng đối tượng với đợt tập huấn của Sở");

        messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, "r-khoa-" + eventId, khoa,
                "Lương Đăng Khoa", "Trường TH Lê Lợi", "TEACHER", "KHOA-2M7P"));
        assertThat(awaitMails(khoa, 1).get(0).getSubject()).isEqualTo("Đã xác nhận đăng ký: " + title);
        messages.send(new RegistrationCancelled(UUID.randomUUID(), Instant.now(), eventId, "r-khoa-" + eventId, khoa, null, true));
        assertThat((String) parts(awaitMails(khoa, 2).get(1)).get("text/plain").getContent())
                .contains("Kính gửi Lương Đăng Khoa,").contains("Không có lý do kèm theo.");

        assertThat(deliveries(eventId).stream().map(d -> d.recipient() + " " + d.kind()).toList()).containsExactlyInAnyOrder(
                thu + " registration.pending", thu + " registration.approved", duc + " registration.pending",
                duc + " registration.rejected", yen + " registration.waitlisted", yen + " registration.promoted",
                yen + " registration.cancelled", khoa + " registration.confirmed", khoa + " registration.cancelled");
    }

    @Test
    void anEnglishSpeakingDelegateIsWrittenToInEnglishAndToldHerPlace() throws Exception {
        String eventId = publishedEvent("Chuyên đề giáo dục STEM");
        String first = "an." + eventId + "@mn.edu.vn";
        String jane = "jane." + eventId + "@school.edu.vn";
        WebTestClient asJane = TestIdentity.get().as(http, TestIdentity.delegate(jane));
        asJane.put().uri("/api/notifications/preferences").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"language\":\"fr\"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        asJane.put().uri("/api/notifications/preferences").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"language\":\"en\"}").exchange()
                .expectStatus().isOk();

        messages.send(new RegistrationWaitlisted(UUID.randomUUID(), Instant.now(), eventId, "r-an-" + eventId, first,
                "Nguyễn Văn An", "Trường THCS Mỹ Hoà", "TEACHER"));
        messages.send(new RegistrationWaitlisted(UUID.randomUUID(), Instant.now(), eventId, "r-jane-" + eventId, jane,
                "Jane Nguyễn", "Trường THCS Mỹ Hoà", "TEACHER"));

        MimeMessage english = awaitMails(jane, 1).get(0);
        assertThat(english.getSubject()).isEqualTo("On the waiting list: Chuyên đề giáo dục STEM");
        assertThat((String) parts(english).get("text/plain").getContent())
                .contains("Dear Jane Nguyễn,").contains("You are number 2 on the waiting list");
        MimeMessage vietnamese = awaitMails(first, 1).get(0);
        assertThat(vietnamese.getSubject()).isEqualTo("Đang trong danh sách chờ: Chuyên đề giáo dục STEM");
        assertThat((String) parts(vietnamese).get("text/plain").getContent()).contains("vị trí số 1 trong danh sách chờ");

        messages.send(new RegistrationCancelled(UUID.randomUUID(), Instant.now(), eventId, "r-jane-" + eventId, jane,
                "Trùng lịch công tác", false));
        MimeMessage cancelled = awaitMails(jane, 2).get(1);
        assertThat(cancelled.getSubject()).isEqualTo("Registration cancelled: Chuyên đề giáo dục STEM");
        assertThat((String) parts(cancelled).get("text/plain").getContent()).contains("Reason: Trùng lịch công tác");
    }

    @Test
    void whileTheMailServerIsDownNothingIsLostAndWhenItReturnsEachMailArrivesOnce() throws Exception {
        String eventId = publishedEvent("Hội nghị tổng kết năm học");
        smtp.stop();
        List<RegistrationConfirmed> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RegistrationConfirmed confirmed = new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId,
                    "r-" + i + "-" + eventId, "gv" + i + "." + eventId + "@mn.edu.vn", "Giáo viên Số " + i,
                    "Phòng GD&ĐT Chợ Mới", "TEACHER", "CODE-" + i);
            sent.add(confirmed);
            messages.send(confirmed);
        }
        // Every delivery is written and tried, and each has failed at least twice while the server is away.
        await().atMost(Duration.ofSeconds(40)).until(() -> deliveries(eventId).stream()
                .filter(d -> d.attempts() >= 2 && d.lastError() != null).count() == 5);
        sent.forEach(messages::send); // redelivered during the outage, too

        // The server stays away for 30 s more: all the while the five deliveries wait, none given up, none doubled.
        await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(45)).until(() -> {
            List<Delivery> waiting = deliveries(eventId);
            return waiting.size() == 5 && waiting.stream().allMatch(d -> d.state().name().equals("PENDING"));
        });
        // ... trying again with a growing wait: each attempt fails at once, so without the back-off a dispatcher
        // running every 200 ms would have tried well over a hundred times.
        assertThat(deliveries(eventId)).allSatisfy(d -> assertThat(d.attempts()).isBetween(4, 20));
        // The operators' figure says so: mails waiting, at least these five.
        double waiting = await().atMost(Duration.ofSeconds(40)).until(this::mailsWaiting, count -> count >= 5);

        smtp = startSmtp();
        for (RegistrationConfirmed confirmed : sent) {
            awaitMails(confirmed.delegateEmail(), 1);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(eventId).stream()
                .allMatch(d -> d.state().name().equals("SENT")));
        for (RegistrationConfirmed confirmed : sent) {
            assertThat(mailsTo(confirmed.delegateEmail())).as(confirmed.delegateEmail()).hasSize(1);
        }
        assertThat(deliveries(eventId)).hasSize(5);
        await().atMost(Duration.ofSeconds(40)).until(this::mailsWaiting, count -> count <= waiting - 5);
    }

    /** {@code hoithao_notifications_mails_waiting} as Prometheus reads it. */
    private double mailsWaiting() {
        String scrape = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").header("Authorization", "")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return scrape.lines().filter(line -> line.startsWith("hoithao_notifications_mails_waiting"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no hoithao_notifications_mails_waiting in the scrape"));
    }

    @Test
    void rescheduledDayOfTenSessionsIsOneMailPerDelegateListingTheTen() throws Exception {
        String eventId = publishedEvent("Hội thảo chuyên đề Toán tiểu học");
        List<String> delegates = List.of("mai." + eventId + "@mn.edu.vn", "tuan." + eventId + "@mn.edu.vn");
        for (String email : delegates) {
            messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, "r-" + email, email,
                    "Lê Thị " + email.substring(0, 4), "Phòng GD&ĐT Chợ Mới", "TEACHER", "C-" + email.substring(0, 4)));
        }
        String waiting = "cuong." + eventId + "@mn.edu.vn"; // holds no place: programme changes are not hers to hear
        messages.send(new RegistrationWaitlisted(UUID.randomUUID(), Instant.now(), eventId, "r-" + waiting, waiting,
                "Phạm Văn Cường", "Phòng GD&ĐT Chợ Mới", "TEACHER"));
        String hung = "hung." + eventId + "@mn.edu.vn"; // confirmed, but cancels while the changes are being gathered
        messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, "r-" + hung, hung,
                "Trần Quốc Hùng", "Phòng GD&ĐT Chợ Mới", "TEACHER", "HUNG-1"));
        delegates.forEach(email -> awaitMails(email, 1));
        awaitMails(waiting, 1);
        awaitMails(hung, 1);
        Instant day = Instant.parse("2027-03-16T01:00:00Z");
        for (int i = 0; i < 10; i++) {
            messages.send(new SessionScheduled(UUID.randomUUID(), Instant.now(), eventId, "s" + i + "-" + eventId, "TALK",
                    "Phiên số " + (i + 1) + ": Đổi mới dạy học", "Hội trường A", day.plusSeconds(3600L * i), day.plusSeconds(3600L * i + 3000), 1));
        }
        // The organiser moves the event a day later: the events service tells it as the event rescheduled, then
        // each of its ten sessions moved (EventService.reschedule).
        messages.send(new EventRescheduled(UUID.randomUUID(), Instant.now(), eventId, LocalDate.of(2027, 3, 17),
                LocalDate.of(2027, 3, 18), "Asia/Ho_Chi_Minh", 2));
        for (int i = 0; i < 10; i++) {
            SessionMoved moved = new SessionMoved(UUID.randomUUID(), Instant.now(), eventId, "s" + i + "-" + eventId,
                    "Phòng họp tầng 2", day.plusSeconds(86400 + 3600L * i), day.plusSeconds(86400 + 3600L * i + 3000), 2);
            messages.send(moved);
            if (i == 3) {
                messages.send(moved); // redelivered: listed once
            }
        }
        // within the gathering window (5 s from the first change here)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(eventId + "|" + hung)),
                io.hoithao.notifications.programme.Digest.class).block());
        messages.send(new RegistrationCancelled(UUID.randomUUID(), Instant.now(), eventId, "r-" + hung, hung, "Bận công tác", true));
        assertThat(awaitMails(hung, 2).get(1).getSubject()).isEqualTo("Đăng ký đã bị huỷ: Hội thảo chuyên đề Toán tiểu học");
        for (String email : delegates) {
            MimeMessage mail = awaitMails(email, 2).get(1);
            assertThat(mail.getSubject()).isEqualTo("Thay đổi chương trình: Hội thảo chuyên đề Toán tiểu học");
            String text = (String) parts(mail).get("text/plain").getContent();
            assertThat(text).contains("có 11 thay đổi")
                    .contains("- Sự kiện dời sang 17/03/2027 – 18/03/2027")
                    .contains("- «Phiên số 1: Đổi mới dạy học» chuyển sang Phòng họp tầng 2, 08:00 ngày 17/03/2027 – 08:50 ngày 17/03/2027")
                    .contains("«Phiên số 10: Đổi mới dạy học»");
            assertThat(text.lines().filter(line -> line.startsWith("- ")).count()).isEqualTo(11);
            assertThat(text.lines().filter(line -> line.startsWith("- «")).count()).as("ten sessions").isEqualTo(10);
            assertThat((String) parts(mail).get("text/html").getContent()).contains("<li>Sự kiện dời sang 17/03/2027 – 18/03/2027</li>");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(Query.query(Criteria.where("eventId").is(eventId)),
                io.hoithao.notifications.programme.Digest.class).block() == 0);
        assertThat(deliveries(eventId).stream().filter(d -> d.kind().equals("programme.changed")).count()).isEqualTo(2);
        for (String email : delegates) {
            assertThat(mailsTo(email)).hasSize(2);
        }

        // Later, one session is cancelled on its own: one more mail each, listing that one.
        messages.send(new SessionCancelled(UUID.randomUUID(), Instant.now(), eventId, "s9-" + eventId, 3));
        for (String email : delegates) {
            String text = (String) parts(awaitMails(email, 3).get(2)).get("text/plain").getContent();
            assertThat(text).contains("có 1 thay đổi").contains("- «Phiên số 10: Đổi mới dạy học» đã bị huỷ");
            assertThat(text.lines().filter(line -> line.startsWith("- ")).count()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(Query.query(Criteria.where("eventId").is(eventId)),
                io.hoithao.notifications.programme.Digest.class).block() == 0);
        assertThat(mailsTo(waiting)).hasSize(1);
        assertThat(mailsTo(hung)).as("no programme change once she cancelled").hasSize(2);
        for (String email : delegates) {
            assertThat(mailsTo(email)).hasSize(3);
        }
    }

    @Test
    void observersHearOfTheirSeatTheWaitingListAMoveAndARelease() throws Exception {
        String eventId = publishedEvent("Hội thảo dự giờ mầm non");
        String lan = "lan." + eventId + "@mn.edu.vn";
        String binh = "binh." + eventId + "@mn.edu.vn";
        String lessonId = "les-" + eventId;
        Instant starts = Instant.parse("2027-03-16T02:00:00Z");
        messages.send(new LessonScheduled(UUID.randomUUID(), Instant.now(), eventId, lessonId, "s-1", "Bé khám phá nước",
                "Lớp Chồi 2", starts, starts.plusSeconds(2100), 1));
        messages.send(new SeatBooked(UUID.randomUUID(), Instant.now(), eventId, lessonId, "b-1", "r-lan", lan, 0, 2));
        messages.send(new ObserverWaitlisted(UUID.randomUUID(), Instant.now(), eventId, lessonId, "r-binh", binh));

        MimeMessage booked = awaitMails(lan, 1).get(0);
        assertThat(booked.getSubject()).isEqualTo("Đã giữ chỗ dự giờ: Bé khám phá nước");
        assertThat((String) parts(booked).get("text/plain").getContent())
                .contains("Tiết dạy «Bé khám phá nước», phòng Lớp Chồi 2, từ 09:00 ngày 16/03/2027 đến 09:35 ngày 16/03/2027");
        try (InputStream ics = parts(booked).get("text/calendar").getInputStream()) {
            VEvent entry = new CalendarBuilder().build(ics).<VEvent>getComponent("VEVENT").orElseThrow();
            assertThat(entry.getLocation().getValue()).isEqualTo("Lớp Chồi 2");
            assertThat(entry.getDateTimeStart().getValue()).isEqualTo("20270316T020000Z");
        }
        assertThat(awaitMails(binh, 1).get(0).getSubject()).isEqualTo("Đang chờ chỗ dự giờ: Bé khám phá nước");

        messages.send(new SeatReleased(UUID.randomUUID(), Instant.now(), eventId, lessonId, "b-1", "r-lan", 1, "Bận họp", 3));
        messages.send(new SeatBooked(UUID.randomUUID(), Instant.now(), eventId, lessonId, "b-2", "r-binh", binh, 0, 4));
        MimeMessage released = awaitMails(lan, 2).get(1);
        assertThat(released.getSubject()).isEqualTo("Chỗ dự giờ đã được trả lại: Bé khám phá nước");
        assertThat((String) parts(released).get("text/plain").getContent()).contains("Lý do: Bận họp");
        assertThat(awaitMails(binh, 2).get(1).getSubject()).isEqualTo("Đã có chỗ dự giờ: Bé khám phá nước");

        messages.send(new LessonMoved(UUID.randomUUID(), Instant.now(), eventId, lessonId, starts.plusSeconds(3600),
                starts.plusSeconds(5700), 5));
        MimeMessage moved = awaitMails(binh, 3).get(2);
        assertThat(moved.getSubject()).isEqualTo("Tiết dạy dự giờ đổi giờ: Bé khám phá nước");
        assertThat((String) parts(moved).get("text/plain").getContent()).contains("từ 10:00 ngày 16/03/2027");
        assertThat(mailsTo(lan)).hasSize(2); // she no longer holds a seat: not told of the move

        // Cường waits for a seat; then the lesson is cancelled. The observations service writes the cancellation
        // with every seat released and every waiting place left (LessonService.cancel): one mail to each of them.
        String cuong = "cuong." + eventId + "@mn.edu.vn";
        messages.send(new ObserverWaitlisted(UUID.randomUUID(), Instant.now(), eventId, lessonId, "r-cuong", cuong));
        awaitMails(cuong, 1);
        messages.send(new LessonCancelled(UUID.randomUUID(), Instant.now(), eventId, lessonId, "Giáo viên dạy minh hoạ ốm", 6));
        messages.send(new SeatReleased(UUID.randomUUID(), Instant.now(), eventId, lessonId, "b-2", "r-binh", 2,
                "Giáo viên dạy minh hoạ ốm", 6));
        messages.send(new WaitlistLeft(UUID.randomUUID(), Instant.now(), eventId, lessonId, "r-cuong", "Giáo viên dạy minh hoạ ốm"));
        for (String observer : List.of(binh, cuong)) {
            MimeMessage cancelled = awaitMails(observer, observer.equals(binh) ? 4 : 2).get(observer.equals(binh) ? 3 : 1);
            assertThat(cancelled.getSubject()).isEqualTo("Tiết dạy dự giờ bị huỷ: Bé khám phá nước");
            assertThat((String) parts(cancelled).get("text/plain").getContent())
                    .contains("tại «Hội thảo dự giờ mầm non» đã bị huỷ").contains("Lý do: Giáo viên dạy minh hoạ ốm");
            assertThat(parts(cancelled)).doesNotContainKey("text/calendar");
        }
        // A later message on the topic has been handled: the released seat sent nothing of its own.
        String marker = "marker." + eventId + "@mn.edu.vn";
        messages.send(new ObserverWaitlisted(UUID.randomUUID(), Instant.now(), eventId, "les-other-" + eventId, "r-m", marker));
        awaitMails(marker, 1);
        assertThat(mailsTo(binh)).hasSize(4);
        assertThat(mailsTo(cuong)).hasSize(2);
        assertThat(mailsTo(lan)).hasSize(2);
    }

    @Test
    void theDayBeforeEachDelegateIsRemindedOnceEvenWithTwoInstancesAndOneLinkTurnsRemindersOff() throws Exception {
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1);
        String eventId = publishedEvent("Hội thảo sinh hoạt chuyên môn cụm trường", tomorrow, tomorrow);
        String lan = "lan." + eventId + "@mn.edu.vn";
        String binh = "binh." + eventId + "@mn.edu.vn";
        messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, "r-lan-" + eventId, lan,
                "Hoàng Thị Lan", "Trường MN Hoa Sen", "TEACHER", "LAN-2027"));
        messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, "r-binh-" + eventId, binh,
                "Đặng Văn Bình", "Trường MN Hoa Sen", "TEACHER", "BINH-2027"));
        Instant nine = tomorrow.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        messages.send(new LessonScheduled(UUID.randomUUID(), Instant.now(), eventId, "les-" + eventId, "s-1", "Bé vui học toán",
                "Lớp Lá 1", nine, nine.plusSeconds(2100), 3));
        messages.send(new SeatBooked(UUID.randomUUID(), Instant.now(), eventId, "les-" + eventId, "b-1", "r-lan-" + eventId, lan, 2, 1));
        // Lan presents a paper at 14:00; a second one was placed, then taken out of the programme again.
        Instant two = tomorrow.atTime(14, 0).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        messages.send(new SessionScheduled(UUID.randomUUID(), Instant.now(), eventId, "ses-" + eventId, "PRESENTATION",
                "Tham luận: Học mà chơi", "Hội trường B", two, two.plusSeconds(5400), 2));
        for (String paper : List.of("pap-1-" + eventId, "pap-2-" + eventId)) {
            String paperTitle = paper.startsWith("pap-1") ? "Trò chơi dân gian ở lớp Lá" : "Góc đọc sách của bé";
            messages.send(new PaperSubmitted(UUID.randomUUID(), Instant.now(), eventId, paper, paperTitle, "Trường MN Hoa Sen",
                    List.of("Hoàng Thị Lan"), 15, lan));
            messages.send(new PaperScheduled(UUID.randomUUID(), Instant.now(), eventId, paper, "ses-" + eventId, paperTitle,
                    "Trường MN Hoa Sen", List.of("Hoàng Thị Lan"), paper.startsWith("pap-1") ? 1 : 2, 15, 3));
        }
        messages.send(new PaperUnscheduled(UUID.randomUUID(), Instant.now(), eventId, "pap-2-" + eventId, "ses-" + eventId,
                "Trùng nội dung", 4));
        awaitMails(lan, 6); // confirmed, seat booked, two papers received and placed
        awaitMails(binh, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("pap-2-" + eventId,
                io.hoithao.notifications.paper.KnownPaper.class).block().sessionId() == null
                && mongo.findById("ses-" + eventId, io.hoithao.notifications.programme.Session.class).blockOptional().isPresent());

        // A second instance of the service, its own application context on the same database and mail server
        // (its dispatcher sends too): both reminder passes at once, and twice each.
        try (ConfigurableApplicationContext second = secondInstance()) {
            Reminders other = second.getBean(Reminders.class);
            assertThat(second.getBean(ReactiveMongoTemplate.class).findById(eventId, KnownEvent.class).block())
                    .as("the second instance reads the same database").isNotNull();
            reactor.core.publisher.Mono.when(reminders.runOnce(), other.runOnce(), reminders.runOnce(), other.runOnce()).block();

            MimeMessage reminder = awaitMails(lan, 7).get(6);
            assertThat(reminder.getSubject()).isEqualTo("Nhắc lịch ngày mai: Hội thảo sinh hoạt chuyên môn cụm trường");
            String text = (String) parts(reminder).get("text/plain").getContent();
            assertThat(text).contains("Mã xác nhận của quý thầy cô: LAN-2027")
                    .contains("Tiết dạy «Bé vui học toán», phòng Lớp Lá 1, từ 09:00")
                    .contains("Bài tham luận quý thầy cô trình bày trong ngày:")
                    .contains("- «Trò chơi dân gian ở lớp Lá»: phiên «Tham luận: Học mà chơi», phòng Hội trường B, từ 14:00")
                    .doesNotContain("Góc đọc sách của bé");
            String unsubscribe = jakarta.mail.internet.MimeUtility.unfold(reminder.getHeader("List-Unsubscribe")[0]);
            assertThat(reminder.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            MimeMessage binhReminder = awaitMails(binh, 2).get(1);
            assertThat((String) parts(binhReminder).get("text/plain").getContent()).doesNotContain("Bé vui học toán")
                    .doesNotContain("Trò chơi dân gian");
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(eventId).stream()
                    .filter(d -> d.kind().equals("reminder")).allMatch(d -> d.state().name().equals("SENT")));
            assertThat(deliveries(eventId).stream().filter(d -> d.kind().equals("reminder")).count()).isEqualTo(2);
            assertThat(mailsTo(lan)).hasSize(7);
            assertThat(mailsTo(binh)).hasSize(2);

            // One click in her mail client turns her reminders off; a forged link is refused.
            assertThat(unsubscribe).startsWith("<http://localhost:8080/api/notifications/unsubscribe?email=");
            String token = unsubscribe.substring(unsubscribe.indexOf("token=") + 6, unsubscribe.length() - 1);
            assertThat(text).contains(unsubscribe.substring(1, unsubscribe.length() - 1)); // the same link in the text
            TestIdentity.anonymous(http).post().uri(b -> b.path("/api/notifications/unsubscribe")
                            .queryParam("email", "{e}").queryParam("token", "{t}").build(binh, token)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            TestIdentity.anonymous(http).get().uri(b -> b.path("/api/notifications/unsubscribe")
                            .queryParam("email", "{e}").queryParam("token", "{t}").build(lan, token)).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(page -> assertThat(page).contains("Đã tắt thư nhắc lịch"));

            String next = publishedEvent("Chuyên đề đọc sách", tomorrow, tomorrow);
            messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), next, "r-lan-" + next, lan,
                    "Hoàng Thị Lan", "Trường MN Hoa Sen", "TEACHER", "LAN-2028"));
            messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), next, "r-binh-" + next, binh,
                    "Đặng Văn Bình", "Trường MN Hoa Sen", "TEACHER", "BINH-2028"));
            awaitMails(lan, 8);
            awaitMails(binh, 3);
            reactor.core.publisher.Mono.when(reminders.runOnce(), other.runOnce()).block();
            MimeMessage binhNext = awaitMails(binh, 4).get(3);
            assertThat(binhNext.getSubject()).isEqualTo("Nhắc lịch ngày mai: Chuyên đề đọc sách");
            assertThat(deliveries(next).stream().filter(d -> d.kind().equals("reminder")).map(Delivery::recipient).toList())
                    .containsExactly(binh);
            assertThat(mailsTo(lan)).hasSize(8);
        }
    }

    /**
     * Another instance of this service: a second application context with the first one's database, broker
     * and mail server, its timers running; it consumes nothing (its bindings do not start), so that the
     * first instance keeps every partition and the other tests' messages.
     */
    private ConfigurableApplicationContext secondInstance() {
        var env = context.getEnvironment();
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.mongodb.uri=" + env.getProperty("spring.mongodb.uri"),
                "spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "hoithao.security.issuer=" + env.getProperty("hoithao.security.issuer"),
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + SMTP_PORT,
                "hoithao.notifications.dispatch-interval=200ms",
                "hoithao.notifications.lease=5s",
                "hoithao.notifications.reminder-lead=48h",
                "hoithao.notifications.reminder-interval=1h"));
        for (String binding : List.of("registrations", "events", "observations", "presentations", "identity")) {
            properties.add("spring.cloud.stream.bindings." + binding + "Messages-in-0.consumer.auto-startup=false");
        }
        // as command-line arguments: they win over application.yml (default properties would not)
        return new org.springframework.boot.builder.SpringApplicationBuilder(NotificationsApplication.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    @Test
    void theDelegateWhoSubmittedAPaperHearsItWasReceivedReviewedAcceptedAndWhereSheSpeaks() throws Exception {
        String eventId = publishedEvent("Hội thảo chuyên đề giáo dục mầm non");
        String hoa = "hoa." + eventId + "@mndongtam.edu.vn";
        messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, "r-hoa-" + eventId, hoa,
                "Nguyễn Thị Hoà", "Trường MN Đồng Tâm", "TEACHER", "HOA-2027"));
        awaitMails(hoa, 1);
        String sessionId = "ses-" + eventId;
        Instant starts = Instant.parse("2027-03-16T07:00:00Z");
        messages.send(new SessionScheduled(UUID.randomUUID(), Instant.now(), eventId, sessionId, "PRESENTATION",
                "Tham luận: Lấy trẻ làm trung tâm", "Hội trường B", starts, starts.plusSeconds(5400), 1));
        String paperId = "pap-" + eventId;
        String title = "Kinh nghiệm xây dựng môi trường giáo dục lấy trẻ làm trung tâm";
        PaperSubmitted submitted = new PaperSubmitted(UUID.randomUUID(), Instant.now(), eventId, paperId, title,
                "Trường MN Đồng Tâm", List.of("Nguyễn Thị Hoà"), 15, hoa.toUpperCase());
        messages.send(submitted);
        messages.send(submitted); // redelivered: one mail

        MimeMessage received = awaitMails(hoa, 2).get(1);
        assertThat(received.getSubject()).isEqualTo("Đã nhận bài tham luận: " + title);
        assertThat((String) parts(received).get("text/plain").getContent()).contains("Kính gửi Nguyễn Thị Hoà,")
                .contains("Ban tổ chức «Hội thảo chuyên đề giáo dục mầm non» đã nhận bài tham luận «" + title + "»");

        messages.send(new PaperRevisionRequested(UUID.randomUUID(), Instant.now(), eventId, paperId, hoa));
        assertThat(awaitMails(hoa, 3).get(2).getSubject()).isEqualTo("Đề nghị chỉnh sửa bài tham luận: " + title);
        // An older message without the submitter's email: she is found by the paper.
        messages.send(new PaperAccepted(UUID.randomUUID(), Instant.now(), eventId, paperId, title, "Trường MN Đồng Tâm",
                List.of("Nguyễn Thị Hoà")));
        assertThat(awaitMails(hoa, 4).get(3).getSubject()).isEqualTo("Bài tham luận được chấp nhận: " + title);

        messages.send(new PaperScheduled(UUID.randomUUID(), Instant.now(), eventId, paperId, sessionId, title,
                "Trường MN Đồng Tâm", List.of("Nguyễn Thị Hoà"), 2, 15, 3));
        MimeMessage placed = awaitMails(hoa, 5).get(4);
        assertThat(placed.getSubject()).isEqualTo("Lịch trình bày tham luận: " + title);
        assertThat((String) parts(placed).get("text/plain").getContent())
                .contains("Phiên «Tham luận: Lấy trẻ làm trung tâm», phòng Hội trường B, từ 14:00 ngày 16/03/2027 đến 15:30 ngày 16/03/2027")
                .contains("trình bày thứ 2 trong phiên, thời lượng 15 phút");
        try (InputStream ics = parts(placed).get("text/calendar").getInputStream()) {
            VEvent entry = new CalendarBuilder().build(ics).<VEvent>getComponent("VEVENT").orElseThrow();
            assertThat(entry.getLocation().getValue()).isEqualTo("Hội trường B");
            assertThat(entry.getDateTimeStart().getValue()).isEqualTo("20270316T070000Z");
        }

        // An English-speaking submitter, her paper rejected; a paper whose submitter nobody knows is mailed to no one.
        String jane = "jane." + eventId + "@school.edu.vn";
        TestIdentity.get().as(http, TestIdentity.delegate(jane)).put().uri("/api/notifications/preferences")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"language\":\"en\"}").exchange()
                .expectStatus().isOk();
        messages.send(new PaperSubmitted(UUID.randomUUID(), Instant.now(), eventId, "pap-old-" + eventId, "Góc học tập",
                "Trường MN Đồng Tâm", List.of("Lê Văn Cường"), 10));
        messages.send(new PaperRejected(UUID.randomUUID(), Instant.now(), eventId, "pap-old-" + eventId));
        messages.send(new PaperSubmitted(UUID.randomUUID(), Instant.now(), eventId, "pap-jane-" + eventId,
                "Trò chơi dân gian trong trường mầm non", "Trường MN Đồng Tâm", List.of("Jane Nguyễn"), 10, jane));
        messages.send(new PaperRejected(UUID.randomUUID(), Instant.now(), eventId, "pap-jane-" + eventId, jane));
        MimeMessage rejected = awaitMails(jane, 2).get(1);
        assertThat(rejected.getSubject()).isEqualTo("Paper not accepted: Trò chơi dân gian trong trường mầm non");
        assertThat((String) parts(rejected).get("text/plain").getContent()).contains("Dear " + jane + ",")
                .contains("was not accepted for presentation at “Hội thảo chuyên đề giáo dục mầm non”");
        assertThat(deliveries(eventId).stream().filter(d -> d.kind().startsWith("paper.")).map(Delivery::kind).toList())
                .containsExactlyInAnyOrder("paper.received", "paper.revision", "paper.accepted", "paper.placed",
                        "paper.received", "paper.rejected");
        assertThat(mailsTo(hoa)).hasSize(5);
    }

    @Test
    void aCancelledEventIsOneMailToEachPersonWithTheReasonWhicheverMessageComesFirst() throws Exception {
        String eventId = publishedEvent("Hội thảo giáo dục hoà nhập");
        String lan = "lan." + eventId + "@mn.edu.vn";
        String binh = "binh." + eventId + "@mn.edu.vn";
        messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, "r-lan-" + eventId, lan,
                "Hoàng Thị Lan", "Trường MN Hoa Sen", "TEACHER", "LAN-1"));
        messages.send(new RegistrationWaitlisted(UUID.randomUUID(), Instant.now(), eventId, "r-binh-" + eventId, binh,
                "Đặng Văn Bình", "Trường MN Hoa Sen", "TEACHER"));
        String lessonId = "les-" + eventId;
        Instant starts = Instant.parse("2027-03-16T02:00:00Z");
        messages.send(new LessonScheduled(UUID.randomUUID(), Instant.now(), eventId, lessonId, "s-1", "Bé tập làm nội trợ",
                "Lớp Mầm 1", starts, starts.plusSeconds(2100), 1));
        messages.send(new SeatBooked(UUID.randomUUID(), Instant.now(), eventId, lessonId, "b-1", "r-lan-" + eventId, lan, 0, 2));
        awaitMails(lan, 2); // confirmed, seat booked
        awaitMails(binh, 1);
        String why = "The event was cancelled: Bão số 3 đổ bộ"; // as the registrations service words it

        // Bình's registration is cancelled before this service hears of the event's cancellation.
        messages.send(new RegistrationCancelled(UUID.randomUUID(), Instant.now(), eventId, "r-binh-" + eventId, binh, why, false));
        MimeMessage toBinh = awaitMails(binh, 2).get(1);
        assertThat(toBinh.getSubject()).isEqualTo("Sự kiện đã bị huỷ: Hội thảo giáo dục hoà nhập");
        assertThat((String) parts(toBinh).get("text/plain").getContent()).contains("Kính gửi Đặng Văn Bình,")
                .contains("ban tổ chức đã huỷ «Hội thảo giáo dục hoà nhập»").contains("Lý do: Bão số 3 đổ bộ")
                .doesNotContain("The event was cancelled");

        messages.send(new EventCancelled(UUID.randomUUID(), Instant.now(), eventId, "Bão số 3 đổ bộ"));
        MimeMessage toLan = awaitMails(lan, 3).get(2);
        assertThat(toLan.getSubject()).isEqualTo("Sự kiện đã bị huỷ: Hội thảo giáo dục hoà nhập");
        assertThat((String) parts(toLan).get("text/plain").getContent()).contains("Lý do: Bão số 3 đổ bộ");
        // A programme change after the cancellation (Lan's registration not yet cancelled here) gathers nothing:
        // the next message on the events topic has been handled by the time its session is known.
        messages.send(new SessionCancelled(UUID.randomUUID(), Instant.now(), eventId, "s-late-" + eventId, 9));
        messages.send(new SessionScheduled(UUID.randomUUID(), Instant.now(), eventId, "s-marker-" + eventId, "TALK",
                "Phiên đánh dấu", "Hội trường A", starts, starts.plusSeconds(3600), 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("s-marker-" + eventId,
                io.hoithao.notifications.programme.Session.class).blockOptional().isPresent());
        assertThat(mongo.count(Query.query(Criteria.where("eventId").is(eventId)),
                io.hoithao.notifications.programme.Digest.class).block()).isZero();
        messages.send(new RegistrationCancelled(UUID.randomUUID(), Instant.now(), eventId, "r-lan-" + eventId, lan, why, true));
        // the observations service then cancels the event's lessons: her seat lapses with the event, no second mail
        messages.send(new LessonCancelled(UUID.randomUUID(), Instant.now(), eventId, lessonId, "Bão số 3 đổ bộ", 3));
        messages.send(new SeatReleased(UUID.randomUUID(), Instant.now(), eventId, lessonId, "b-1", "r-lan-" + eventId, 2,
                "Bão số 3 đổ bộ", 3));
        String observer = "observer." + eventId + "@mn.edu.vn";
        messages.send(new ObserverWaitlisted(UUID.randomUUID(), Instant.now(), eventId, "les-other-" + eventId, "r-o-" + eventId, observer));
        awaitMails(observer, 1); // a later message on the observations topic has been handled

        // A later message has been handled: Lan's cancellation sent nothing more, and no programme change is gathered.
        String marker = "marker." + eventId + "@mn.edu.vn";
        messages.send(new RegistrationPendingApproval(UUID.randomUUID(), Instant.now(), eventId, "r-m-" + eventId,
                marker, "Trần Văn Minh", "Trường MN Hoa Sen", "TEACHER"));
        awaitMails(marker, 1);
        assertThat(mailsTo(lan)).hasSize(3);
        assertThat(mailsTo(binh)).hasSize(2);
        assertThat(mongo.count(Query.query(Criteria.where("eventId").is(eventId)),
                io.hoithao.notifications.programme.Digest.class).block()).isZero();
        assertThat(deliveries(eventId).stream().map(Delivery::kind).toList()).containsExactlyInAnyOrder(
                "registration.confirmed", "observation.booked", "registration.waitlisted", "event.cancelled", "event.cancelled",
                "registration.pending", "observation.waitlisted");
    }

    @Test
    void theIdentityServicesVerificationLinkArrivesOnceAsAMailWithTheLink() throws Exception {
        String ha = "ha.le." + UUID.randomUUID().toString().substring(0, 8) + "@mndongtam.edu.vn";
        String link = "http://localhost:9000/verify-email?token=Yq3xJ0c2nq6u7L8bDkq1yQ-" + UUID.randomUUID();
        EmailVerificationRequested requested = new EmailVerificationRequested(UUID.randomUUID(), Instant.now(),
                IdentityMessage.NO_EVENT, ha, "Lê Thị Hà", link, Instant.parse("2027-03-16T03:00:00Z"));
        messages.send(requested);
        messages.send(requested); // redelivered: one mail

        MimeMessage mail = awaitMails(ha, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Xác nhận địa chỉ thư điện tử của quý thầy cô");
        Map<String, Part> parts = parts(mail);
        String text = (String) parts.get("text/plain").getContent();
        assertThat(text).contains("Kính gửi Lê Thị Hà,").contains("Liên kết có hiệu lực đến 10:00 ngày 16/03/2027.");
        assertThat(text.lines()).contains(link); // on a line of its own, whole, for any mail client to make it a link
        assertThat((String) parts.get("text/html").getContent()).contains("<a href=\"" + link + "\">Xác nhận địa chỉ thư</a>");

        // A later message on the same topic has been handled: still one mail, in no event's log.
        String marker = "marker." + UUID.randomUUID() + "@mndongtam.edu.vn";
        messages.send(new EmailVerificationRequested(UUID.randomUUID(), Instant.now(), IdentityMessage.NO_EVENT, marker,
                "Trần Văn Minh", link + "-2", Instant.now().plusSeconds(86400)));
        awaitMails(marker, 1);
        assertThat(mailsTo(ha)).hasSize(1);
        List<Delivery> logged = mongo.find(Query.query(Criteria.where("recipient").is(ha)), Delivery.class).collectList().block();
        assertThat(logged).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("identity.verification");
            assertThat(d.eventId()).isNull();
        });
    }

    @Test
    void aPasswordResetLinkArrivesOnceInTheLanguageItWasAskedInWithTheLinkAsButtonAndLine() throws Exception {
        String hang = "hang.nguyen." + UUID.randomUUID().toString().substring(0, 8) + "@mndongtam.edu.vn";
        String link = "http://localhost:9000/reset-password?token=Zr4yK1d3or7v8M9cElr2zR-" + UUID.randomUUID();
        PasswordResetRequested requested = new PasswordResetRequested(UUID.randomUUID(), Instant.now(),
                IdentityMessage.NO_EVENT, hang, "Nguyễn Thị Hằng", null, link, Instant.parse("2027-03-16T03:00:00Z"));
        messages.send(requested);
        messages.send(requested); // redelivered: one mail

        MimeMessage mail = awaitMails(hang, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Đặt lại mật khẩu tài khoản Hội thảo");
        Map<String, Part> parts = parts(mail);
        String text = (String) parts.get("text/plain").getContent();
        assertThat(text).contains("Kính gửi Nguyễn Thị Hằng,").contains("Liên kết có hiệu lực đến 10:00 ngày 16/03/2027.")
                .contains("Nếu không phải quý thầy cô yêu cầu, xin bỏ qua thư này");
        assertThat(text.lines()).contains(link);
        String html = (String) parts.get("text/html").getContent();
        assertThat(html).contains("<a href=\"" + link + "\">Đặt mật khẩu mới</a>")
                .contains("xin sao chép địa chỉ này vào trình duyệt: " + link);

        // Asked from an English page, by someone without a chosen language: in English.
        String minh = "minh.tran." + UUID.randomUUID().toString().substring(0, 8) + "@mndongtam.edu.vn";
        messages.send(new PasswordResetRequested(UUID.randomUUID(), Instant.now(), IdentityMessage.NO_EVENT, minh,
                "Trần Văn Minh", "en", link + "-2", Instant.parse("2027-03-16T03:00:00Z")));
        MimeMessage english = awaitMails(minh, 1).get(0);
        assertThat(english.getSubject()).isEqualTo("Reset the password of your Hội thảo account");
        assertThat((String) parts(english).get("text/plain").getContent()).contains("Dear Trần Văn Minh,")
                .contains("If you did not ask for this, please ignore this mail");
        assertThat(mailsTo(hang)).hasSize(1);
        List<Delivery> logged = mongo.find(Query.query(Criteria.where("recipient").is(hang)), Delivery.class).collectList().block();
        assertThat(logged).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("identity.passwordReset");
            assertThat(d.eventId()).isNull();
        });
    }

    private String publishedEvent(String title) {
        return publishedEvent(title, LocalDate.of(2027, 3, 16), LocalDate.of(2027, 3, 17));
    }

    private String publishedEvent(String title, LocalDate start, LocalDate end) {
        String eventId = "evt-" + UUID.randomUUID();
        messages.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, title, "WORKSHOP", "DISTRICT",
                "Phòng GD&ĐT Chợ Mới", start, end, "Asia/Ho_Chi_Minh", 100, TestIdentity.unitId("Phòng GD&ĐT Chợ Mới")));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(eventId, KnownEvent.class).blockOptional().isPresent());
        return eventId;
    }

    private List<Delivery> deliveries(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId)), Delivery.class).collectList().block();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() >= count);
        return mailsTo(address);
    }

    /** The QR badge of a mail, read back the way a check-in scanner would. */
    private static String qrCode(Map<String, Part> parts) throws Exception {
        try (InputStream png = parts.get("image/png").getInputStream()) {
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(ImageIO.read(png))));
            return new QRCodeReader().decode(bitmap).getText();
        }
    }

    /** The calendar entry attached to a mail, parsed the way a calendar app would. */
    private static VEvent calendarEntry(Map<String, Part> parts) throws Exception {
        try (InputStream ics = parts.get("text/calendar").getInputStream()) {
            return new CalendarBuilder().build(ics).<VEvent>getComponent("VEVENT").orElseThrow();
        }
    }

    /** The leaf parts of a mail by content type (without parameters). */
    private static Map<String, Part> parts(Part part) throws Exception {
        Map<String, Part> found = new java.util.HashMap<>();
        collect(part, found);
        return found;
    }

    private static void collect(Part part, Map<String, Part> found) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found);
            }
        } else {
            found.putIfAbsent(part.getContentType().split(";")[0].trim().toLowerCase(), part);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
