package io.hoithao.presentations.album;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A photo of an event's album (album hình ảnh): the cleaned image and its thumbnail in GridFS, its caption,
 * and whether it shows in the public album. Organisers' photos are approved as they upload them.
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
        Instant createdAt) {

    public static final String COLLECTION = "photos";
}
