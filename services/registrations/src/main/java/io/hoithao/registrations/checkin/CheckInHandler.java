package io.hoithao.registrations.checkin;

import io.hoithao.documents.Cells;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventAccess;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.registration.Registration;
import io.hoithao.registrations.registration.RegistrationAccess;
import io.hoithao.registrations.registration.RegistrationStore;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Check-in by confirmation code, and the attendance of an event as JSON or CSV: for the organisers of the
 * event's unit and administrators only.
 */
@RestController
@RequestMapping("/api/registrations")
class CheckInHandler {

    static final String NOT_CONFIRMED = "not-confirmed";

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CheckInService checkIns;
    private final EventProjection events;
    private final EventAccess eventAccess;
    private final RegistrationStore registrations;
    private final RegistrationAccess access;

    CheckInHandler(CheckInService checkIns, EventProjection events, EventAccess eventAccess, RegistrationStore registrations,
                   RegistrationAccess access) {
        this.checkIns = checkIns;
        this.events = events;
        this.eventAccess = eventAccess;
        this.registrations = registrations;
        this.access = access;
    }

    /** {@code day} defaults to today in the event's time zone. */
    record CheckInRequest(LocalDate day) {
    }

    @PostMapping("/codes/{code}/check-ins")
    Mono<CheckInService.CheckIn> checkIn(@PathVariable String code, @RequestBody(required = false) CheckInRequest body,
                                         Caller caller) {
        caller.requireAny(Role.ADMIN, Role.ORGANISER);
        return registrations.findByCode(code)
                .flatMap(registration -> access.manager(registration, caller))
                .flatMap(registration -> checkIns.checkIn(registration, body == null ? null : body.day()))
                .map(CheckInHandler::orThrow);
    }

    /** The check-in's answer, or its refusal as a problem. */
    private static CheckInService.CheckIn orThrow(CheckInService.Result result) {
        if (result instanceof Scan.NotConfirmed refused) {
            Registration registration = refused.registration();
            throw ProblemException.conflict(NOT_CONFIRMED, "Registration " + registration.confirmationCode() + " is "
                            + registration.status() + "; only confirmed delegates are checked in")
                    .with("status", registration.status().name());
        }
        return (CheckInService.CheckIn) result;
    }

    @GetMapping(path = "/events/{eventId}/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Attendance> attendance(@PathVariable String eventId, Caller caller) {
        return eventAccess.requireManager(eventId, caller).then(Mono.defer(() -> attendance(eventId)));
    }

    private Mono<Attendance> attendance(String eventId) {
        return events.get(eventId).flatMap(event -> registrations.confirmed(eventId)
                .collectList()
                .map(confirmed -> Attendance.of(eventId, event.days(), confirmed)));
    }

    /** One row per day and unit, plus a total row per day; with a BOM so spreadsheet programs read the diacritics right. */
    @GetMapping(path = "/events/{eventId}/attendance.csv")
    Mono<ResponseEntity<byte[]>> attendanceCsv(@PathVariable String eventId, Caller caller) {
        return attendance(eventId, caller).map(attendance -> ResponseEntity.ok()
                .contentType(CSV)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("attendance-" + eventId + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(("\uFEFF" + csv(attendance)).getBytes(StandardCharsets.UTF_8)));
    }

    /** Every text cell goes through {@link Cells#inert}: a unit's name is whatever someone typed. */
    static String csv(Attendance attendance) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("day", "unit", "confirmed", "attended", "summary").get())) {
            for (Attendance.Day day : attendance.days()) {
                for (Attendance.UnitDay unit : day.units()) {
                    printer.printRecord(day.day(), Cells.inert(unit.unit()), unit.confirmed(), unit.attended(),
                            Cells.inert(unit.summary()));
                }
                printer.printRecord(day.day(), "(all units)", day.confirmed(), day.attended(), day.summary());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
