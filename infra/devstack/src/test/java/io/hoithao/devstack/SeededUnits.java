package io.hoithao.devstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The directory ids of the devstack's seeded units (the Bắc Kạn seed), found through the gateway as a page finds them. */
final class SeededUnits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SeededUnits() {
    }

    /** The id of the unit with exactly this official name; fails the test when the directory has none. */
    static String id(URI gateway, String officialName) throws Exception {
        HttpResponse<String> found = Journeys.api(gateway, null, "GET",
                "/api/events/units?q=" + URLEncoder.encode(officialName, StandardCharsets.UTF_8) + "&size=50", null);
        if (found.statusCode() == 200) {
            for (JsonNode unit : JSON.readTree(found.body()).get("items")) {
                if (officialName.equals(unit.get("officialName").asString())) {
                    return unit.get("id").asString();
                }
            }
        }
        throw new AssertionError("the seeded directory has no " + officialName + ": " + found.statusCode() + " " + found.body());
    }
}
