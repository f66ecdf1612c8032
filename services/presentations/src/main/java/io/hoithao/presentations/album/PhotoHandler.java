package io.hoithao.presentations.album;

import io.hoithao.platform.openapi.Answers;
import io.hoithao.platform.security.Caller;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The photo album of an event: its organisers upload photos (the raw JPEG or PNG body, with an optional
 * caption and session); anyone reads the album and its images.
 */
@RestController
@Validated
@RequestMapping("/api/presentations")
class PhotoHandler {

    private final PhotoService photos;

    PhotoHandler(PhotoService photos) {
        this.photos = photos;
    }

    /** A photo seen in the album, with where its image and thumbnail are. */
    record PhotoView(String id, String eventId, String sessionId, String caption, int width, int height, String image,
                     String thumbnail) {
        static PhotoView of(Photo p) {
            String base = "/api/presentations/photos/" + p.id();
            return new PhotoView(p.id(), p.eventId(), p.sessionId(), p.caption(), p.width(), p.height(), base + "/image",
                    base + "/thumbnail");
        }
    }

    @PostMapping("/events/{eventId}/photos")
    @ResponseStatus(HttpStatus.CREATED)
    @Answers(value = {413, 415}, description = "photo-too-large (over 15 MB) or photo-type-not-accepted (not JPEG or PNG; HEIC is told how to export)")
    Mono<ResponseEntity<PhotoView>> upload(@PathVariable String eventId,
                                           @RequestParam(required = false) @Size(max = 500) String caption,
                                           @RequestParam(required = false) @Size(max = 100) String sessionId,
                                           Caller caller, ServerWebExchange exchange) {
        return photos.upload(eventId, sessionId, caption, caller, exchange.getRequest().getBody(),
                        exchange.getRequest().getHeaders().getContentLength())
                .map(photo -> ResponseEntity.created(URI.create("/api/presentations/photos/" + photo.id()))
                        .body(PhotoView.of(photo)));
    }

    /** The public album: approved photos, oldest first. */
    @GetMapping("/events/{eventId}/photos")
    Mono<List<PhotoView>> album(@PathVariable String eventId) {
        return photos.album(eventId).map(list -> list.stream().map(PhotoView::of).toList());
    }

    @GetMapping(path = "/photos/{photoId}/image", produces = MediaType.IMAGE_JPEG_VALUE)
    Mono<ResponseEntity<Flux<DataBuffer>>> image(@PathVariable String photoId) {
        return photos.content(photoId, false).map(body -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(body));
    }

    @GetMapping(path = "/photos/{photoId}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
    Mono<ResponseEntity<Flux<DataBuffer>>> thumbnail(@PathVariable String photoId) {
        return photos.content(photoId, true).map(body -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(body));
    }
}
