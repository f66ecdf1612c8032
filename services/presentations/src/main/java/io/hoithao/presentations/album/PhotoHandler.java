package io.hoithao.presentations.album;

import io.hoithao.platform.openapi.Answers;
import io.hoithao.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The photo album of an event: its organisers upload photos (the raw JPEG or PNG body, with an optional
 * caption and session), and so do its confirmed delegates once the organisers open the album to them, their
 * photos waiting for approval; organisers approve, reject, re-caption and delete; anyone reads the album of
 * approved photos and their images, an uploader her own pending ones too.
 */
@RestController
@Validated
@RequestMapping("/api/presentations")
class PhotoHandler {

    private final PhotoService photos;

    PhotoHandler(PhotoService photos) {
        this.photos = photos;
    }

    /**
     * A photo with where its image and thumbnail are. {@code status}: APPROVED, PENDING or REJECTED;
     * {@code uploadedBy} (the uploader's email) only in the lists of organisers and of the uploader herself.
     */
    record PhotoView(String id, String eventId, String sessionId, String caption, int width, int height, String status,
                     String image, String thumbnail, String uploadedBy) {
        static PhotoView of(Photo p) {
            return of(p, true);
        }

        static PhotoView of(Photo p, boolean withUploader) {
            String base = "/api/presentations/photos/" + p.id();
            return new PhotoView(p.id(), p.eventId(), p.sessionId(), p.caption(), p.width(), p.height(), p.status(),
                    base + "/image", base + "/thumbnail", withUploader ? p.uploadedBy() : null);
        }
    }

    record Settings(@NotNull Boolean delegateUploads) {
    }

    record AlbumView(String eventId, boolean delegateUploads) {
        static AlbumView of(AlbumSettings s) {
            return new AlbumView(s.eventId(), s.delegateUploads());
        }
    }

    record Caption(@Size(max = 500) String caption) {
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

    /** The public album: approved photos, oldest first (without who uploaded them). */
    @GetMapping("/events/{eventId}/photos")
    Mono<List<PhotoView>> album(@PathVariable String eventId) {
        return photos.album(eventId).map(list -> list.stream().map(p -> PhotoView.of(p, false)).toList());
    }

    /** The caller's own photos of the event, whatever their status. */
    @GetMapping("/events/{eventId}/photos/mine")
    Mono<List<PhotoView>> mine(@PathVariable String eventId, Caller caller) {
        return photos.mine(eventId, caller).map(list -> list.stream().map(PhotoView::of).toList());
    }

    /** The photos waiting for the organisers' approval. */
    @GetMapping("/events/{eventId}/photos/pending")
    Mono<List<PhotoView>> pending(@PathVariable String eventId, Caller caller) {
        return photos.pending(eventId, caller).map(list -> list.stream().map(PhotoView::of).toList());
    }

    /** Whether the event's confirmed delegates may upload (public, so the site can offer it). */
    @GetMapping("/events/{eventId}/album")
    Mono<AlbumView> settings(@PathVariable String eventId) {
        return photos.settings(eventId).map(AlbumView::of);
    }

    @PutMapping("/events/{eventId}/album")
    Mono<AlbumView> setSettings(@PathVariable String eventId, @Valid @RequestBody Settings body, Caller caller) {
        return photos.setDelegateUploads(eventId, body.delegateUploads(), caller).map(AlbumView::of);
    }

    @PostMapping("/photos/{photoId}/approve")
    @Answers(value = 409, description = "invalid-transition: the photo was rejected")
    Mono<PhotoView> approve(@PathVariable String photoId, Caller caller) {
        return photos.decide(photoId, true, caller).map(PhotoView::of);
    }

    @PostMapping("/photos/{photoId}/reject")
    @Answers(value = 409, description = "invalid-transition: the photo was approved (delete it instead)")
    Mono<PhotoView> reject(@PathVariable String photoId, Caller caller) {
        return photos.decide(photoId, false, caller).map(PhotoView::of);
    }

    @PatchMapping("/photos/{photoId}")
    Mono<PhotoView> caption(@PathVariable String photoId, @Valid @RequestBody Caption body, Caller caller) {
        return photos.caption(photoId, body.caption(), caller).map(PhotoView::of);
    }

    @DeleteMapping("/photos/{photoId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String photoId, Caller caller) {
        return photos.delete(photoId, caller);
    }

    @GetMapping(path = "/photos/{photoId}/image", produces = MediaType.IMAGE_JPEG_VALUE)
    Mono<ResponseEntity<Flux<DataBuffer>>> image(@PathVariable String photoId, Caller caller) {
        return photos.content(photoId, false, caller).map(PhotoHandler::jpeg);
    }

    @GetMapping(path = "/photos/{photoId}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
    Mono<ResponseEntity<Flux<DataBuffer>>> thumbnail(@PathVariable String photoId, Caller caller) {
        return photos.content(photoId, true, caller).map(PhotoHandler::jpeg);
    }

    /** Not stored by shared caches: a photo may be deleted or still pending. */
    private static ResponseEntity<Flux<DataBuffer>> jpeg(Flux<DataBuffer> body) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noCache().cachePrivate()).body(body);
    }
}
