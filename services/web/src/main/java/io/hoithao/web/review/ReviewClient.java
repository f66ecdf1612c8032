package io.hoithao.web.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.hoithao.web.Api;
import io.hoithao.web.ApiProblem;
import io.hoithao.web.ApiUnavailableException;
import io.hoithao.web.SignInAgainException;
import io.hoithao.web.SignedInApi;
import io.hoithao.web.SignedInCalls;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The presentations API's review as the signed-in reviewer or organiser (through the gateway, with her token). */
@Component
class ReviewClient {

    private static final ParameterizedTypeReference<List<Session>> SESSIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Api.Page<Api.Event>> EVENTS = new ParameterizedTypeReference<>() {
    };

    private final SignedInCalls api;

    ReviewClient(SignedInCalls api) {
        this.api = api;
    }

    /** One review as the organisers (and the reviewer herself) see it: with who wrote it. */
    record Review(String reviewer, String reviewerEmail, int score, String comment, Instant at) {
    }

    /** A paper on the reviewer's desk: her review (null until she writes it) and whether she may review it now. */
    record DeskPaper(SignedInApi.PaperView paper, Review mine, boolean reviewable) {
    }

    record Desk(List<DeskPaper> papers) {
    }

    record PaperReviews(SignedInApi.PaperView paper, List<Review> reviews, double averageScore) {

        /** A decision may be taken once someone reviewed it and while it is under review. */
        public boolean decidable() {
            return "UNDER_REVIEW".equals(paper.status());
        }

        /** Accepted and in no session yet. */
        public boolean placeable() {
            return "ACCEPTED".equals(paper.status()) && paper.placement() == null;
        }
    }

    record EventReviews(String eventId, List<PaperReviews> papers) {
    }

    /** A presentation session with the minutes still free in it. */
    record Session(String id, String title, String venue, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean cancelled,
                   int minutes, int placedMinutes, int freeMinutes, int papers) {

        private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

        /** Times as the event keeps them (the JSON reader moves them to UTC). */
        Session {
            startsAt = startsAt == null ? null : startsAt.atZoneSameInstant(VIETNAM).toOffsetDateTime();
            endsAt = endsAt == null ? null : endsAt.atZoneSameInstant(VIETNAM).toOffsetDateTime();
        }
    }

    Mono<Desk> desk() {
        return api.call(api.gateway().get().uri("/api/presentations/review-desk").accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> SignedInCalls.body(r, Desk.class)));
    }

    Mono<Void> review(String paperId, Integer score, String comment) {
        return api.call(api.gateway().post().uri("/api/presentations/papers/{p}/reviews", paperId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("score", score, "comment", comment))
                .exchangeToMono(r -> r.statusCode().is2xxSuccessful() ? r.releaseBody() : SignedInCalls.problem(r)));
    }

    Mono<EventReviews> ofEvent(String eventId) {
        return api.call(api.gateway().get().uri("/api/presentations/events/{e}/reviews", eventId).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> SignedInCalls.body(r, EventReviews.class)));
    }

    Mono<List<Session>> sessions(String eventId) {
        return api.call(api.gateway().get().uri("/api/presentations/events/{e}/sessions", eventId).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> SignedInCalls.body(r, SESSIONS)));
    }

    Mono<Void> decide(String paperId, String decision, String comment) {
        return api.call(api.gateway().post().uri("/api/presentations/papers/{p}/decision", paperId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("decision", decision, "comment", comment))
                .exchangeToMono(r -> r.statusCode().is2xxSuccessful() ? r.releaseBody() : SignedInCalls.problem(r)));
    }

    Mono<Void> place(String eventId, String sessionId, String paperId) {
        return api.call(api.gateway().post().uri("/api/presentations/events/{e}/sessions/{s}/papers", eventId, sessionId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("paperId", paperId))
                .exchangeToMono(r -> r.statusCode().is2xxSuccessful() ? r.releaseBody() : SignedInCalls.problem(r)));
    }

    /** A material, streamed on with its type, length and file name as the API gives them. */
    Mono<ResponseEntity<Flux<DataBuffer>>> material(String paperId, String materialId) {
        return api.gateway().get().uri("/api/presentations/papers/{p}/materials/{m}", paperId, materialId)
                .retrieve()
                .onStatus(status -> !status.is2xxSuccessful(), SignedInCalls::<Throwable>problem)
                .toEntityFlux(DataBuffer.class)
                .map(answer -> {
                    HttpHeaders headers = new HttpHeaders();
                    for (String name : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_DISPOSITION)) {
                        List<String> values = answer.getHeaders().get(name);
                        if (values != null && !values.isEmpty()) {
                            headers.put(name, values);
                        }
                    }
                    headers.setCacheControl("private, no-store");
                    return ResponseEntity.ok().headers(headers).body(answer.getBody());
                })
                .timeout(java.time.Duration.ofSeconds(30))
                .onErrorMap(e -> e instanceof ApiProblem || e instanceof SignInAgainException || e instanceof ApiUnavailableException ? e
                        : new ApiUnavailableException(e.getMessage(), e));
    }

    /**
     * The events a unit organises (all events for someone without a unit, an administrator).
     *
     * @param unitId the unit's id in the units directory (the events API's {@code organiser} filter takes ids)
     */
    Mono<List<Api.Event>> eventsOf(String unitId) {
        return api.call(api.gateway().get().uri(u -> {
                    u.path("/api/events").queryParam("size", 50);
                    if (unitId != null && !unitId.isBlank()) {
                        u.queryParam("organiser", "{o}");
                        return u.build(unitId);
                    }
                    return u.build();
                }).accept(MediaType.APPLICATION_JSON).exchangeToMono(r -> SignedInCalls.body(r, EVENTS)))
                .map(Api.Page::items);
    }

    private static Map<String, Object> body(String k1, Object v1, String k2, String v2) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put(k1, v1);
        if (v2 != null && !v2.isBlank()) {
            body.put(k2, v2.strip());
        }
        return body;
    }
}
