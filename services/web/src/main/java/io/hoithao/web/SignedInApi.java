package io.hoithao.web;

import static io.hoithao.web.SignedInCalls.body;
import static io.hoithao.web.SignedInCalls.problem;

import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Mono;

/**
 * The APIs as the signed-in person: every call goes through the gateway with her access token, which
 * the filter takes from her session (and refreshes when it is about to expire). A 4xx problem becomes an
 * {@link ApiProblem} (the page explains it); a 401 means the sign-in is over ({@link SignInAgainException});
 * a 5xx or no answer is {@link ApiUnavailableException}.
 */
@Component
public class SignedInApi {

    private static final ParameterizedTypeReference<Api.Page<Registration>> REGISTRATIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Api.Page<Paper>> PAPERS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Api.Page<Lesson>> LESSONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<ScheduleEntry>> SCHEDULE = new ParameterizedTypeReference<>() {
    };

    private final WebClient gateway;
    private final WebClient issuer;
    private final WebProperties properties;

    public SignedInApi(WebProperties properties, ReactiveOAuth2AuthorizedClientManager clients, ObservationRegistry observations) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction tokens = new ServerOAuth2AuthorizedClientExchangeFilterFunction(clients);
        tokens.setDefaultOAuth2AuthorizedClient(true);
        this.gateway = WebClient.builder().observationRegistry(observations).baseUrl(properties.apiUri()).filter(tokens).filter(ForwardedFor.filter()).build();
        // the identity service's own user API (the gateway does not route the issuer)
        this.issuer = WebClient.builder().observationRegistry(observations).filter(tokens).build();
        this.properties = properties;
    }

    /** Her account at the identity service: name, email and unit for the registration form. */
    public Mono<Account> account(org.springframework.security.oauth2.core.oidc.user.OidcUser user) {
        Account fromIdToken = new Account(user.getEmail(), user.getFullName(), user.getClaimAsString("unit"), List.of(),
                user.getClaimAsString("unit_id"));
        if (!properties.hasAccountApi()) {
            return Mono.just(fromIdToken);
        }
        return call(issuer.get().uri(properties.accountUri()).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> body(r, Account.class)));
    }

    public Mono<Registration> register(Map<String, Object> body) {
        return call(gateway.post().uri("/api/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(r -> body(r, Registration.class)));
    }

    public Mono<List<Registration>> myRegistrations() {
        return call(gateway.get().uri("/api/registrations/mine?size=100").accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> body(r, REGISTRATIONS)).map(Api.Page::items));
    }

    /** Her registrations for one event. */
    public Mono<List<Registration>> myRegistrations(String eventId) {
        return call(gateway.get().uri("/api/registrations/mine?eventId={e}&size=10", eventId).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> body(r, REGISTRATIONS)).map(Api.Page::items));
    }

    /** The papers she submitted (what the presentations service shows her); none while it cannot be reached. */
    public Mono<List<Paper>> myPapers() {
        return call(gateway.get().uri("/api/presentations/papers?size=100").accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> body(r, PAPERS)).map(Api.Page::items))
                .onErrorResume(ApiUnavailableException.class, e -> Mono.just(List.of()));
    }

    /** The event's demonstration lessons with their seats left. */
    public Mono<List<Lesson>> lessons(String eventId) {
        return call(gateway.get().uri("/api/observations/events/{e}/lessons?size=100", eventId).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> body(r, LESSONS)).map(Api.Page::items));
    }

    /** Her lessons at the event (booked or waiting), with their clash flag. */
    public Mono<List<ScheduleEntry>> schedule(String eventId, String registrationId) {
        return call(gateway.get().uri("/api/observations/events/{e}/delegates/{r}/schedule", eventId, registrationId)
                .accept(MediaType.APPLICATION_JSON).exchangeToMono(r -> body(r, SCHEDULE)));
    }

    /** A seat, or a waiting place when the lesson is full. */
    public Mono<Outcome> book(String lessonId, String registrationId) {
        return call(gateway.post().uri("/api/observations/lessons/{l}/bookings", lessonId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("registrationId", registrationId)).exchangeToMono(r -> body(r, Outcome.class)));
    }

    public Mono<Void> releaseBooking(String lessonId, String registrationId) {
        return call(gateway.delete().uri("/api/observations/lessons/{l}/bookings/{r}", lessonId, registrationId)
                .exchangeToMono(r -> r.statusCode().is2xxSuccessful() ? r.releaseBody() : problem(r)));
    }

    public Mono<Registration> registration(String id) {
        return call(gateway.get().uri("/api/registrations/{id}", id).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> body(r, Registration.class)));
    }

    public Mono<Registration> cancel(String id) {
        return call(gateway.post().uri("/api/registrations/{id}/cancel", id).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> body(r, Registration.class)));
    }

    /** The QR code of her confirmation code, drawn by the registrations service (zxing). */
    public Mono<byte[]> qr(String code) {
        return call(gateway.get().uri("/api/registrations/codes/{code}/qr.png?size=300", code).accept(MediaType.IMAGE_PNG)
                .exchangeToMono(r -> body(r, byte[].class)));
    }

    /** Submits a paper for the event as herself (her registration must be confirmed). */
    public Mono<PaperView> submitPaper(String eventId, Map<String, Object> body) {
        return call(gateway.post().uri("/api/presentations/events/{e}/papers", eventId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchangeToMono(r -> body(r, PaperView.class)));
    }

    public Mono<PaperView> paper(String paperId) {
        return call(gateway.get().uri("/api/presentations/papers/{p}", paperId).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> body(r, PaperView.class)));
    }

    public Mono<PaperView> withdrawPaper(String paperId) {
        return call(gateway.post().uri("/api/presentations/papers/{p}/withdraw", paperId).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> body(r, PaperView.class)));
    }

    /**
     * Streams a material to the presentations API as it arrives (nothing is held whole here): the raw
     * body with its file name, and its length when the browser declared it, so a file over the limit is
     * refused before it is read. No timeout: an upload from a slow phone takes as long as it takes.
     */
    public Mono<Material> uploadMaterial(String paperId, String filename, long length,
                                         reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> content) {
        return gateway.post().uri(u -> u.path("/api/presentations/papers/{p}/materials").queryParam("filename", "{f}").build(paperId, filename))
                .headers(h -> {
                    h.setContentType(MediaType.APPLICATION_OCTET_STREAM);
                    if (length >= 0) {
                        h.setContentLength(length);
                    }
                })
                .accept(MediaType.APPLICATION_JSON)
                .body(org.springframework.web.reactive.function.BodyInserters.fromDataBuffers(content))
                .exchangeToMono(r -> body(r, Material.class))
                .onErrorMap(SignedInApi::translate);
    }

    /** The event's observation form (its criteria): public. */
    public Mono<FormTemplate> formTemplate(String eventId) {
        return call(gateway.get().uri("/api/observations/events/{e}/form", eventId).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> body(r, FormTemplate.class)));
    }

    /** Her form for the lesson, if she has sent one. */
    public Mono<ObservationForm> observationForm(String lessonId, String registrationId) {
        return call(gateway.get().uri("/api/observations/lessons/{l}/forms/{r}", lessonId, registrationId).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> r.statusCode().value() == 404 ? r.releaseBody().then(Mono.<ObservationForm>empty()) : body(r, ObservationForm.class)));
    }

    /** Sends her form: the first time a POST, then a PUT of the whole form. */
    public Mono<ObservationForm> saveObservationForm(String lessonId, String registrationId, boolean exists, Map<String, Object> body) {
        var request = exists
                ? gateway.put().uri("/api/observations/lessons/{l}/forms/{r}", lessonId, registrationId)
                : gateway.post().uri("/api/observations/lessons/{l}/forms", lessonId);
        return call(request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchangeToMono(r -> body(r, ObservationForm.class)));
    }

    private <T> Mono<T> call(Mono<T> call) {
        return call.timeout(properties.apiTimeout()).onErrorMap(SignedInApi::translate);
    }

    static Throwable translate(Throwable error) {
        if (error instanceof WebClientResponseException || error instanceof WebClientRequestException
                || error instanceof TimeoutException) {
            return new ApiUnavailableException(error.getMessage(), error);
        }
        return error;
    }

    public record Paper(String id, String eventId, String title, String status) {
    }

    /** A paper as its submitter sees it: the decision and the reviews' scores and comments (no reviewer), its materials. */
    public record PaperView(String id, String eventId, String title, @com.fasterxml.jackson.annotation.JsonProperty("abstract") String abstractText,
                            List<String> presenters, String unit, int requestedMinutes, String status, Instant submittedAt,
                            List<Feedback> feedback, Decision decision, List<Material> materials, Placement placement) {

        /** The submitter may still withdraw it (anything not rejected or withdrawn). */
        public boolean withdrawable() {
            return !"REJECTED".equals(status) && !"WITHDRAWN".equals(status);
        }

        /** Materials may be added while it is not rejected or withdrawn. */
        public boolean acceptsMaterials() {
            return withdrawable();
        }
    }

    public record Feedback(int score, String comment, Instant at) {
    }

    public record Decision(String outcome, String comment, Instant at) {
    }

    public record Material(String id, String filename, String contentType, long size, Instant uploadedAt) {
    }

    public record Placement(String sessionId, int position, int minutes) {
    }

    /** An event's observation form: the criteria an observer scores 1 to 5. */
    public record FormTemplate(String eventId, List<Criterion> criteria) {
    }

    public record Criterion(String id, String label) {

        /** The default criteria are written "Vietnamese / English": the part in her language, else the whole label. */
        public String labelIn(String language) {
            int slash = label == null ? -1 : label.indexOf(" / ");
            if (slash < 0) {
                return label;
            }
            return "en".equals(language) ? label.substring(slash + 3).strip() : label.substring(0, slash).strip();
        }
    }

    /** One observer's form for one lesson, as the observations API keeps it. */
    public record ObservationForm(String formId, String lessonId, String registrationId, Map<String, Integer> scores,
                                  String comments, boolean locked, Instant updatedAt) {
    }

    public record Lesson(String id, String eventId, String title, String hostSchool, String classroom, String className,
                         String teacher, String activity, java.time.OffsetDateTime startsAt, java.time.OffsetDateTime endsAt,
                         int seats, int seatsLeft, int waiting, String status) {

        private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

        /** Times as the lesson's school keeps them (the JSON reader moves them to UTC). */
        public Lesson {
            startsAt = startsAt == null ? null : startsAt.atZoneSameInstant(VIETNAM).toOffsetDateTime();
            endsAt = endsAt == null ? null : endsAt.atZoneSameInstant(VIETNAM).toOffsetDateTime();
        }
    }

    public record ScheduleEntry(Lesson lesson, String status, String bookingId, Integer waitlistPosition, boolean clashes) {
    }

    public record Outcome(String lessonId, String registrationId, String status, String bookingId, int seatsLeft,
                          Integer waitlistPosition) {
    }

    /** Who is signed in; {@code unitId} is her confirmed unit in the units directory (null: none confirmed yet). */
    public record Account(String email, String fullName, String unit, List<String> roles, String unitId) {
    }

    public record Registration(String id, String eventId, String fullName, String email, String phone, String unit,
                               String position, String category, String note, String status, String confirmationCode,
                               String reason, Instant createdAt, Long waitlistPosition) {

        /** Her status as a catalogue key: a waiting one with its place when the API gave it. */
        public String statusKey() {
            return "WAITLISTED".equals(status) && waitlistPosition != null ? "registration.waitingAt" : "registration." + status;
        }

        public boolean active() {
            return !"CANCELLED".equals(status) && !"REJECTED".equals(status);
        }

        public boolean hasBadge() {
            return "CONFIRMED".equals(status) && confirmationCode != null;
        }
    }
}
