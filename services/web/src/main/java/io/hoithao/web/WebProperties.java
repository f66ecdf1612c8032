package io.hoithao.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiUri     where the suite's APIs are: the gateway (every call goes through it)
 * @param apiTimeout how long a page waits for an API before it shows the friendly error page
 */
@ConfigurationProperties("hoithao.web")
public record WebProperties(String apiUri, Duration apiTimeout) {

    public WebProperties {
        apiUri = apiUri == null || apiUri.isBlank() ? "http://localhost:8080" : apiUri;
        apiTimeout = apiTimeout == null ? Duration.ofSeconds(10) : apiTimeout;
    }
}
