package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review report from the real jars, driven only through the gateway's APIs as organisers use them: a
 * programme with two phases, model sites designated in the directory, an event in the programme with delegates
 * imported and checked in. The report, read by the department's organiser, agrees with each service's own
 * counts: the registrations service's attendance (confirmed, attended per day), the directory's schools below
 * the department, and the model sites the directory lists.
 */
class ReportConsistencyIT {

    static DevStack stack;
    static URI gateway;
    static String admin;
    static String organiser;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
        gateway = stack.gatewayUrl();
        admin = SignIn.accessToken(stack.url(App.IDENTITY), "admin@hoithao.local", "admin-dev-password");
        // the development organiser of Sở GD&ĐT Bắc Kạn, the department at the top of the seeded directory
        organiser = SignIn.accessToken(stack.url(App.IDENTITY), "organiser@backan.hoithao.local", "organiser-dev-password");
    }

    @Test
    void theReportAgreesWithTheServicesOwnCounts() throws Exception {
        String department = SeededUnits.id(gateway, "Sở GD&ĐT Bắc Kạn");
        String dongTam = SeededUnits.id(gateway, "Trường Mầm non Đồng Tâm");
        String yenDinh = SeededUnits.id(gateway, "Trường Mầm non Yên Đĩnh");
        String bangPhuc = SeededUnits.id(gateway, "Trường Mầm non Bằng Phúc");

        HttpResponse<String> programme = send(organiser, "POST", "/api/events/programmes", """
                {"name": "Xây dựng trường mầm non lấy trẻ làm trung tâm",
                 "phases": [{"name": "2021–2025", "fromYear": 2021, "toYear": 2025},
                            {"name": "2026–2030", "fromYear": 2026, "toYear": 2030}]}
                """);
        assertThat(programme.statusCode()).as(programme.body()).isEqualTo(201);
        String programmeId = json.readTree(programme.body()).get("id").asString();
        designate(dongTam, programmeId, "2026–2030", "PROVINCE");
        designate(yenDinh, programmeId, "2021–2025", "DISTRICT");
        designate(yenDinh, programmeId, "2026–2030", "DISTRICT");
        designate(bangPhuc, programmeId, "2026–2030", "DISTRICT");

        HttpResponse<String> created = send(organiser, "POST", "/api/events", """
                {"programmeId": "%s", "title": "Hội nghị – hội thảo sơ kết chuyên đề",
                 "kind": "CONFERENCE", "level": "PROVINCE", "organiserUnit": "Sở GD&ĐT Bắc Kạn",
                 "startDate": "2027-10-25", "endDate": "2027-10-26", "capacity": 100}
                """.formatted(programmeId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String eventId = json.readTree(created.body()).get("id").asString();
        assertThat(send(organiser, "POST", "/api/events/" + eventId + "/publish", null).statusCode()).isEqualTo(200);
        assertThat(send(organiser, "POST", "/api/events/" + eventId + "/registration/open", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json.readTree(send(null, "GET", "/api/registrations/events/" + eventId, null).body())
                        .get("registrationOpen").asBoolean()).isTrue());

        String choMoi = SeededUnits.id(gateway, "Phòng GD&ĐT Chợ Mới");
        String csv = """
                fullName,email,phone,unitId,position,category
                Nguyễn Thị Hoà,hoa@mndongtam.edu.vn,0987000001,%1$s,Giáo viên,TEACHER
                Lê Thị Thu Hà,ha@mndongtam.edu.vn,0987000002,%1$s,Giáo viên,TEACHER
                Hà Thị Mai,mai@mndongtam.edu.vn,0987000003,%1$s,Hiệu trưởng,MANAGER
                Trần Văn Đức,duc@mnyendinh.edu.vn,0987000004,%2$s,Hiệu phó,MANAGER
                Hoàng Văn Lâm,lam@pgdchomoi.edu.vn,0987000005,%3$s,Trưởng phòng,LEADER
                """.formatted(dongTam, yenDinh, choMoi);
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(gateway.resolve("/api/registrations/events/" + eventId + "/imports"))
                .header("Authorization", "Bearer " + organiser).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        json.readTree(imported.body()).get("rows").forEach(row -> codes.add(row.get("confirmationCode").asString()));
        assertThat(codes).hasSize(5);
        for (String code : codes.subList(0, 4)) {
            checkIn(code, "2027-10-25");
        }
        checkIn(codes.get(0), "2027-10-26");
        // one delegate cancels: she counts as registered, not confirmed
        assertThat(send(organiser, "POST", "/api/registrations/codes/" + codes.get(4) + "/cancel", "{}").statusCode()).isEqualTo(200);

        // The services' own counts.
        JsonNode attendance = json.readTree(send(organiser, "GET", "/api/registrations/events/" + eventId + "/attendance", null).body());
        Map<String, Integer> attended = new TreeMap<>();
        attendance.get("days").forEach(day -> attended.put(day.get("day").asString(), day.get("attended").asInt()));
        int schools = 0;
        for (JsonNode unit : json.readTree(send(null, "GET", "/api/events/units/" + department + "/descendants?size=500", null).body())
                .get("items")) {
            schools += "SCHOOL".equals(unit.get("level").asString()) ? 1 : 0;
        }
        int districtSites = 0;
        int provinceSites = 0;
        for (String school : List.of(dongTam, yenDinh, bangPhuc)) {
            for (JsonNode site : json.readTree(send(null, "GET", "/api/events/units/" + school + "/model-sites", null).body())) {
                if (site.get("phase").asString().equals("2026–2030")) {
                    districtSites += "DISTRICT".equals(site.get("level").asString()) ? 1 : 0;
                    provinceSites += "PROVINCE".equals(site.get("level").asString()) ? 1 : 0;
                }
            }
        }
        assertThat(attendance.get("confirmed").asInt()).isEqualTo(4);
        assertThat(attended).containsEntry("2027-10-25", 4).containsEntry("2027-10-26", 1);
        assertThat(schools).isEqualTo(5);
        int expectedSchools = schools;
        int expectedDistrict = districtSites;
        int expectedProvince = provinceSites;

        String report = "/api/reports/programmes/" + programmeId + "/units/" + department + "?phase="
                + URLEncoder.encode("2026–2030", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> answer = send(organiser, "GET", report, null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode r = json.readTree(answer.body());
            assertThat(r.get("attendance").get("registered").asInt()).isEqualTo(5);
            assertThat(r.get("attendance").get("confirmed").asInt()).isEqualTo(attendance.get("confirmed").asInt());
            Map<String, Integer> checkedIn = new TreeMap<>();
            r.get("attendance").get("checkedIn").forEach(d -> checkedIn.put(d.get("day").asString(), d.get("checkedIn").asInt()));
            assertThat(checkedIn).isEqualTo(attended);
            assertThat(r.get("participation").get("total").asInt()).isEqualTo(expectedSchools);
            // Đồng Tâm and Yên Đĩnh sent delegates; the other schools of the directory did not
            assertThat(r.get("participation").get("text").asString()).isEqualTo("2 / " + expectedSchools);
            assertThat(r.get("modelSites").get(0).get("count").asInt()).isEqualTo(expectedProvince);
            assertThat(r.get("modelSites").get(1).get("count").asInt()).isEqualTo(expectedDistrict);
            assertThat(r.get("modelSites").get(1).get("change").asString()).isEqualTo("+1");
            assertThat(r.get("events").get(0).get("eventId").asString()).isEqualTo(eventId);
        });
        // the same report as a document, through the gateway
        HttpResponse<byte[]> docx = http.send(HttpRequest.newBuilder(gateway.resolve(report.replace("?phase", "/report.docx?phase")))
                .header("Authorization", "Bearer " + organiser).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        // a school's organiser-less caller gets nothing
        assertThat(send(null, "GET", report, null).statusCode()).isEqualTo(401);
    }

    private void designate(String unitId, String programmeId, String phase, String level) throws Exception {
        HttpResponse<String> answer = send(organiser, "POST", "/api/events/units/" + unitId + "/model-sites",
                "{\"programmeId\": \"%s\", \"phase\": \"%s\", \"level\": \"%s\"}".formatted(programmeId, phase, level));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private void checkIn(String code, String day) throws Exception {
        HttpResponse<String> answer = send(organiser, "POST", "/api/registrations/codes/" + code + "/check-ins", "{\"day\": \"" + day + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return Calls.send(http, gateway, Duration.ofSeconds(30), token, method, path, body);
    }
}
