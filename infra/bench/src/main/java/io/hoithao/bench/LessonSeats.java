package io.hoithao.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * P4: confirmed delegates all booking the few observer seats of one demonstration lesson at the same
 * moment, each with her own token, through the gateway: exactly the lesson's seats are booked, everyone
 * else is on the waiting list.
 */
final class LessonSeats extends Scenario {

    LessonSeats(Context context) {
        super(context);
    }

    void run() throws Exception {
        int bookings = Math.min(options.p4Bookings, delegates.size());
        String event = api.openEvent("Bench P4 lesson seats", bookings + 10);
        List<String> registrationIds = everyDelegateRegisters("P4", event, bookings);
        api.awaitJson(target.observations().resolve("/api/observations/events/" + event + "/observers"), api.adminToken(),
                observers -> observers.size() >= bookings, Duration.ofSeconds(120));

        Series gateway = book(event, "A1", "08:30", "09:15", target.gateway(), "gateway", registrationIds, bookings);
        Series direct = book(event, "A2", "10:00", "10:45", target.observations(), "direct", registrationIds, bookings);
        String what = bookings + " at once for " + options.p4Seats + " seats";
        report.row("P4", "bookings (" + what + "): booked / waitlisted", gateway.countOutcome("BOOKED") + " / "
                + gateway.countOutcome("WAITLISTED") + " gateway", direct.countOutcome("BOOKED") + " / " + direct.countOutcome("WAITLISTED")
                + " direct", options.p4Seats + " / " + (bookings - options.p4Seats) + " expected");
        report.row("P4", "p50 / p99 latency", Report.ms(gateway.percentile(50)) + " / " + Report.ms(gateway.percentile(99)) + " gateway",
                Report.ms(direct.percentile(50)) + " / " + Report.ms(direct.percentile(99)) + " direct",
                "p99 " + Report.delta(gateway.percentile(99) - direct.percentile(99)));
        report.row("P4", "answers", gateway.statusSummary(), direct.statusSummary(), "gateway | direct");
        report.chart("P4 lesson seats (" + what + ")", List.of(gateway, direct));
    }

    /** A fresh lesson of the event, then every delegate books it at once through {@code base}; checks the invariants. */
    private Series book(String event, String classroom, String from, String to, java.net.URI base, String path,
                        List<String> registrationIds, int bookings) throws Exception {
        LocalDate day = LocalDate.now().plusMonths(2);
        ObjectNode lesson = Api.JSON.createObjectNode()
                .put("title", "Khám phá: Bé tìm hiểu về nước").put("hostSchool", "Trường Mầm non Đồng Tâm")
                .put("classroom", classroom).put("className", "Mẫu giáo lớn " + classroom).put("ageGroup", "MAU_GIAO_LON")
                .put("teacher", "Nguyễn Thị Hoà").put("activity", "Thí nghiệm vật chìm – vật nổi")
                .put("developmentalArea", "Phát triển nhận thức")
                .put("startsAt", day + "T" + from + ":00+07:00").put("endsAt", day + "T" + to + ":00+07:00").put("seats", options.p4Seats);
        String lessonId = api.expect(api.send("POST", target.observations().resolve("/api/observations/events/" + event + "/lessons"),
                api.adminToken(), lesson.toString()), 201).get("id").asString();

        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < bookings; i++) {
            requests.add(HttpRequest.newBuilder(base.resolve("/api/observations/lessons/" + lessonId + "/bookings"))
                    .timeout(Load.REQUEST_TIMEOUT).header("Authorization", "Bearer " + delegates.get(i).token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"registrationId\": \"" + registrationIds.get(i) + "\"}")).build());
        }
        Series series = new Series("bookings (" + path + ")", load.crowd(requests, LessonSeats::bookingStatus));
        JsonNode after = api.expect(api.send("GET", target.observations().resolve("/api/observations/lessons/" + lessonId), null, null), 200);
        long booked = series.countOutcome("BOOKED");
        long waitlisted = series.countOutcome("WAITLISTED");
        report.check("P4", path + ": exactly " + options.p4Seats + " booked, the rest waitlisted",
                booked == options.p4Seats && waitlisted == bookings - options.p4Seats && after.path("seatsLeft").asInt(-1) == 0,
                booked + " answers BOOKED, " + waitlisted + " WAITLISTED; the lesson has " + after.path("seatsLeft").asInt(-1) + " seats left");
        report.check("P4", path + ": no 5xx, every booking answered", series.serverErrors() == 0 && series.noAnswers() == 0, series.statusSummary());
        return series;
    }

    private static String bookingStatus(HttpResponse<String> response) {
        if (response.statusCode() == 201 || response.statusCode() == 202) {
            return Api.JSON.readTree(response.body()).path("status").asString(null);
        }
        return null;
    }
}
