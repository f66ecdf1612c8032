package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The URL table printed once the stack is ready. */
class SummaryTest {

    private static String urls(DevStackConfig config) {
        return Summary.urls(config, new Infrastructure(config));
    }

    @Test
    void namesTheGatewayTheSiteEveryInstanceAndTheBalancerInFrontOfTheIdentityServices() {
        DevStackConfig config = DevStackConfig.builder().services(App.IDENTITY, App.EVENTS, App.WEB, App.GATEWAY).instances(2).build();

        assertThat(urls(config).lines()).containsExactly(
                "  gateway        http://localhost:8080",
                "  web site       http://localhost:8080/",
                "  Swagger UI     http://localhost:8080/swagger-ui.html",
                "  identity       http://localhost:9000  (balancing the 2 below)",
                "  identity-1     http://localhost:10000",
                "  identity-2     http://localhost:11000",
                "  events         http://localhost:8081",
                "  events-2       http://localhost:9081",
                "  web            http://localhost:8085",
                "  web-2          http://localhost:9085",
                "  Kafka          localhost:9092",
                "  MongoDB        mongodb://127.0.0.1:27017",
                "  mail inbox     http://localhost:8025/  (every mail sent; SMTP 127.0.0.1:3025)");
    }

    @Test
    void withoutAGatewayNoSiteAndAnotherIssuerIsNamed() {
        DevStackConfig config = DevStackConfig.builder().services(App.EVENTS)
                .issuer(URI.create("http://localhost:8180/realms/hoithao"), null).build();

        assertThat(urls(config)).doesNotContain("gateway", "Swagger", "web site")
                .contains("  token issuer   http://localhost:8180/realms/hoithao");
        assertThat(DevStackConfig.builder().services(List.of()).build()).satisfies(none ->
                assertThat(urls(none).lines()).hasSize(3));
    }
}
