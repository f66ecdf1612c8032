package io.hoithao.platform.outbox;

import io.hoithao.platform.status.StatusChange;
import org.springframework.data.mongodb.core.query.Update;

/** The Mongo update that writes a decided {@link StatusChange}: its status, its fields, what it appends. */
public final class StatusUpdates {

    private StatusUpdates() {
    }

    /** The change's own part of the update; the store adds its guard fields (version, time) and the messages. */
    public static Update of(StatusChange<?, ?> change) {
        Update update = new Update();
        if (change.to() != null) {
            update.set("status", change.to());
        }
        change.fields().forEach(update::set);
        change.appended().forEach(update::push);
        return update;
    }
}
