package io.hoithao.registrations.documents;

import io.hoithao.documents.AttendanceRow;
import io.hoithao.documents.Badge;
import io.hoithao.documents.Badges;
import io.hoithao.documents.Certificate;
import io.hoithao.documents.Certificates;
import io.hoithao.documents.DelegateRow;
import io.hoithao.documents.EventHeading;
import io.hoithao.documents.Spreadsheets;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventAccess;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.event.OpenEvent;
import io.hoithao.registrations.registration.DelegateCategory;
import io.hoithao.registrations.registration.Registration;
import io.hoithao.registrations.registration.RegistrationStatus;
import io.hoithao.registrations.registration.RegistrationStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The documents of an event that its managers hand out, for the organisers of the event's unit and
 * administrators ({@link EventAccess#requireManager}, as the attendance): the delegate list and the attendance
 * as XLSX, the badges and the certificates of attendance as PDF. The registrations are read from the database
 * as the document is written, on a thread that may block, and the document goes out as it is written.
 */
@RestController
@RequestMapping("/api/registrations/events/{eventId}")
class EventDocumentsHandler {

    /** Who is on the delegate list: everyone whose registration still counts, with where it stands. */
    static final Set<RegistrationStatus> LISTED = Set.of(RegistrationStatus.PENDING, RegistrationStatus.AWAITING_APPROVAL,
            RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);
    /** Registrations read from the database at a time. */
    private static final int BATCH = 256;

    private final EventProjection events;
    private final EventAccess access;
    private final RegistrationStore store;

    EventDocumentsHandler(EventProjection events, EventAccess access, RegistrationStore store) {
        this.events = events;
        this.access = access;
        this.store = store;
    }

    /** Every registration that still counts, by unit, then as they came: STT, name, unit, position, category, contact, status, code. */
    @GetMapping(path = "/delegates.xlsx", produces = Spreadsheets.MEDIA_TYPE)
    Mono<ResponseEntity<Flux<DataBuffer>>> delegates(@PathVariable String eventId, Caller caller, ServerWebExchange exchange) {
        return document(eventId, caller, exchange, "delegates-" + eventId + ".xlsx", Spreadsheets.MEDIA_TYPE, LISTED,
                (event, registrations, out) -> Spreadsheets.delegateList(heading(event),
                        registrations.map(EventDocumentsHandler::delegateRow)::iterator, out));
    }

    /** The confirmed delegates with an "x" for each day of the event they were checked in, and the totals per unit and day. */
    @GetMapping(path = "/attendance.xlsx", produces = Spreadsheets.MEDIA_TYPE)
    Mono<ResponseEntity<Flux<DataBuffer>>> attendance(@PathVariable String eventId, Caller caller, ServerWebExchange exchange) {
        return document(eventId, caller, exchange, "attendance-" + eventId + ".xlsx", Spreadsheets.MEDIA_TYPE,
                Set.of(RegistrationStatus.CONFIRMED),
                (event, registrations, out) -> Spreadsheets.attendance(heading(event), event.days(),
                        registrations.map(EventDocumentsHandler::attendanceRow)::iterator, out));
    }

    /** A name card for every confirmed delegate, 8 to an A4 sheet, grouped by unit. */
    @GetMapping(path = "/badges.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<Flux<DataBuffer>>> badges(@PathVariable String eventId, Caller caller, ServerWebExchange exchange) {
        return document(eventId, caller, exchange, "badges-" + eventId + ".pdf", Badges.MEDIA_TYPE,
                Set.of(RegistrationStatus.CONFIRMED),
                (event, registrations, out) -> Badges.write(heading(event), registrations.map(r -> new Badge(r.fullName(),
                        r.unit(), category(r.category()), r.confirmationCode()))::iterator, out));
    }

    /** A certificate of attendance for every confirmed delegate checked in on at least one day. */
    @GetMapping(path = "/certificates.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<Flux<DataBuffer>>> certificates(@PathVariable String eventId, Caller caller, ServerWebExchange exchange) {
        return document(eventId, caller, exchange, "certificates-" + eventId + ".pdf", Certificates.MEDIA_TYPE,
                Set.of(RegistrationStatus.CONFIRMED),
                (event, registrations, out) -> Certificates.write(heading(event), registrations
                        .filter(r -> !r.checkIns().isEmpty())
                        .map(r -> new Certificate(r.fullName(), r.unit(), r.confirmationCode(), days(r.checkIns())))::iterator, out));
    }

    private interface Writer {
        void write(OpenEvent event, Stream<Registration> registrations, OutputStream out) throws IOException;
    }

    /**
     * The manager check and the event first, so a refusal or an unknown event is a problem answer; then the
     * document, written on a thread that may block while the database's batches arrive. A failure after the
     * first bytes can only cut the download short (the status is sent), and is logged by the server.
     */
    private Mono<ResponseEntity<Flux<DataBuffer>>> document(String eventId, Caller caller, ServerWebExchange exchange,
                                                            String filename, String mediaType, Collection<RegistrationStatus> statuses,
                                                            Writer writer) {
        // the policy: the event without its seat holders, which grow with the delegates
        return access.requireManager(eventId, caller).then(Mono.defer(() -> events.findPolicy(eventId)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Event", eventId))).map(event -> {
            Flux<DataBuffer> body = Flux.from(DataBufferUtils.outputStreamPublisher(out -> {
                try (Stream<Registration> registrations = store.byUnit(eventId, statuses).toStream(BATCH)) {
                    writer.write(event, registrations, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, exchange.getResponse().bufferFactory(), task -> Schedulers.boundedElastic().schedule(task)));
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(mediaType))
                    .cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(filename, StandardCharsets.UTF_8).build().toString())
                    .body(body);
        });
    }

    private static EventHeading heading(OpenEvent event) {
        return new EventHeading(event.title(), event.organiserUnit(),
                event.firstDay() == null ? null : LocalDate.parse(event.firstDay()),
                event.lastDay() == null ? null : LocalDate.parse(event.lastDay()));
    }

    private static DelegateRow delegateRow(Registration r) {
        return new DelegateRow(r.fullName(), r.unit(), r.position(), category(r.category()), r.email(), r.phone(),
                status(r.status()), r.status() == RegistrationStatus.CONFIRMED ? r.confirmationCode() : null);
    }

    private static AttendanceRow attendanceRow(Registration r) {
        return new AttendanceRow(r.fullName(), r.unit(), category(r.category()), r.position(), Set.copyOf(days(r.checkIns())));
    }

    private static List<LocalDate> days(List<String> checkIns) {
        return checkIns.stream().map(LocalDate::parse).sorted().collect(Collectors.toList());
    }

    /** As the web application names them. */
    static String category(DelegateCategory category) {
        if (category == null) {
            return null;
        }
        return switch (category) {
            case LEADER -> "Lãnh đạo";
            case MANAGER -> "Cán bộ quản lý";
            case TEACHER -> "Giáo viên";
            case STAFF -> "Nhân viên";
            case GUEST -> "Khách mời";
        };
    }

    static String status(RegistrationStatus status) {
        return switch (status) {
            case PENDING -> "Đang xử lý";
            case AWAITING_APPROVAL -> "Chờ duyệt";
            case CONFIRMED -> "Đã xác nhận";
            case WAITLISTED -> "Danh sách chờ";
            case REJECTED -> "Bị từ chối";
            case CANCELLED -> "Đã huỷ";
        };
    }
}
