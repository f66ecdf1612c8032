package io.hoithao.events.schedule;

import io.hoithao.documents.EventHeading;
import io.hoithao.documents.Programme;
import io.hoithao.documents.ProgrammeDocument;
import io.hoithao.events.event.Event;
import io.hoithao.events.event.EventStore;
import io.hoithao.events.session.SessionType;
import io.hoithao.events.session.SessionView;
import io.hoithao.platform.security.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
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
 * The programme as a PDF to print or send: day by day, its sessions with their venues, the papers presented
 * and the demonstration lessons held, under the organising unit's name. Whoever may read the programme as
 * JSON may read it (public once the event is published; a draft's only for its managers, 404 to anyone else).
 */
@RestController
@RequestMapping("/api/events/{eventId}")
class ProgrammePdfHandler {

    private final ProgrammeViewService views;
    private final EventStore events;

    ProgrammePdfHandler(ProgrammeViewService views, EventStore events) {
        this.views = views;
        this.events = events;
    }

    @GetMapping(path = "/programme.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<Flux<DataBuffer>>> pdf(@PathVariable String eventId, Caller caller, ServerWebExchange exchange) {
        return events.find(eventId, caller).zipWith(Mono.defer(() -> views.view(eventId, caller))).map(found -> {
            Event event = found.getT1();
            ProgrammeView view = found.getT2();
            EventHeading heading = new EventHeading(view.title(), event.organiserUnit(), view.startDate(), view.endDate());
            List<Programme.Day> days = view.days().stream().map(ProgrammePdfHandler::day).toList();
            // written on a thread that may block, into the response as it goes
            Flux<DataBuffer> body = Flux.from(DataBufferUtils.outputStreamPublisher(out -> {
                try {
                    ProgrammeDocument.write(heading, days, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, exchange.getResponse().bufferFactory(), task -> Schedulers.boundedElastic().schedule(task)));
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("programme-" + eventId + ".pdf", StandardCharsets.UTF_8).build().toString())
                    .body(body);
        });
    }

    private static Programme.Day day(ProgrammeView.Day day) {
        return new Programme.Day(day.date(), day.sessions().stream().map(item -> {
            SessionView session = item.session();
            String venue = session.venue() == null ? null
                    : session.address() == null || session.address().isBlank() ? session.venue() : session.venue() + ", " + session.address();
            return new Programme.Session(session.start(), session.end(), kind(session.type()), session.title(),
                    session.description(), venue, session.classroom(), session.chair(), session.speakers(),
                    item.papers().stream().map(p -> new Programme.Paper(p.title(), p.unit(), p.presenters(), p.minutes())).toList(),
                    item.lessons().stream().map(l -> new Programme.Lesson(l.title(), l.classroom(), time(l.startsAt()), time(l.endsAt())))
                            .toList());
        }).toList());
    }

    private static java.time.LocalTime time(OffsetDateTime at) {
        return at == null ? null : at.toLocalTime();
    }

    /** As the web application names them. */
    static String kind(SessionType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case OPENING -> "Khai mạc";
            case PLENARY -> "Phiên toàn thể";
            case PRESENTATION -> "Tham luận";
            case DEMONSTRATION_LESSON -> "Dự giờ";
            case SITE_VISIT -> "Tham quan";
            case DISCUSSION -> "Thảo luận";
            case CLOSING -> "Bế mạc";
            case BREAK -> "Giải lao";
        };
    }
}
