package io.hoithao.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestMessages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class BulkImportIT {

    static final String CSV = """
            fullName,email,phone,unit,position,category,note
            Nguyễn Thị Hoà,hoa@mndongtam.edu.vn,0912345678,Trường Mầm non Đồng Tâm,Giáo viên,Giáo viên,
            Trần Văn Đức,duc@mndongtam.edu.vn,+84 987 654 321,Trường Mầm non Đồng Tâm,Hiệu trưởng,MANAGER,"Ăn chay, dị ứng hải sản"
            Hoàng Thị Lụa,lua@mndongtam.edu.vn,0209 3870 123,,Giáo viên,teacher,
            Nguyễn Thị Hoà,HOA@mndongtam.edu.vn,0912345678,Trường Mầm non Đồng Tâm,Giáo viên,TEACHER,
            Lê Văn,not-an-email,12345,Trường Mầm non Đồng Tâm,Giáo viên,TEACHER,
            Phạm Thu,thu@mndongtam.edu.vn,0912345679,Trường Mầm non Đồng Tâm,Giáo viên,TEACHER
            Đỗ Hằng,hang@mndongtam.edu.vn,0912345670,Trường Mầm non Đồng Tâm,Giáo viên,hiệu phó,
            """;

    @Autowired
    WebTestClient http;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void eachRowIsRegisteredWaitlistedOrRejectedWithItsReasonAndBadRowsWriteNothing() {
        Fixtures f = new Fixtures(http, messages);
        String eventId = f.openEvent(2);

        for (int upload = 0; upload < 2; upload++) { // the same upload again, same key: nobody registered twice
            http.post().uri(b -> b.path("/api/registrations/events/{id}/imports").queryParam("unitId", TestDirectory.id("Trường Mầm non Đồng Tâm"))
                            .build(eventId))
                    .header("Idempotency-Key", "upload-1")
                    .contentType(new MediaType("text", "csv")).bodyValue("\uFEFF" + CSV).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.total").isEqualTo(7)
                    .jsonPath("$.registered").isEqualTo(2)
                    .jsonPath("$.waitlisted").isEqualTo(1)
                    .jsonPath("$.rejected").isEqualTo(4)
                    .jsonPath("$.rows[0].outcome").isEqualTo("REGISTERED")
                    .jsonPath("$.rows[0].row").isEqualTo(2)
                    .jsonPath("$.rows[1].outcome").isEqualTo("REGISTERED")
                    .jsonPath("$.rows[2].outcome").isEqualTo("WAITLISTED")
                    .jsonPath("$.rows[3].outcome").isEqualTo("REJECTED")
                    .jsonPath("$.rows[3].problemType").isEqualTo("duplicate-registration")
                    .jsonPath("$.rows[4].problemType").isEqualTo("validation")
                    .jsonPath("$.rows[4].reason").value(reason -> assertThat((String) reason).contains("email").contains("phone"))
                    .jsonPath("$.rows[5].problemType").isEqualTo("malformed-csv")
                    .jsonPath("$.rows[6].reason").value(reason -> assertThat((String) reason).contains("hiệu phó"));
        }

        f.awaitEvent(eventId, seats -> seats.jsonPath("$.confirmed").isEqualTo(2).jsonPath("$.waitlisted").isEqualTo(1));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) http.get()
                .uri("/api/registrations/events/{id}/registrations", eventId).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(items).extracting(r -> r.get("email"))
                .containsExactlyInAnyOrder("hoa@mndongtam.edu.vn", "duc@mndongtam.edu.vn", "lua@mndongtam.edu.vn");
        assertThat(items).filteredOn(r -> "lua@mndongtam.edu.vn".equals(r.get("email")))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("unit")).isEqualTo("Trường Mầm non Đồng Tâm");
                    assertThat(r.get("phone")).isEqualTo("02093870123");
                });
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedWhole() {
        Fixtures f = new Fixtures(http, messages);
        String eventId = f.openEvent(2);
        http.post().uri("/api/registrations/events/{id}/imports", eventId).contentType(new MediaType("text", "csv"))
                .bodyValue("name,mail\nA,a@b.vn\n").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/malformed-csv");
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.confirmed").isEqualTo(0));
    }
}
