package io.hoithao.presentations.album;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A photo of an event's album (album hình ảnh): the cleaned image and its thumbnail in GridFS, its caption,
 * and whether it shows in the public album. Organisers' photos are approved as they upload them; a delegate's
 * wait for an organiser's approval ({@code status} PENDING, then APPROVED or REJECTED). {@code approved} is
 * what the public album and its images go by, kept true exactly when the status is APPROVED.
 */
@Document(Photo.COLLECTION)
public record Photo(
        @Id String id,
        String eventId,
        String sessionId,
        String caption,
        String imageId,
        String thumbnailId,
        int width,
        int height,
        long size,
        boolean approved,
        String uploadedBy,
        Instant createdAt,
        String status) {

    public static final String COLLECTION = "photos";
    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    /** The status; photos stored before delegates could upload have none and were approved as uploaded. */
    public String status() {
        return status != null ? status : approved ? APPROVED : PENDING;
    }
}
