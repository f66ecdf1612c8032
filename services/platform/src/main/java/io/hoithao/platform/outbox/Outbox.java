package io.hoithao.platform.outbox;

import io.hoithao.contracts.IntegrationMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes messages into the outbox of the document a change modifies. Always append with {@code $push}
 * in the same update as the change: replacing the whole array could drop entries the relay has not
 * published yet, or resurrect ones it already removed.
 */
public final class Outbox {

    /** Name of the array field holding unpublished messages in every document that produces messages. */
    public static final String FIELD = "outbox";

    private Outbox() {
    }

    public static Update append(Update update, List<? extends IntegrationMessage> messages) {
        if (!messages.isEmpty()) {
            update.push(FIELD).each(messages.stream().map(OutboxEntry::of).toArray());
        }
        return update;
    }

    public static Update append(Update update, IntegrationMessage... messages) {
        return append(update, Arrays.asList(messages));
    }

    /** Entries for a document that is inserted whole (a new aggregate), which has no earlier outbox to lose. */
    public static List<OutboxEntry> entries(List<? extends IntegrationMessage> messages) {
        return messages.stream().map(OutboxEntry::of).toList();
    }
}
