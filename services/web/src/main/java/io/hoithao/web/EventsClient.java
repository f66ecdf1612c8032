package io.hoithao.web;

import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.TimeoutException;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The events API (and the observations API's public list of lessons), called through the gateway. Public reads: no token needed. */
@Component
public class EventsClient {

    private static final ParameterizedTypeReference<Api.Page<Api.Event>> EVENT_PAGE = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Api.Page<SignedInApi.Lesson>> LESSON_PAGE = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private final WebClient http;
    private final WebProperties properties;

    public EventsClient(WebProperties properties, ObservationRegistry observations) {
        this.http = WebClient.builder().observationRegistry(observations).baseUrl(properties.apiUri()).filter(ForwardedFor.filter()).build();
        this.properties = properties;
    }

    public Mono<Api.Page<Api.Event>> find(EventSearch search) {
        return http.get()
                .uri(uri -> search.apply(uri.path("/api/events")))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(EVENT_PAGE)
                .timeout(properties.apiTimeout())
                .onErrorMap(EventsClient::translate);
    }

    public Mono<Api.Event> event(String id) {
        return http.get().uri("/api/events/{id}", id).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(Api.Event.class)
                .timeout(properties.apiTimeout())
                .onErrorMap(EventsClient::translate);
    }

    public Mono<Api.Programme> programme(String id) {
        return http.get().uri("/api/events/{id}/programme", id).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(Api.Programme.class)
                .timeout(properties.apiTimeout())
                .onErrorMap(EventsClient::translate);
    }

    /** The event's demonstration lessons with their times and seats (public). */
    public Mono<java.util.List<SignedInApi.Lesson>> lessons(String eventId) {
        return http.get().uri("/api/observations/events/{e}/lessons?size=100", eventId).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(LESSON_PAGE).map(Api.Page::items)
                .timeout(properties.apiTimeout())
                .onErrorMap(EventsClient::translate);
    }

    public Mono<byte[]> calendar(String id) {
        return http.get().uri("/api/events/{id}/programme.ics", id).accept(MediaType.parseMediaType("text/calendar"))
                .retrieve().bodyToMono(byte[].class)
                .timeout(properties.apiTimeout())
                .onErrorMap(EventsClient::translate);
    }

    /** The programme's change stream; only the fact that something changed is passed on. */
    public Flux<ServerSentEvent<String>> changes(String id) {
        return http.get().uri("/api/events/{id}/programme/changes", id).accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(SSE)
                .onErrorMap(EventsClient::translate);
    }

    static Throwable translate(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return new NotFoundException(response.getMessage());
            }
            if (response.getStatusCode().is4xxClientError()) {
                // a public read the API refuses (say a malformed id): shown as not found, never as a 5xx
                return new NotFoundException(response.getMessage());
            }
            return new ApiUnavailableException(response.getMessage(), error);
        }
        if (error instanceof WebClientRequestException || error instanceof TimeoutException) {
            return new ApiUnavailableException(error.getMessage(), error);
        }
        return error;
    }

    /** The list's filters as the visitor gave them; blanks are left out of the API call. */
    public record EventSearch(String q, String level, String kind, String from, String to, int page) {

        java.net.URI apply(UriBuilder uri) {
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            uri.queryParam("size", 20).queryParam("page", Math.max(page, 0));
            add(uri, values, "q", q);
            add(uri, values, "level", level);
            add(uri, values, "kind", kind);
            add(uri, values, "from", from);
            add(uri, values, "to", to);
            return uri.build(values);
        }

        private static void add(UriBuilder uri, java.util.Map<String, Object> values, String name, String value) {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, "{" + name + "}");
                values.put(name, value.strip());
            }
        }
    }
}
