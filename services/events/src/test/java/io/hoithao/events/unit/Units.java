package io.hoithao.events.unit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Units made through the API, for tests. */
public final class Units {

    private Units() {
    }

    public static Map<String, Object> body(String officialName, String kind, String level, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("officialName", officialName);
        body.put("kind", kind);
        body.put("level", level);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return body;
    }

    public static WebTestClient.ResponseSpec post(WebTestClient as, Map<String, Object> body) {
        return as.post().uri("/api/events/units").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Creates the unit and returns its id. */
    public static String create(WebTestClient as, String officialName, String kind, String level, String parentId) {
        return post(as, body(officialName, kind, level, parentId)).expectStatus().isCreated()
                .expectBody(UnitView.class).returnResult().getResponseBody().id();
    }

    /** The unit with exactly this official name under this parent (null: at the top), created if there is none. */
    public static String ensure(WebTestClient as, String officialName, String kind, String level, String parentId) {
        Map<String, Object> page = as.get().uri(uri -> {
                    uri.path("/api/events/units").queryParam("q", officialName).queryParam("size", 200);
                    return uri.build();
                }).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        for (Object item : (Iterable<?>) page.get("items")) {
            Map<?, ?> unit = (Map<?, ?>) item;
            if (officialName.equals(unit.get("officialName")) && java.util.Objects.equals(parentId, unit.get("parentId"))) {
                return (String) unit.get("id");
            }
        }
        return create(as, officialName, kind, level, parentId);
    }
}
