package io.hoithao.presentations.album;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event's album as its organisers set it: whether the event's confirmed delegates may upload photos
 * (each waiting for an organiser's approval). No document: only the organisers upload.
 */
@Document("album_settings")
record AlbumSettings(@Id String eventId, boolean delegateUploads, Instant updatedAt) {

    static AlbumSettings closed(String eventId) {
        return new AlbumSettings(eventId, false, null);
    }
}
