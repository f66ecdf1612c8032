package io.hoithao.platform.testing;

import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.IntegrationMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The shape of an integration test of a message-driven service: stimulate (a request, a message sent), then
 * wait until the state or the messages that follow say what they must, within a patience suited to a
 * machine shared by a whole build (a test asserts what happens, not how fast):
 * <pre>{@code
 * Scenario.when(() -> messages.send(opened))
 *         .thenState(() -> http.get().uri(...).exchange().expectBody().jsonPath("$.registrationOpen").isEqualTo(true));
 * Scenario.when(() -> register(...).expectStatus().isCreated())
 *         .thenMessages(topic, RegistrationConfirmed.class, m -> m.eventId().equals(eventId),
 *                 confirmed -> assertThat(confirmed).hasSize(1));
 * }</pre>
 */
public final class Scenario {

    /** How long a test waits for what follows a stimulus, unless it says otherwise. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Duration patience;

    private Scenario(Duration patience) {
        this.patience = patience;
    }

    /** Performs the stimulus at once; what it must lead to is said next. */
    public static Scenario when(ThrowingRunnable stimulus) {
        try {
            stimulus.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the stimulus failed", e);
        }
        return new Scenario(PATIENCE);
    }

    /** The same scenario, waiting this long for what follows. */
    public Scenario within(Duration patience) {
        return new Scenario(patience);
    }

    /** Waits until the assertion on the state holds. */
    public void thenState(ThrowingRunnable assertion) {
        await().atMost(patience).untilAsserted(assertion);
    }

    /** Waits until the messages of the type on the topic that {@code which} selects satisfy the assertion; returns them. */
    public <T extends IntegrationMessage> List<T> thenMessages(TestMessages.Subscription topic, Class<T> type,
            Predicate<? super T> which, ThrowingConsumer<List<T>> assertion) {
        return awaitList(patience, () -> topic.messages(type).stream().filter(which).toList(), assertion);
    }

    /** Waits (at most {@link #PATIENCE}) until the assertion holds: a state that follows something already done. */
    public static void eventually(ThrowingRunnable assertion) {
        await().atMost(PATIENCE).untilAsserted(assertion);
    }

    static <T> List<T> awaitList(Duration patience, Supplier<List<T>> current, ThrowingConsumer<List<T>> assertion) {
        AtomicReference<List<T>> seen = new AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(patience).untilAsserted(() -> {
            List<T> now = current.get();
            assertion.accept(now);
            seen.set(now);
        });
        return seen.get();
    }
}
