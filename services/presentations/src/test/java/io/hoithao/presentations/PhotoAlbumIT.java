package io.hoithao.presentations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.presentations.album.Photo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The photo album: an organiser uploads a JPEG carrying a camera location in its EXIF and a PNG; the stored
 * images are JPEGs without EXIF, with a thumbnail at most 480 px wide, and the public album lists them with
 * their captions; HEIC, other files and photos over the limit are refused with a clear problem, and only the
 * event's organisers upload.
 */
@IntegrationTest
class PhotoAlbumIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void organisersUploadCleanedPhotosAndEveryoneSeesTheAlbum() throws Exception {
        Fixtures fixtures = new Fixtures(http, messages, mongo).withOpenCall();
        String event = fixtures.eventId;
        WebTestClient organiser = TestIdentity.get().as(http, TestIdentity.organiser(Fixtures.ORGANISER_UNIT))
                .mutate().responseTimeout(Duration.ofSeconds(60)).build();
        byte[] located = withGpsExif(image("jpg", 1600, 1200));
        assertThat(new String(located, StandardCharsets.ISO_8859_1)).contains("Exif").contains("GPS");

        Map<?, ?> first = organiser.post().uri("/api/presentations/events/{e}/photos?caption={c}", event, "Tiết dạy minh họa lớp MGL A1")
                .contentType(MediaType.IMAGE_JPEG).bodyValue(located).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        organiser.post().uri("/api/presentations/events/{e}/photos?caption={c}", event, "Các cô giáo trao đổi sau tiết dạy")
                .contentType(MediaType.IMAGE_PNG).bodyValue(image("png", 800, 600)).exchange().expectStatus().isCreated();

        byte[] stored = http.get().uri((String) first.get("image")).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG).expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(1600);
        byte[] thumbnail = http.get().uri((String) first.get("thumbnail")).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(small.getWidth()).isEqualTo(480);
        assertThat(small.getHeight()).isEqualTo(360);

        TestIdentity.anonymous(http).get().uri("/api/presentations/events/{e}/photos", event).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].caption").isEqualTo("Tiết dạy minh họa lớp MGL A1")
                .jsonPath("$[1].caption").isEqualTo("Các cô giáo trao đổi sau tiết dạy")
                .jsonPath("$[1].width").isEqualTo(800);

        byte[] heic = new byte[64];
        System.arraycopy(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 0, heic, 0, 12);
        organiser.post().uri("/api/presentations/events/{e}/photos", event).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(heic).exchange().expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/photo-type-not-accepted")
                .jsonPath("$.detected").isEqualTo("image/heic")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("JPEG"));
        organiser.post().uri("/api/presentations/events/{e}/photos", event).contentType(MediaType.IMAGE_JPEG)
                .bodyValue("%PDF-1.7 not a photo".getBytes(StandardCharsets.US_ASCII)).exchange().expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/photo-type-not-accepted");
        byte[] huge = Arrays.copyOf(located, 16 * 1024 * 1024);
        organiser.post().uri("/api/presentations/events/{e}/photos", event).contentType(MediaType.IMAGE_JPEG)
                .bodyValue(huge).exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/photo-too-large");

        TestIdentity.anonymous(http).post().uri("/api/presentations/events/{e}/photos", event).contentType(MediaType.IMAGE_JPEG)
                .bodyValue(located).exchange().expectStatus().isUnauthorized();
        TestIdentity.get().as(http, TestIdentity.organiser("Phòng GD&ĐT Na Rì")).post()
                .uri("/api/presentations/events/{e}/photos", event).contentType(MediaType.IMAGE_JPEG)
                .bodyValue(located).exchange().expectStatus().isForbidden();
        TestIdentity.anonymous(http).get().uri("/api/presentations/events/{e}/photos", event).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    /**
     * Delegates' photos: refused while the organiser keeps the album to herself, then, once she opens it, a
     * confirmed delegate's photos wait for approval (not in the public album, their images found only by her and
     * the organisers); the organiser approves one and rejects the other (deciding again the other way is 409, and
     * of an approve and a reject sent at once exactly one wins), re-captions and deletes, and the album follows.
     */
    @Test
    void delegatesPhotosWaitForTheOrganisersApprovalWhenSheAllowsThem() throws Exception {
        Fixtures fixtures = new Fixtures(http, messages, mongo).withOpenCall();
        String event = fixtures.eventId;
        String email = "hoa.album@mndongtam.edu.vn";
        fixtures.delegate(email);
        WebTestClient organiser = TestIdentity.get().as(http, TestIdentity.organiser(Fixtures.ORGANISER_UNIT))
                .mutate().responseTimeout(Duration.ofSeconds(60)).build();
        WebTestClient delegate = fixtures.asDelegate(email).mutate().responseTimeout(Duration.ofSeconds(60)).build();
        WebTestClient stranger = fixtures.asDelegate("khach.album@mndongtam.edu.vn");
        WebTestClient anonymous = TestIdentity.anonymous(http);
        byte[] photo = image("jpg", 640, 480);

        delegate.post().uri(PHOTOS, event).contentType(MediaType.IMAGE_JPEG).bodyValue(photo).exchange()
                .expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/photo-uploads-closed");
        anonymous.get().uri("/api/presentations/events/{e}/album", event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.delegateUploads").isEqualTo(false);
        delegate.put().uri("/api/presentations/events/{e}/album", event).bodyValue(Map.of("delegateUploads", true)).exchange()
                .expectStatus().isForbidden();
        organiser.put().uri("/api/presentations/events/{e}/album", event).bodyValue(Map.of("delegateUploads", true)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.delegateUploads").isEqualTo(true);

        stranger.post().uri(PHOTOS, event).contentType(MediaType.IMAGE_JPEG).bodyValue(photo).exchange()
                .expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-registered");
        Map<?, ?> first = upload(delegate, event, "Bé vẽ tranh", photo, "PENDING");
        Map<?, ?> second = upload(delegate, event, "Ảnh mờ", photo, "PENDING");
        Map<?, ?> third = upload(delegate, event, "Cả lớp", photo, "PENDING");

        anonymous.get().uri(PHOTOS, event).exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        for (WebTestClient nobody : new WebTestClient[] {anonymous, stranger}) {
            nobody.get().uri((String) first.get("thumbnail")).exchange().expectStatus().isNotFound();
        }
        delegate.get().uri((String) first.get("thumbnail")).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG);
        organiser.get().uri((String) first.get("image")).exchange().expectStatus().isOk();
        delegate.get().uri(PHOTOS + "/mine", event).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].status").isEqualTo("PENDING")
                .jsonPath("$[0].caption").isEqualTo("Bé vẽ tranh");
        stranger.get().uri(PHOTOS + "/mine", event).exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        delegate.get().uri(PHOTOS + "/pending", event).exchange().expectStatus().isForbidden();
        organiser.get().uri(PHOTOS + "/pending", event).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].uploadedBy").isEqualTo(email);

        delegate.post().uri("/api/presentations/photos/{p}/approve", first.get("id")).exchange().expectStatus().isForbidden();
        organiser.post().uri("/api/presentations/photos/{p}/approve", first.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED");
        organiser.post().uri("/api/presentations/photos/{p}/approve", first.get("id")).exchange().expectStatus().isOk();
        organiser.post().uri("/api/presentations/photos/{p}/reject", first.get("id")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/invalid-transition");
        organiser.post().uri("/api/presentations/photos/{p}/reject", second.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REJECTED");

        // An approve and a reject of one photo at once: one conditional write wins, the other is told so.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> approve = pool.submit(() -> organiser.post().uri("/api/presentations/photos/{p}/approve", third.get("id"))
                    .exchange().returnResult(String.class).getStatus().value());
            Future<Integer> reject = pool.submit(() -> organiser.post().uri("/api/presentations/photos/{p}/reject", third.get("id"))
                    .exchange().returnResult(String.class).getStatus().value());
            List<Integer> answers = List.of(approve.get(), reject.get());
            assertThat(answers).containsExactlyInAnyOrder(200, 409);
            String status = mongo.findById((String) third.get("id"), Photo.class).block().status();
            assertThat(status).isEqualTo(answers.get(0) == 200 ? "APPROVED" : "REJECTED");
        } finally {
            pool.shutdownNow();
        }

        anonymous.get().uri((String) first.get("thumbnail")).exchange().expectStatus().isOk();
        anonymous.get().uri((String) second.get("thumbnail")).exchange().expectStatus().isNotFound();
        TestIdentity.get().as(http, TestIdentity.organiser("Phòng GD&ĐT Na Rì")).patch()
                .uri("/api/presentations/photos/{p}", first.get("id")).bodyValue(Map.of("caption", "Không phải của tôi"))
                .exchange().expectStatus().isForbidden();
        organiser.patch().uri("/api/presentations/photos/{p}", first.get("id")).bodyValue(Map.of("caption", "Bé vẽ tranh Noel"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.caption").isEqualTo("Bé vẽ tranh Noel");
        anonymous.get().uri(PHOTOS, event).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '%s')].caption".formatted(first.get("id"))).isEqualTo("Bé vẽ tranh Noel")
                .jsonPath("$[*].status").value(statuses -> assertThat(statuses.toString()).doesNotContain("PENDING", "REJECTED"))
                .jsonPath("$[0].uploadedBy").doesNotExist();

        String imageId = mongo.findById((String) first.get("id"), Photo.class).block().imageId();
        delegate.delete().uri("/api/presentations/photos/{p}", first.get("id")).exchange().expectStatus().isForbidden();
        organiser.delete().uri("/api/presentations/photos/{p}", first.get("id")).exchange().expectStatus().isNoContent();
        anonymous.get().uri((String) first.get("image")).exchange().expectStatus().isNotFound();
        anonymous.get().uri(PHOTOS, event).exchange().expectBody()
                .jsonPath("$[?(@.id == '%s')]".formatted(first.get("id"))).isEmpty();
        assertThat(mongo.getCollection("fs.files").flatMap(files -> Mono.from(files.countDocuments(
                new org.bson.Document("_id", new org.bson.types.ObjectId(imageId))))).block()).isZero();
        organiser.delete().uri("/api/presentations/photos/{p}", first.get("id")).exchange().expectStatus().isNotFound();
    }

    static final String PHOTOS = "/api/presentations/events/{e}/photos";

    private static Map<?, ?> upload(WebTestClient who, String event, String caption, byte[] photo, String status) {
        Map<?, ?> answer = who.post().uri(PHOTOS + "?caption={c}", event, caption).contentType(MediaType.IMAGE_JPEG)
                .bodyValue(photo).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer.get("status")).isEqualTo(status);
        return answer;
    }

    static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xF4, 0xA2, 0x61));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x26, 0x46, 0x53));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** The JPEG with an APP1 EXIF segment (a minimal TIFF with a GPS IFD pointer and the text GPS) after its SOI marker. */
    static byte[] withGpsExif(byte[] jpeg) {
        byte[] tiff = ("II*\0\b\0\0\0\u0001\0%\u0088\u0004\0\u0001\0\0\0\u001a\0\0\0\0\0\0\0GPS 21.147N 105.852E\0")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] payload = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, payload, 0, 6);
        System.arraycopy(tiff, 0, payload, 6, tiff.length);
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(0xe1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
