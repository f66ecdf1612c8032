package io.hoithao.web.organiser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;

import io.hoithao.web.ApiProblem;
import io.hoithao.web.ApiUnavailableException;
import io.hoithao.web.ForwardedFor;
import io.hoithao.web.SignInAgainException;
import io.hoithao.web.WebProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The APIs an organiser's console calls, as the signed-in organiser (her access token, through the
 * gateway). A 4xx problem becomes an {@link ApiProblem}; a session clash's other session is given as the
 * problem's clashing title so that the message names it; 401 is {@link SignInAgainException}; a 5xx or no
 * answer {@link ApiUnavailableException}.
 */
@Component
class OrganiserApi {

    private static final ParameterizedTypeReference<Page<Event>> EVENTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<Unit>> UNITS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<Delegate>> DELEGATES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<Lesson>> LESSONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<ProgrammeInfo>> PROGRAMMES = new ParameterizedTypeReference<>() {
    };

    private final WebClient gateway;
    private final WebProperties properties;

    OrganiserApi(WebProperties properties, ReactiveOAuth2AuthorizedClientManager clients) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction tokens = new ServerOAuth2AuthorizedClientExchangeFilterFunction(clients);
        tokens.setDefaultOAuth2AuthorizedClient(true);
        this.gateway = WebClient.builder().baseUrl(properties.apiUri()).filter(tokens).filter(ForwardedFor.filter()).build();
        this.properties = properties;
    }

    // events

    /**
     * The unit's events, drafts included (the events API shows a unit's drafts to its organisers); all for an administrator.
     *
     * @param unitId the organising unit's id in the units directory (the events API's {@code organiser} filter); null for every unit
     */
    Mono<List<Event>> events(String unitId) {
        return get(u -> {
            u.path("/api/events").queryParam("size", 100).queryParam("from", "2000-01-01");
            if (unitId != null && !unitId.isBlank()) {
                u.queryParam("organiser", "{unit}");
            }
            return u.build(Map.of("unit", unitId == null ? "" : unitId));
        }, EVENTS).map(Page::items);
    }

    Mono<Event> event(String id) {
        return get(u -> u.path("/api/events/{id}").build(id), Event.class);
    }

    Mono<Event> createEvent(Map<String, Object> body) {
        return send(HttpMethod.POST, "/api/events", body, Event.class);
    }

    Mono<Event> updateEvent(String id, Map<String, Object> body) {
        return send(HttpMethod.PATCH, "/api/events/" + id, body, Event.class);
    }

    Mono<Event> capacity(String id, int capacity) {
        return send(HttpMethod.POST, "/api/events/" + id + "/capacity", Map.of("capacity", capacity), Event.class);
    }

    Mono<Event> reschedule(String id, Map<String, Object> body) {
        return send(HttpMethod.POST, "/api/events/" + id + "/reschedule", body, Event.class);
    }

    Mono<Event> addVenue(String id, Map<String, Object> body) {
        return send(HttpMethod.POST, "/api/events/" + id + "/venues", body, Event.class).then(event(id));
    }

    /** A lifecycle step: {@code publish}, {@code registration/open}, {@code registration/close}, {@code start}, {@code complete}, {@code cancel}. */
    Mono<Event> transition(String id, String step, Map<String, Object> body) {
        return send(HttpMethod.POST, "/api/events/" + id + "/" + step, body, Event.class);
    }

    Mono<Programme> programme(String id) {
        return get(u -> u.path("/api/events/{id}/programme").build(id), Programme.class);
    }

    Mono<Session> addSession(String id, Map<String, Object> body) {
        return send(HttpMethod.POST, "/api/events/" + id + "/sessions", body, Session.class);
    }

    Mono<Session> session(String id, String sessionId) {
        return get(u -> u.path("/api/events/{id}/sessions/{s}").build(id, sessionId), Session.class);
    }

    Mono<Session> moveSession(String id, String sessionId, Map<String, Object> body) {
        return send(HttpMethod.POST, "/api/events/" + id + "/sessions/" + sessionId + "/move", body, Session.class);
    }

    Mono<Session> cancelSession(String id, String sessionId) {
        return send(HttpMethod.POST, "/api/events/" + id + "/sessions/" + sessionId + "/cancel", null, Session.class);
    }

    /** The units directory (public), for the event's organising unit. */
    Mono<List<Unit>> units() {
        return get(u -> u.path("/api/events/units").queryParam("size", 200).build(), UNITS).map(Page::items);
    }

    /** The programmes (chuyên đề) with their phases (public). */
    Mono<List<ProgrammeInfo>> programmes() {
        return get(u -> u.path("/api/events/programmes").queryParam("size", 100).build(), PROGRAMMES).map(Page::items);
    }

    // reports

    /** The review report of a programme's phase for a unit and the units below it, counting participation at {@code level}. */
    Mono<ReviewReport> report(String programmeId, String unitId, String phase, String level) {
        return get(u -> u.path("/api/reports/programmes/{p}/units/{u}").queryParam("phase", "{phase}").queryParam("level", "{level}")
                .build(Map.of("p", programmeId, "u", unitId, "phase", phase, "level", level)), ReviewReport.class);
    }

    /**
     * A document an API makes (XLSX, DOCX, PDF), streamed on with its type, length and file name as the API gives
     * them ({@code fallbackName} if it gives none), never cached.
     */
    Mono<ResponseEntity<Flux<DataBuffer>>> download(Function<UriBuilder, java.net.URI> uri, String fallbackName) {
        return gateway.get().uri(uri).retrieve()
                .onStatus(status -> !status.is2xxSuccessful(), OrganiserApi::<Throwable>problem)
                .toEntityFlux(DataBuffer.class)
                .map(answer -> {
                    HttpHeaders headers = new HttpHeaders();
                    for (String name : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_DISPOSITION)) {
                        List<String> values = answer.getHeaders().get(name);
                        if (values != null && !values.isEmpty()) {
                            headers.put(name, values);
                        }
                    }
                    if (headers.getContentDisposition().getFilename() == null) {
                        headers.setContentDisposition(ContentDisposition.attachment()
                                .filename(fallbackName, java.nio.charset.StandardCharsets.UTF_8).build());
                    }
                    headers.setCacheControl("private, no-store");
                    return ResponseEntity.ok().headers(headers).body(answer.getBody());
                })
                .timeout(properties.apiTimeout())
                .onErrorMap(OrganiserApi::translate);
    }

    // registrations

    Mono<Seats> seats(String eventId) {
        return get(u -> u.path("/api/registrations/events/{e}").build(eventId), Seats.class);
    }

    /** @param unitId the directory's id of the unit whose delegates are listed; null for every unit */
    Mono<Page<Delegate>> delegates(String eventId, String status, String unitId, int page, int size) {
        return get(u -> {
            u.path("/api/registrations/events/{e}/registrations").queryParam("page", page).queryParam("size", size);
            if (status != null && !status.isBlank()) {
                u.queryParam("status", "{status}");
            }
            if (unitId != null && !unitId.isBlank()) {
                u.queryParam("unitId", "{unitId}");
            }
            return u.build(Map.of("e", eventId, "status", status == null ? "" : status, "unitId", unitId == null ? "" : unitId));
        }, DELEGATES);
    }

    Mono<Attendance> attendance(String eventId) {
        return get(u -> u.path("/api/registrations/events/{e}/attendance").build(eventId), Attendance.class);
    }

    Mono<byte[]> attendanceCsv(String eventId) {
        return call(gateway.get().uri("/api/registrations/events/{e}/attendance.csv", eventId)
                .exchangeToMono(r -> body(r, byte[].class)));
    }

    /** @param quotas each {@code unitId} (the directory's id) and {@code seats} */
    Mono<Void> quotas(String eventId, List<Map<String, Object>> quotas) {
        return send(HttpMethod.PUT, "/api/registrations/events/" + eventId + "/quotas", Map.of("quotas", quotas), Map.class).then();
    }

    Mono<Void> approval(String eventId, boolean required) {
        return send(HttpMethod.PUT, "/api/registrations/events/" + eventId + "/approval", Map.of("required", required), Map.class).then();
    }

    Mono<Delegate> approve(String registrationId) {
        return send(HttpMethod.POST, "/api/registrations/" + registrationId + "/approve", null, Delegate.class);
    }

    Mono<Delegate> reject(String registrationId) {
        return send(HttpMethod.POST, "/api/registrations/" + registrationId + "/reject", null, Delegate.class);
    }

    Mono<Delegate> register(Map<String, Object> body) {
        return send(HttpMethod.POST, "/api/registrations", body, Delegate.class);
    }

    /** @param unitId the directory's id of the unit of rows without a {@code unitId} column; null for none */
    Mono<ImportResult> importCsv(String eventId, String unitId, byte[] csv) {
        return call(gateway.post().uri(u -> {
                    u.path("/api/registrations/events/{e}/imports");
                    if (unitId != null && !unitId.isBlank()) {
                        u.queryParam("unitId", "{unitId}");
                    }
                    return u.build(Map.of("e", eventId, "unitId", unitId == null ? "" : unitId));
                })
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .accept(MediaType.APPLICATION_JSON).bodyValue(csv)
                .exchangeToMono(r -> body(r, ImportResult.class)));
    }

    // observations

    Mono<List<Lesson>> lessons(String eventId) {
        return get(u -> u.path("/api/observations/events/{e}/lessons").queryParam("size", 100).build(eventId), LESSONS)
                .map(Page::items);
    }

    Mono<Lesson> addLesson(String eventId, Map<String, Object> body) {
        return send(HttpMethod.POST, "/api/observations/events/" + eventId + "/lessons", body, Lesson.class);
    }

    Mono<Lesson> lesson(String lessonId) {
        return get(u -> u.path("/api/observations/lessons/{l}").build(lessonId), Lesson.class);
    }

    /** The teaching details (classroom, class, age group, teacher, activity, area, seats); its time follows its session. */
    Mono<Lesson> lessonDetails(String lessonId, Map<String, Object> body) {
        return send(HttpMethod.PUT, "/api/observations/lessons/" + lessonId + "/details", body, Lesson.class);
    }

    /** Cancels the lesson: every seat and waiting place lapses (the observations service tells each). */
    Mono<Lesson> cancelLesson(String lessonId, String reason) {
        return call(gateway.delete().uri(u -> {
            u.path("/api/observations/lessons/{l}");
            if (reason != null) {
                u.queryParam("reason", "{reason}");
            }
            return u.build(Map.of("l", lessonId, "reason", reason == null ? "" : reason));
        }).accept(MediaType.APPLICATION_JSON).exchangeToMono(r -> body(r, Lesson.class)));
    }

    Mono<Observers> observers(String lessonId) {
        return get(u -> u.path("/api/observations/lessons/{l}/observers").build(lessonId), Observers.class);
    }

    /** Marks the registrations present (or not) at the lesson; the API takes at most 50 a call. */
    Mono<Observers> attendance(String lessonId, List<String> registrationIds, boolean attended) {
        return send(HttpMethod.POST, "/api/observations/lessons/" + lessonId + "/attendance",
                Map.of("registrationIds", registrationIds, "attended", attended), Observers.class);
    }

    Mono<FormSummary> formSummary(String lessonId) {
        return get(u -> u.path("/api/observations/lessons/{l}/forms/summary").build(lessonId), FormSummary.class);
    }

    Mono<Rotation> planRotation(String eventId, Map<String, Object> body) {
        return send(HttpMethod.POST, "/api/observations/events/" + eventId + "/rotations", body, Rotation.class);
    }

    Mono<Rotation> rotation(String rotationId) {
        return get(u -> u.path("/api/observations/rotations/{r}").build(rotationId), Rotation.class);
    }

    Mono<Rotation> applyRotation(String rotationId) {
        return send(HttpMethod.POST, "/api/observations/rotations/" + rotationId + "/apply", null, Rotation.class);
    }

    // plumbing

    private <T> Mono<T> get(Function<UriBuilder, java.net.URI> uri, Class<T> type) {
        return call(gateway.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchangeToMono(r -> body(r, type)));
    }

    private <T> Mono<T> get(Function<UriBuilder, java.net.URI> uri, ParameterizedTypeReference<T> type) {
        return call(gateway.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(r -> r.statusCode().is2xxSuccessful() ? r.bodyToMono(type) : problem(r)));
    }

    private <T> Mono<T> send(HttpMethod method, String path, Object body, Class<T> type) {
        var request = gateway.method(method).uri(path).accept(MediaType.APPLICATION_JSON);
        var ready = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return call(ready.exchangeToMono(r -> body(r, type)));
    }

    private <T> Mono<T> call(Mono<T> call) {
        return call.timeout(properties.apiTimeout()).onErrorMap(OrganiserApi::translate);
    }

    private static <T> Mono<T> body(ClientResponse response, Class<T> type) {
        return response.statusCode().is2xxSuccessful() ? response.bodyToMono(type) : problem(response);
    }

    private static <T> Mono<T> problem(ClientResponse response) {
        HttpStatus status = HttpStatus.resolve(response.statusCode().value());
        if (status == HttpStatus.UNAUTHORIZED) {
            return response.releaseBody().then(Mono.error(new SignInAgainException()));
        }
        if (status != null && status.is4xxClientError()) {
            return response.bodyToMono(Problem.class)
                    .onErrorResume(e -> Mono.empty())
                    .defaultIfEmpty(new Problem(null, status.value(), null, null, null, null))
                    .flatMap(p -> Mono.error(new ApiProblem(status.value(), p.body())));
        }
        return response.releaseBody().then(Mono.error(new ApiUnavailableException("API answered " + response.statusCode(), null)));
    }

    static Throwable translate(Throwable error) {
        if (error instanceof WebClientResponseException || error instanceof WebClientRequestException
                || error instanceof TimeoutException) {
            return new ApiUnavailableException(error.getMessage(), error);
        }
        return error;
    }

    /** A problem+json body: a session clash names its other session in {@code clashingSession}. */
    public record Problem(String type, Integer status, List<ApiProblem.FieldProblem> errors, String clashingTitle,
                   String registrationStatus, ClashingSession clashingSession) {

        ApiProblem.Body body() {
            String title = clashingTitle != null ? clashingTitle : clashingSession == null ? null : clashingSession.describe();
            return new ApiProblem.Body(type, status, errors, title, registrationStatus);
        }
    }

    public record ClashingSession(String id, String title, LocalDate date, LocalTime start, LocalTime end) {

        /** «Khai mạc» 25/10/2027 07:30–08:00: the title with its day and times, which read the same in both languages. */
        public String describe() {
            StringBuilder text = new StringBuilder(title == null ? "" : title);
            if (date != null) {
                text.append(", ").append(date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            }
            if (start != null && end != null) {
                text.append(" ").append(start).append("–").append(end);
            }
            return text.toString();
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }


    public record Venue(String id, String name, String kind, String address, List<String> classrooms) {
    }

    public record Official(String name, String position, String unit, String role) {
    }

    /** {@code organiserUnitId}: the organising unit's id in the units directory; {@code organiserUnit}: its current official name. */
    public record Event(String id, String title, String description, String kind, String level, String organiserUnitId, String organiserUnit,
                 LocalDate startDate, LocalDate endDate, String timeZone, int capacity, Instant registrationClosesAt,
                 List<Venue> venues, List<Official> officials, String status) {

        public List<Venue> venueList() {
            return venues == null ? List.of() : venues;
        }

        public boolean startsWithin(LocalDate today, int days) {
            return startDate != null && !startDate.isBefore(today) && !startDate.isAfter(today.plusDays(days));
        }

        public boolean live() {
            return !"CANCELLED".equals(status) && !"COMPLETED".equals(status);
        }
    }

    public record Unit(String id, String officialName, String shortName, String kind, String level, String parentId) {
    }

    public record Session(String id, String type, String title, String description, LocalDate date, LocalTime start,
                   LocalTime end, String venueId, String venue, String classroom, String chair, List<String> speakers,
                   String status, Integer seats) {

        public boolean cancelled() {
            return "CANCELLED".equals(status);
        }
    }

    public record Paper(String paperId, String title, String unit, List<String> presenters) {
    }

    public record ProgrammeLesson(String lessonId, String title, String classroom, Integer seats, Integer seatsLeft) {

        public int booked() {
            return seats == null || seatsLeft == null ? 0 : Math.max(0, seats - seatsLeft);
        }
    }

    public record Item(Session session, List<Paper> papers, List<ProgrammeLesson> lessons) {

        public int paperCount() {
            return papers == null ? 0 : papers.size();
        }

        public int bookings() {
            return lessons == null ? 0 : lessons.stream().mapToInt(ProgrammeLesson::booked).sum();
        }
    }

    public record Day(LocalDate date, List<Item> sessions) {
    }

    public record Registrations(int capacity, long confirmed, long waitlisted, long cancelled, long seatsLeft) {
    }

    public record Programme(String eventId, String title, String status, String timeZone, LocalDate startDate, LocalDate endDate,
                     Registrations registrations, List<Day> days, List<Paper> acceptedPapers,
                     List<ProgrammeLesson> otherLessons) {

        public List<Day> dayList() {
            return days == null ? List.of() : days;
        }

        public int papersToPlace() {
            return acceptedPapers == null ? 0 : acceptedPapers.size();
        }

        /** Papers placed in a session and accepted papers waiting for one. */
        public int papers() {
            return papersToPlace() + dayList().stream().flatMap(d -> d.sessions().stream()).mapToInt(Item::paperCount).sum();
        }

        /** Observers holding seats in the event's lessons. */
        public int bookings() {
            return dayList().stream().flatMap(d -> d.sessions().stream()).mapToInt(Item::bookings).sum()
                    + (otherLessons == null ? 0 : otherLessons.stream().mapToInt(ProgrammeLesson::booked).sum());
        }

        public java.util.Optional<Item> item(String sessionId) {
            return dayList().stream().flatMap(d -> d.sessions().stream())
                    .filter(i -> i.session() != null && sessionId.equals(i.session().id())).findFirst();
        }
    }

    /** A unit's seats: {@code unitId} its id in the directory, {@code unit} its current name. */
    public record UnitSeats(String unitId, String unit, Integer quota, int confirmed, boolean overQuota) {
    }

    public record Seats(String eventId, String title, String organiserUnitId, String organiserUnit, boolean registrationOpen, boolean approvalRequired,
                 int capacity, int confirmed, int seatsLeft, boolean overCapacity, long waitlisted, List<LocalDate> days,
                 List<UnitSeats> quotas) {

        public List<UnitSeats> quotaList() {
            return quotas == null ? List.of() : quotas;
        }
    }

    public record Delegate(String id, String eventId, String fullName, String email, String phone, String unit, String unitId, String position,
                    String category, String status, String confirmationCode, List<String> checkIns, Instant createdAt) {
    }

    public record UnitDay(String unit, int confirmed, int attended) {
    }

    public record AttendanceDay(LocalDate day, int confirmed, int attended, List<UnitDay> units) {
    }

    public record Attendance(String eventId, int confirmed, List<AttendanceDay> days) {

        public List<AttendanceDay> dayList() {
            return days == null ? List.of() : days;
        }
    }

    public record ImportRow(long row, String email, String fullName, String outcome, String registrationId, String problemType,
                     String reason) {
    }

    public record ImportResult(String eventId, int total, long registered, long waitlisted, long pendingApproval, long rejected,
                        List<ImportRow> rows) {
    }

    public record Lesson(String id, String eventId, String title, String hostSchool, String classroom, String className,
                  String ageGroup, String teacher, String activity, OffsetDateTime startsAt, OffsetDateTime endsAt,
                  int seats, int seatsLeft, int waiting, String status, String developmentalArea) {

        private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

        /** Times as the lesson's school keeps them (the JSON reader moves them to UTC). */
        public Lesson {
            startsAt = startsAt == null ? null : startsAt.atZoneSameInstant(VIETNAM).toOffsetDateTime();
            endsAt = endsAt == null ? null : endsAt.atZoneSameInstant(VIETNAM).toOffsetDateTime();
        }

        public boolean withoutTeacher() {
            return !"CANCELLED".equals(status) && (teacher == null || teacher.isBlank());
        }
    }

    /** A seat held at a lesson; {@code attended} once the organisers marked her present. */
    public record Booking(String bookingId, String registrationId, String email, String fullName, String via, boolean attended) {
    }

    public record Waiting(String registrationId, String email, String fullName) {
    }

    public record Observers(String lessonId, int seats, int seatsLeft, List<Booking> booked, List<Waiting> waiting) {

        public List<Booking> bookedList() {
            return booked == null ? List.of() : booked;
        }

        public List<Waiting> waitingList() {
            return waiting == null ? List.of() : waiting;
        }
    }

    public record CriterionSummary(String id, String label, Double mean, int count, Integer min, Integer max) {

        /** The default set's "Vietnamese / English" labels in her language. */
        public String labelIn(String language) {
            int slash = label == null ? -1 : label.indexOf(" / ");
            if (slash < 0) {
                return label;
            }
            return "en".equals(language) ? label.substring(slash + 3).strip() : label.substring(0, slash).strip();
        }
    }

    public record FormSummary(String lessonId, int forms, List<CriterionSummary> criteria) {
    }

    public record Assignment(String registrationId, String lessonId, boolean preferred) {
    }

    public record Rotation(String id, String eventId, String status, List<Assignment> assignments, List<String> unassigned,
                           Integer booked) {

        public List<Assignment> assignmentList() {
            return assignments == null ? List.of() : assignments;
        }
    }

    public record Phase(String name, int fromYear, int toYear) {
    }

    /** {@code organiserUnitId}: the unit that keeps the programme (null: the administrators); {@code organiserUnit} its name. */
    public record ProgrammeInfo(String id, String name, String organiserUnitId, String organiserUnit, List<Phase> phases) {

        public List<Phase> phaseList() {
            return phases == null ? List.of() : phases;
        }
    }

    /** The reports API's review report (services/reports README). */
    public record ReviewReport(Named programme, Phase phase, String previousPhase, ReportUnit unit, List<ReportEvent> events,
                               List<EventCount> eventCounts, Participation participation, List<ModelSites> modelSites,
                               ReportAttendance attendance, List<PaperRow> papers, ReportLessons lessons,
                               List<CriterionAverage> criteria) {
    }

    public record Named(String id, String name) {
    }

    public record ReportUnit(String id, String officialName, String level) {
    }

    public record ReportEvent(String eventId, String title, String level, String kind, String organiserUnit, LocalDate startDate,
                              LocalDate endDate, String status, List<String> units) {
    }

    public record EventCount(String level, String kind, int events) {
    }

    public record Participation(String level, int tookPart, int total, String text, List<ReportUnit> notTakingPart) {
    }

    public record ModelSites(String level, int count, int previous, String change, List<ReportUnit> units) {
    }

    public record DayCount(LocalDate day, int checkedIn) {
    }

    public record AttendanceRow(String unit, String category, int registered, int confirmed, List<DayCount> checkedIn) {

        /** Checked in on that day (0 if the row has no such day). */
        public int checkedInOn(LocalDate day) {
            return checkedIn == null ? 0 : checkedIn.stream().filter(d -> day.equals(d.day())).mapToInt(DayCount::checkedIn).sum();
        }
    }

    public record ReportAttendance(int registered, int confirmed, List<DayCount> checkedIn, List<AttendanceRow> rows) {
    }

    public record PaperRow(String unit, int submitted, int accepted, int presented) {
    }

    public record ReportLessons(int held, int observed) {
    }

    public record CriterionAverage(String criterion, int forms, double average) {
    }
}
