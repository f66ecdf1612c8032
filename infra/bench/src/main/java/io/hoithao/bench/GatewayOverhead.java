package io.hoithao.bench;

import io.hoithao.devstack.DevStackConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * P2: a public read (an event's seats) at a fixed number of clients, straight at the registrations
 * service, through the gateway, and through a bare nginx in front of the same service.
 */
final class GatewayOverhead extends Scenario {

    GatewayOverhead(Context context) {
        super(context);
    }

    private static String perRead(Map<String, Double> ms, long reads) {
        return reads == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f · %.2f · %.2f ms",
                ms.getOrDefault("registrations", Double.NaN) / reads, ms.getOrDefault("gateway", Double.NaN) / reads,
                CpuUse.total(ms) / reads);
    }

    void run(String eventId) throws Exception {
        String path = "/api/registrations/events/" + eventId;
        Map<String, URI> bases = new LinkedHashMap<>();
        bases.put("direct", target.registrations());
        bases.put("gateway", target.gateway());
        Optional<Path> binary = Nginx.binary();
        Nginx nginx = null;
        if (binary.isPresent()) {
            nginx = Nginx.start(binary.get(), target.registrations(), options.out.resolve("nginx"), DevStackConfig.freePortNumbers(1)[0]);
            bases.put("nginx", nginx.url());
        } else {
            report.note("P2: no nginx binary (apt-get install nginx-light): the reference proxy is missing");
        }
        try {
            for (Map.Entry<String, URI> base : bases.entrySet()) {
                load.closedLoop(options.p2Clients, Duration.ofSeconds(options.p2Warmup), () -> Api.get(base.getValue().resolve(path), null));
            }
            Map<String, Series> measured = new LinkedHashMap<>();
            Map<String, Map<String, Double>> cpuMs = new LinkedHashMap<>();
            CpuUse cpu = target.started() && options.cpu ? CpuUse.idleOver(target, Duration.ofSeconds(2)) : null;
            for (Map.Entry<String, URI> base : bases.entrySet()) {
                CpuUse.Snapshot before = cpu == null ? null : cpu.snapshot();
                measured.put(base.getKey(), new Series(base.getKey(), load.closedLoop(options.p2Clients,
                        Duration.ofSeconds(options.p2Seconds), () -> Api.get(base.getValue().resolve(path), null))));
                if (cpu != null) {
                    cpuMs.put(base.getKey(), cpu.sinceSettled(before, Duration.ofSeconds(5)));
                }
            }
            Series direct = measured.get("direct");
            Series gateway = measured.get("gateway");
            Series proxy = measured.get("nginx");
            String what = "GET " + "/api/registrations/events/{id}, " + options.p2Clients + " clients, " + options.p2Seconds + " s";
            report.row("P2", "throughput, gateway vs direct (" + what + ")", Report.perSecond(gateway.throughput()) + " gateway",
                    Report.perSecond(direct.throughput()) + " direct", Report.ratio(gateway.throughput() / direct.throughput()) + " of direct");
            if (proxy != null) {
                report.row("P2", "throughput, gateway vs nginx", Report.perSecond(gateway.throughput()) + " gateway",
                        Report.perSecond(proxy.throughput()) + " nginx", Report.ratio(gateway.throughput() / proxy.throughput()) + " of nginx ("
                                + Report.ratio(proxy.throughput() / direct.throughput()) + " nginx/direct)");
            }
            report.row("P2", "p50 latency", Report.ms(gateway.percentile(50)) + " gateway", Report.ms(direct.percentile(50)) + " direct"
                    + (proxy == null ? "" : ", " + Report.ms(proxy.percentile(50)) + " nginx"), "gateway " + Report.delta(gateway.percentile(50) - direct.percentile(50)));
            report.row("P2", "p99 latency (added by the proxy)", Report.ms(gateway.percentile(99)) + " gateway",
                    Report.ms(direct.percentile(99)) + " direct" + (proxy == null ? "" : ", " + Report.ms(proxy.percentile(99)) + " nginx"),
                    "gateway " + Report.delta(gateway.percentile(99) - direct.percentile(99))
                            + (proxy == null ? "" : ", nginx " + Report.delta(proxy.percentile(99) - direct.percentile(99))));
            if (!cpuMs.isEmpty()) {
                Map<String, Double> gw = cpuMs.get("gateway");
                Map<String, Double> dr = cpuMs.get("direct");
                report.row("P2", "CPU per read: registrations · gateway · all",
                        perRead(gw, gateway.count()) + " gateway", perRead(dr, direct.count()) + " direct",
                        "ms of CPU, load-independent");
                cpuMs.forEach((name, ms) -> report.note("P2 CPU per read (" + name + ", ms): "
                        + CpuUse.perUnit(ms, measured.get(name).count())));
            }
            List<String> answers = new ArrayList<>();
            measured.forEach((name, s) -> answers.add(name + ": " + s.statusSummary()));
            report.row("P2", "answers", gateway.statusSummary(), String.join("; ", answers.subList(0, 1))
                    + (answers.size() > 2 ? "; " + answers.get(2) : ""), "gateway | others");
            for (Map.Entry<String, Series> e : measured.entrySet()) {
                Series s = e.getValue();
                report.check("P2", e.getKey() + ": every read 200", s.count() > 0 && s.countStatus(200) == s.count(), s.statusSummary());
            }
            report.chart("P2 public read, " + options.p2Clients + " clients", List.copyOf(measured.values()));
        } finally {
            if (nginx != null) {
                nginx.close();
            }
        }
    }
}
