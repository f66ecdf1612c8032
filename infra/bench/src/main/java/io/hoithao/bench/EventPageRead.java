package io.hoithao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P7: the web site's event page ({@code GET /events/{id}}, server-rendered from the events API's event
 * and programme) read by C anonymous readers in a closed loop through the gateway, beside the API call
 * it renders ({@code GET /api/events/{id}/programme}) read the same way through the gateway: the page's
 * cost over its data, as a ratio of the p95s.
 */
final class EventPageRead extends Scenario {

    EventPageRead(Context context) {
        super(context);
    }

    void run(String eventId) throws Exception {
        Map<String, URI> reads = new LinkedHashMap<>();
        reads.put("page", target.gateway().resolve("/events/" + eventId));
        reads.put("api", target.gateway().resolve("/api/events/" + eventId + "/programme"));

        // the page is the event's (not an error page in disguise) before anything is measured
        HttpResponse<String> first = HttpClient.newHttpClient().send(page(reads.get("page")), HttpResponse.BodyHandlers.ofString());
        boolean isThePage = first.statusCode() == 200 && first.body().contains("id=\"programme\"");
        report.check("P7", "the event page renders the programme", isThePage, "HTTP " + first.statusCode());

        for (Map.Entry<String, URI> read : reads.entrySet()) {
            load.closedLoop(options.p7Clients, Duration.ofSeconds(options.p7Warmup), () -> request(read));
        }
        Map<String, Series> measured = new LinkedHashMap<>();
        for (Map.Entry<String, URI> read : reads.entrySet()) {
            measured.put(read.getKey(), new Series(read.getKey(), load.closedLoop(options.p7Clients,
                    Duration.ofSeconds(options.p7Seconds), () -> request(read))));
        }
        Series page = measured.get("page");
        Series api = measured.get("api");
        String what = options.p7Clients + " anonymous readers, " + options.p7Seconds + " s, through the gateway";
        report.row("P7", "event page p95 (GET /events/{id}, " + what + ")", Report.ms(page.percentile(95)) + " page",
                Report.ms(api.percentile(95)) + " GET /api/events/{id}/programme",
                Report.ratio(page.percentile(95) / api.percentile(95)) + " of the API call's p95");
        report.row("P7", "event page p50, throughput", Report.ms(page.percentile(50)) + ", " + Report.perSecond(page.throughput()) + " page",
                Report.ms(api.percentile(50)) + ", " + Report.perSecond(api.throughput()) + " API",
                Report.ratio(page.throughput() / api.throughput()) + " of the API's throughput (the page makes 2 API calls)");
        for (Map.Entry<String, Series> e : measured.entrySet()) {
            Series s = e.getValue();
            report.check("P7", e.getKey() + ": every read 200", s.count() > 0 && s.countStatus(200) == s.count(), s.statusSummary());
        }
        report.chart("P7 event page and its API call, " + options.p7Clients + " readers", List.copyOf(measured.values()));
    }

    private static HttpRequest request(Map.Entry<String, URI> read) {
        return read.getKey().equals("page") ? page(read.getValue()) : Api.get(read.getValue(), null);
    }

    /** As a phone's browser asks for it: HTML, Vietnamese. */
    private static HttpRequest page(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Load.REQUEST_TIMEOUT).header("Accept", "text/html")
                .header("Accept-Language", "vi-VN,vi;q=0.9").GET().build();
    }
}
