package io.hoithao.platform.messaging;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/deadletters}, for administrators: {@code GET} lists the dead letters of every binding,
 * {@code POST} replays all that were not replayed yet, {@code POST /{topic}/{partition}/{offset}} replays one.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public Mono<Map<String, Object>> list() {
        return deadLetters.list().map(letters -> Map.of(
                "bindings", deadLetters.bindings(),
                "unreplayed", letters.stream().filter(letter -> letter.replayedAt() == null).count(),
                "deadLetters", letters));
    }

    @WriteOperation
    public Mono<Map<String, Object>> replayAll() {
        return deadLetters.replayAll().map(count -> Map.of("replayed", count));
    }

    @WriteOperation
    public Mono<DeadLetters.DeadLetter> replay(@Selector String topic, @Selector int partition, @Selector long offset) {
        return deadLetters.replay(topic, partition, offset);
    }
}
