package io.hoithao.bench;

import io.hoithao.bench.Api.Delegate;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * P4: confirmed delegates all booking the few observer seats of one demonstration lesson at the same
 * moment, each with her own token, through the gateway: exactly the lesson's seats are booked, everyone
 * else is on the waiting list.
 */
final class LessonSeats {

    private final Target target;
    private final Api api;
    private final Load load;
    private final Options options;
    private final Report report;
    private final List<Delegate> delegates;

    LessonSeats(Target target, Api api, Load load, Options options, Report report, List<Delegate> delegates) {
        this.target = target;
        this.api = api;
        this.load = load;
        this.options = options;
        this.report = report;
        this.delegates = delegates;
    }

    void run() throws Exception {
        int bookings = Math.min(options.p4Bookings, delegates.size());
        String event = api.openEvent("Bench P4 lesson seats", bookings + 10);
        // Setup: every delegate registers herself (straight at the service, 16 at a time) and is confirmed.
        List<String> registrationIds = new ArrayList<>();
        for (int from = 0; from < bookings; from += 16) {
            List<CompletableFuture<Sample>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(bookings, from + 16); i++) {
                batch.add(load.send(Api.registration(target.registrations(), delegates.get(i), event, Api.UNITS.get(i % Api.UNITS.size())),
                        r -> r.statusCode() == 201 ? Api.JSON.readTree(r.body()).path("id").asString() : "HTTP " + r.statusCode() + " " + r.body()));
            }
            for (CompletableFuture<Sample> f : batch) {
                Sample s = f.join();
                if (s.status() != 201) {
                    throw new IllegalStateException("P4 setup: a registration answered " + s.status() + ": " + s.outcome());
                }
                registrationIds.add(s.outcome());
            }
        }
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
