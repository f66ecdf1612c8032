package io.hoithao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

/**
 * The public photo album over a small HTTP server answering as the events and presentations APIs do (their
 * JSON as their READMEs document it): the grid of thumbnails with captions as alternative text, in both
 * languages, the images passed on through the site, the empty album, and the link from the event's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AlbumPagesTest {

    static final String PHOTOS = """
            [{"id":"pho-1","eventId":"e1","sessionId":null,"caption":"Tiết dạy minh họa <lớp> MGL A1","width":1600,
              "height":1200,"status":"APPROVED","image":"/api/presentations/photos/pho-1/image",
              "thumbnail":"/api/presentations/photos/pho-1/thumbnail"},
             {"id":"pho-2","eventId":"e1","sessionId":"s1","caption":null,"width":300,"height":400,"status":"APPROVED",
              "image":"/api/presentations/photos/pho-2/image","thumbnail":"/api/presentations/photos/pho-2/thumbnail"}]""";
    static final byte[] THUMBNAIL = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2, 3, 4, (byte) 0xff, (byte) 0xd9};

    @RegisterExtension
    static final StandInApi api = StandInApi.of(routes -> routes
            .get("/api/events/e1", (req, res) -> json(res, EventPagesTest.EVENT))
            .get("/api/events/e1/programme", (req, res) -> json(res, EventPagesTest.PROGRAMME))
            .get("/api/events/e2", (req, res) -> json(res, EventPagesTest.EVENT.replace("\"e1\"", "\"e2\"")))
            .get("/api/presentations/events/e1/photos", (req, res) -> json(res, PHOTOS))
            .get("/api/presentations/events/e2/photos", (req, res) -> json(res, "[]"))
            .get("/api/presentations/photos/pho-1/thumbnail", (req, res) -> res.header("Content-Type", "image/jpeg")
                    .sendByteArray(Mono.just(THUMBNAIL)))
            .get("/api/presentations/photos/pho-gone/thumbnail", (req, res) -> res.status(404)
                    .header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"status\":404,\"type\":\"https://hoithao.io/problems/not-found\"}"))));

    static reactor.netty.NettyOutbound json(reactor.netty.http.server.HttpServerResponse res, String body) {
        return res.header("Content-Type", "application/json").sendString(Mono.just(body), StandardCharsets.UTF_8);
    }

    @DynamicPropertySource
    static void apiUri(DynamicPropertyRegistry registry) {
        api.properties(registry);
        registry.add("hoithao.web.public-uri", () -> "http://site.example:8080");
    }

    @Autowired
    WebTestClient web;

    @BeforeEach
    void timeout() {
        web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    private String page(String path, String language) {
        return web.get().uri(path).accept(MediaType.TEXT_HTML).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", SecurityConfig.CSP.formatted("http://issuer.example:9000"))
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void theAlbumIsAGridOfThumbnailsLinkingToThePhotosWithTheirCaptionsAsAlternativeText() {
        String html = page("/events/e1/album", "vi");
        assertThat(html).contains("<html lang=\"vi\"", "<title>Album hình ảnh · Hội nghị sơ kết chuyên đề</title>",
                "<main id=\"main\"", "<section class=\"album-page\" aria-labelledby=\"album-title\">",
                "<h1 id=\"album-title\">Album hình ảnh</h1>", "2 ảnh",
                "<ul class=\"album\" aria-label=\"Ảnh của sự kiện\">",
                "href=\"/events/e1/album/pho-1/image\"", "src=\"/events/e1/album/pho-1/thumbnail\"",
                "alt=\"Tiết dạy minh họa &lt;lớp&gt; MGL A1\"", "width=\"480\" height=\"360\"",
                "aria-label=\"Xem ảnh cỡ lớn: Tiết dạy minh họa &lt;lớp&gt; MGL A1\"",
                "<figcaption>Tiết dạy minh họa &lt;lớp&gt; MGL A1</figcaption>",
                // no caption: the alternative text still says what it is, from the catalogue
                "alt=\"Ảnh 2 của «Hội nghị sơ kết chuyên đề»\"", "width=\"300\" height=\"400\"",
                "href=\"/events/e1\"", "Quay lại sự kiện")
                .doesNotContain("<lớp>", "/api/presentations/");
        assertThat(html.split("<figcaption", -1)).hasSize(2);

        String english = page("/events/e1/album", "en");
        assertThat(english).contains("<html lang=\"en\"", "<h1 id=\"album-title\">Photo album</h1>", "2 photos",
                "aria-label=\"The event&#39;s photos\"", "alt=\"Photo 2 of &quot;Hội nghị sơ kết chuyên đề&quot;\"",
                "See the photo full size: Tiết dạy", "Back to the event")
                .doesNotContain("Album hình ảnh", "Ảnh của sự kiện", "Xem ảnh cỡ lớn", "Quay lại");
    }

    @Test
    void thePhotosArePassedOnThroughTheSiteAndAMissingOneIsNotFound() {
        byte[] bytes = web.get().uri("/events/e1/album/pho-1/thumbnail").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(bytes).isEqualTo(THUMBNAIL);
        web.get().uri("/events/e1/album/pho-gone/thumbnail").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
        web.get().uri("/events/e1/album/a.b/thumbnail").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
    }

    @Test
    void anEmptyAlbumSaysSoAndTheEventsPageLinksToTheAlbum() {
        assertThat(page("/events/e2/album", "vi")).contains("<p id=\"album-empty\">Album chưa có ảnh nào.</p>")
                .doesNotContain("class=\"album\"");
        assertThat(page("/events/e1", "vi")).contains("id=\"album\" href=\"/events/e1/album\">Album hình ảnh</a>");
        assertThat(page("/events/e1", "en")).contains("href=\"/events/e1/album\">Photo album</a>");
    }
}
