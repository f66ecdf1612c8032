package io.hoithao.gateway.routing;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;

/**
 * The instances of each service, from configuration: {@code hoithao.gateway.<service>-uri} is one address or a
 * comma-separated list of them (e.g. {@code HOITHAO_GATEWAY_EVENTS_URI=http://events-1:8081,http://events-2:8081}).
 * The routes name their service as {@code lb://<service>}, and Spring Cloud LoadBalancer sends each request to
 * the next of these instances (round robin); a GET refused by one is retried on the next. The defaults (every
 * service on this machine at its usual port) are in application.yml.
 */
final class ConfiguredInstances implements ReactiveDiscoveryClient {

    /** The services the routes name (lb://<service>). */
    static final List<String> SERVICES = List.of("events", "registrations", "observations", "presentations", "web",
            "notifications", "reports");

    private final Environment environment;

    ConfiguredInstances(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String description() {
        return "instances listed in hoithao.gateway.<service>-uri";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances(serviceId.toLowerCase(Locale.ROOT)));
    }

    List<ServiceInstance> instances(String service) {
        String configured = environment.getProperty("hoithao.gateway." + service + "-uri", "");
        List<String> addresses = Arrays.stream(configured.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        return java.util.stream.IntStream.range(0, addresses.size()).mapToObj(i -> {
            URI uri = URI.create(addresses.get(i));
            return (ServiceInstance) new DefaultServiceInstance(service + "-" + (i + 1), service, uri.getHost(),
                    uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort(),
                    "https".equals(uri.getScheme()));
        }).toList();
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(SERVICES);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // before Spring Cloud's simple (empty) discovery client in the composite
    }
}
