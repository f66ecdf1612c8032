package io.hoithao.presentations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestMessages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

@IntegrationTest
class MaterialsIT {

    static final int CHUNK = 64 * 1024;

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    Fixtures fixtures;
    WebTestClient submitter;
    String paperId;
    final String email = "mai.dt@mnsongcau.edu.vn";

    @BeforeEach
    void paper() {
        http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
        fixtures = new Fixtures(http, messages, mongo).withOpenCall();
        fixtures.delegate(email);
        submitter = fixtures.asDelegate(email).mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
        paperId = fixtures.submitted(email, "Xây dựng môi trường giáo dục", 20);
    }

    /** {@code chunks} × 64 KiB of reproducible bytes that open like a PDF, generated as they are sent (never all in memory). */
    static Flux<DataBuffer> pdfLike(long seed, int chunks) {
        return Flux.range(0, chunks).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk(seed, i)));
    }

    static byte[] chunk(long seed, int i) {
        byte[] bytes = new byte[CHUNK];
        new Random(seed * 31 + i).nextBytes(bytes);
        if (i == 0) {
            byte[] head = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(head, 0, bytes, 0, head.length);
        }
        return bytes;
    }

    static String sha256(long seed, int chunks) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < chunks; i++) {
            digest.update(chunk(seed, i));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    WebTestClient.RequestBodySpec upload(String filename) {
        return submitter.post().uri(b -> b.path("/api/presentations/papers/{p}/materials").queryParam("filename", "{f}")
                        .build(paperId, filename))
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
    }

    @Test
    void anEightMegabyteMaterialStreamsInAndOutByteForByte() throws Exception {
        int chunks = 128; // 8 MiB
        String filename = "Báo cáo tham luận – Đồng Tâm.pdf";
        Map<?, ?> material = upload(filename).body(pdfLike(7, chunks), DataBuffer.class).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(material.get("contentType")).isEqualTo("application/pdf");
        assertThat(((Number) material.get("size")).longValue()).isEqualTo((long) chunks * CHUNK);
        assertThat(material.get("sha256")).isEqualTo(sha256(7, chunks));
        assertThat(material.get("filename")).isEqualTo(filename);

        FluxExchangeResult<DataBuffer> download = submitter.get()
                .uri("/api/presentations/papers/{p}/materials/{m}", paperId, material.get("id"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().contentLength((long) chunks * CHUNK)
                .returnResult(DataBuffer.class);
        assertThat(download.getResponseHeaders().getFirst("Content-Disposition"))
                .contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20tham%20lu%E1%BA%ADn%20%E2%80%93%20%C4%90%E1%BB%93ng%20T%C3%A2m.pdf")
                .contains("filename=\"Bao cao tham luan _ Dong Tam.pdf\"");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long[] size = {0};
        download.getResponseBody().doOnNext(buffer -> {
            try (DataBuffer.ByteBufferIterator parts = buffer.readableByteBuffers()) {
                parts.forEachRemaining(part -> {
                    size[0] += part.remaining();
                    digest.update(part);
                });
            }
            DataBufferUtils.release(buffer);
        }).blockLast(java.time.Duration.ofSeconds(60));
        assertThat(size[0]).isEqualTo((long) chunks * CHUNK);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha256(7, chunks));

        submitter.get().uri("/api/presentations/papers/{p}", paperId).exchange()
                .expectBody().jsonPath("$.materials[0].id").isEqualTo(material.get("id"));
    }

    @Test
    void officeDocumentsAreToldApartByTheirZipEntriesAndMultipartWorksToo() throws Exception {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(ooxml("word/document.xml")) {
            @Override
            public String getFilename() {
                return "Kế hoạch thực hiện chuyên đề.docx";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        submitter.post().uri("/api/presentations/papers/{p}/materials", paperId)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.contentType").isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .jsonPath("$.filename").isEqualTo("Kế hoạch thực hiện chuyên đề.docx");

        // The name says PDF, the content is a presentation: the content wins.
        upload("slides.pdf").bodyValue(ooxml("ppt/presentation.xml")).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.contentType").isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation")
                .jsonPath("$.filename").isEqualTo("slides.pdf.pptx");
    }

    @Test
    void otherContentIsRefusedWhateverItsName() throws Exception {
        byte[] png = new byte[4096];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(magic, 0, png, 0, magic.length);
        upload("anh-chup.pdf").bodyValue(png).exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/material-type-not-accepted");
        // A ZIP that is neither a presentation nor a document (e.g. an .xlsx).
        upload("bang-tinh.docx").bodyValue(ooxml("xl/workbook.xml")).exchange()
                .expectStatus().isEqualTo(415);
        assertThat(count("fs.files")).isZero();
        assertThat(count("fs.chunks")).isZero();
    }

    @Test
    void tooLargeIsRefusedWhileStreamingAndLeavesNothingBehind() {
        // 11 MiB against the tests' 10 MB limit, sent chunked: no Content-Length to judge by in advance.
        upload("qua-lon.pdf").body(pdfLike(3, 176), DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/material-too-large")
                .jsonPath("$.maxBytes").isEqualTo(10 * 1024 * 1024);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("fs.chunks")).isZero();
            assertThat(count("fs.files")).isZero();
        });

        // With a declared length the refusal comes before any byte is read.
        upload("qua-lon.pdf").contentLength(11L * 1024 * 1024).body(pdfLike(3, 176), DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413);
        // Another delegate may not attach materials (nor learn that the paper exists), an organiser of the
        // event's unit sees the paper but does not attach to it; neither leaves a file behind.
        fixtures.asDelegate("stranger@mnsongcau.edu.vn").post()
                .uri(b -> b.path("/api/presentations/papers/{p}/materials").queryParam("filename", "x.pdf").build(paperId))
                .bodyValue("%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII)).exchange()
                .expectStatus().isNotFound();
        fixtures.as(io.hoithao.platform.testing.TestIdentity.organiser(Fixtures.ORGANISER_UNIT)).post()
                .uri(b -> b.path("/api/presentations/papers/{p}/materials").queryParam("filename", "x.pdf").build(paperId))
                .bodyValue("%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-submitter");
        assertThat(count("fs.files")).isZero();
        assertThat(count("fs.chunks")).isZero();
    }

    private long count(String collection) {
        return mongo.getCollection(collection).flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments(
                new Document("metadata.paperId", paperId)))).block()
                + (collection.equals("fs.chunks") ? orphanChunks() : 0);
    }

    /** Chunks whose file document does not exist: what an interrupted upload would leave behind. */
    private long orphanChunks() {
        return mongo.findAll(Document.class, "fs.chunks")
                .filterWhen(chunk -> mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(chunk.get("files_id"))), "fs.files")
                        .map(exists -> !exists))
                .count().block();
    }

    static byte[] ooxml(String mainPart) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write("<Relationships/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(mainPart));
            zip.write("<document>Nội dung</document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
