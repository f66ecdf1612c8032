package io.hoithao.events.live;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The in-process hub of programme changes that the server-sent-events stream relays. Changes are
 * announced after the write that made them is stored; a subscriber too slow to keep up loses changes
 * rather than slowing the writers down (the stream is a prompt to re-read the programme, not a log).
 */
@Component
public class ProgrammeChanges {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeChanges.class);

    private final Sinks.Many<ProgrammeChange> sink = Sinks.many().multicast().directBestEffort();

    public void announce(ProgrammeChange change) {
        Sinks.EmitResult result = sink.tryEmitNext(change);
        if (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            // Two writers announced at the same instant: retry briefly instead of dropping the change.
            sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
        } else if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.debug("Programme change {} not delivered: {}", change, result);
        }
    }

    public Flux<ProgrammeChange> of(String eventId) {
        return sink.asFlux().filter(change -> change.eventId().equals(eventId));
    }
}
