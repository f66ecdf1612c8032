package io.hoithao.web;

import io.micrometer.observation.ObservationRegistry;
import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * <em>Album hình ảnh</em>: an event's approved photos as a grid of thumbnails, each linking to the photo,
 * its caption as the alternative text. The images are passed on from the presentations API through this
 * site, so the pages' Content-Security-Policy keeps images to this origin.
 */
@Controller
public class AlbumPages {

    private static final ParameterizedTypeReference<List<Photo>> PHOTOS = new ParameterizedTypeReference<>() {
    };
    /** The presentations API's thumbnails are at most this wide. */
    static final int THUMBNAIL = 480;

    private final EventsClient events;
    private final WebClient http;
    private final WebProperties properties;

    public AlbumPages(EventsClient events, WebProperties properties, ObservationRegistry observations) {
        this.events = events;
        this.http = WebClient.builder().observationRegistry(observations).baseUrl(properties.apiUri()).filter(ForwardedFor.filter()).build();
        this.properties = properties;
    }

    /** An approved photo as the public album lists it. */
    public record Photo(String id, String caption, int width, int height) {

        public int thumbnailWidth() {
            return Math.min(THUMBNAIL, Math.max(1, width));
        }

        public int thumbnailHeight() {
            return width <= 0 ? THUMBNAIL : Math.max(1, (int) Math.round((double) height * thumbnailWidth() / width));
        }
    }

    @GetMapping("/events/{id}/album")
    public Mono<String> album(@PathVariable String id, Model model) {
        EventPages.checkId(id);
        Mono<List<Photo>> photos = http.get().uri("/api/presentations/events/{id}/photos", id)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(PHOTOS)
                .timeout(properties.apiTimeout())
                .onErrorMap(EventsClient::translate);
        return Mono.zip(events.event(id), photos).doOnNext(both -> {
            model.addAttribute("event", both.getT1());
            model.addAttribute("photos", both.getT2().stream().filter(p -> p.id() != null && safe(p.id())).toList());
        }).thenReturn("album");
    }

    @GetMapping("/events/{id}/album/{photoId}/image")
    public Mono<ResponseEntity<Flux<DataBuffer>>> image(@PathVariable String id, @PathVariable String photoId) {
        return jpeg(id, photoId, "image");
    }

    @GetMapping("/events/{id}/album/{photoId}/thumbnail")
    public Mono<ResponseEntity<Flux<DataBuffer>>> thumbnail(@PathVariable String id, @PathVariable String photoId) {
        return jpeg(id, photoId, "thumbnail");
    }

    /** The photo's bytes streamed on as they arrive; an unknown or withdrawn photo is the site's 404. */
    private Mono<ResponseEntity<Flux<DataBuffer>>> jpeg(String id, String photoId, String which) {
        EventPages.checkId(id);
        if (!safe(photoId)) {
            throw new NotFoundException("No such photo");
        }
        return http.get().uri("/api/presentations/photos/{photo}/" + which, photoId)
                .accept(MediaType.IMAGE_JPEG)
                .retrieve().toEntityFlux(DataBuffer.class)
                .timeout(properties.apiTimeout())
                .onErrorMap(EventsClient::translate)
                // a photo the organisers delete must not linger in shared caches
                .map(answer -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(CacheControl.noCache()).body(answer.getBody()));
    }

    private static boolean safe(String photoId) {
        return photoId.length() <= 64 && photoId.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-');
    }
}
