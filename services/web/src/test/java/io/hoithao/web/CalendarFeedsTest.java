package io.hoithao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The private calendar feeds on a real Mongo wire-protocol server (mongo-java-server): an address opens
 * the feed until it is replaced or revoked, only its hash is stored, what is hers follows her last visit;
 * and the iCalendar text (whole-day events, lessons in UTC, escaping, folding at 75 octets).
 */
class CalendarFeedsTest {

    static MongoServer server;
    static MongoClient client;
    static CalendarFeeds feeds;

    @BeforeAll
    static void start() {
        MemoryBackend backend = new MemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        feeds = new CalendarFeeds(new ReactiveMongoTemplate(client, "hoithao_web"));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    static List<CalendarFeeds.Item> items(String title) {
        return List.of(new CalendarFeeds.Item("EVENT", "r1", "e1", title, "CONFIRMED", "Đã xác nhận"));
    }

    @Test
    void anAddressOpensItsFeedUntilReplacedOrRevoked() {
        String first = feeds.create("ha@example.vn", items("one"), "vi").block();
        assertThat(first).hasSize(43);
        assertThat(feeds.feed(first).block().items()).isEqualTo(items("one"));
        assertThat(feeds.of("ha@example.vn").block().id()).isEqualTo(CalendarFeeds.hash(first)).isNotEqualTo(first);

        feeds.remember("ha@example.vn", items("two"), "en").block();
        assertThat(feeds.feed(first).block()).satisfies(feed -> {
            assertThat(feed.items()).isEqualTo(items("two"));
            assertThat(feed.language()).isEqualTo("en");
        });

        String second = feeds.create("ha@example.vn", items("three"), "vi").block();
        assertThat(second).isNotEqualTo(first);
        assertThat(feeds.feed(first).blockOptional()).isEmpty();
        assertThat(feeds.feed(second).block().items()).isEqualTo(items("three"));

        String someoneElse = feeds.create("mai@example.vn", items("mai"), "vi").block();
        feeds.revoke("ha@example.vn").block();
        assertThat(feeds.feed(second).blockOptional()).isEmpty();
        assertThat(feeds.feed(someoneElse).block().items()).isEqualTo(items("mai"));
        assertThat(feeds.feed("{\"$gt\": \"\"}").blockOptional()).isEmpty();
        assertThat(feeds.feed("a".repeat(43)).blockOptional()).isEmpty();
    }

    @Test
    void theCalendarHasWholeDayEventsAndLessonsInUtcEscapedAndFolded() {
        String title = "Hội thảo chuyên đề: Lớp học hạnh phúc, trải nghiệm; sáng tạo và phát triển toàn diện cho trẻ mầm non";
        String ics = Ics.of("Lịch của tôi", List.of(
                new ProgrammePages.Entry("EVENT", "r1", "e1", title, LocalDate.of(2027, 10, 25), LocalDate.of(2027, 10, 26),
                        null, null, "CONFIRMED", "Đã xác nhận", "Trường Mầm non Đồng Tâm", "/me/registrations/r1"),
                new ProgrammePages.Entry("LESSON", "l1", "e1", "Khám phá: nước", LocalDate.of(2027, 10, 25), null,
                        OffsetDateTime.parse("2027-10-25T08:30:00+07:00"), OffsetDateTime.parse("2027-10-25T09:15:00+07:00"),
                        "WAITLISTED", "Đang chờ, thứ tự 2", null, null)), Instant.parse("2027-10-01T00:00:00Z"));
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("UID:event-r1@hoithao", "DTSTART;VALUE=DATE:20271025", "DTEND;VALUE=DATE:20271027",
                        "SUMMARY:Hội thảo chuyên đề: Lớp học hạnh phúc\\, trải nghiệm\\; sáng tạo",
                        "DTSTART:20271025T013000Z", "DTEND:20271025T021500Z", "STATUS:TENTATIVE");
    }
}
