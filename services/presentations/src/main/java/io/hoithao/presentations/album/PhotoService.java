package io.hoithao.presentations.album;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.event.EventAccess;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsUpload;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The album: an organiser's photo is read up to the size limit (413 past it, before more is read), its type
 * decided by its content (415, HEIC told what to do), redrawn without its metadata and thumbnailed, and both
 * images stored in GridFS before the photo is recorded. The public album lists the approved photos.
 */
@Service
class PhotoService {

    static final String TOO_LARGE = "photo-too-large";
    static final long MAX_BYTES = 15L * 1024 * 1024;

    private final ReactiveGridFsTemplate gridFs;
    private final ReactiveMongoTemplate mongo;
    private final EventAccess events;
    private final Clock clock;

    PhotoService(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate mongo, EventAccess events, Clock clock) {
        this.gridFs = gridFs;
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    Mono<Photo> upload(String eventId, String sessionId, String caption, Caller caller, Flux<DataBuffer> body, long length) {
        return events.requireManager(eventId, caller).then(Mono.defer(() -> {
            if (length > MAX_BYTES) {
                return Mono.error(tooLarge());
            }
            return DataBufferUtils.join(body, (int) MAX_BYTES)
                    .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                    .switchIfEmpty(Mono.error(() -> ProblemException.invalidField("body", "must be a photo")))
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return bytes;
                    })
                    .publishOn(Schedulers.boundedElastic())
                    .map(PhotoImages::clean)
                    .flatMap(cleaned -> {
                        String id = "pho-" + UUID.randomUUID();
                        ObjectId image = new ObjectId();
                        ObjectId thumbnail = new ObjectId();
                        Photo photo = new Photo(id, eventId, blankToNull(sessionId), blankToNull(caption), image.toHexString(),
                                thumbnail.toHexString(), cleaned.width(), cleaned.height(), cleaned.image().length, true,
                                caller.email(), clock.instant());
                        return store(image, id + ".jpg", eventId, cleaned.image())
                                .then(store(thumbnail, id + "-thumbnail.jpg", eventId, cleaned.thumbnail()))
                                .then(mongo.insert(photo));
                    });
        }));
    }

    Mono<List<Photo>> album(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("approved").is(true))
                .with(Sort.by("createdAt", "_id")), Photo.class).collectList();
    }

    /** The cleaned image or its thumbnail of an approved photo. */
    Mono<Flux<DataBuffer>> content(String photoId, boolean thumbnail) {
        return mongo.findById(photoId, Photo.class).filter(Photo::approved)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Photo", photoId)))
                .flatMap(photo -> gridFs.findOne(Query.query(Criteria.where("_id")
                        .is(new ObjectId(thumbnail ? photo.thumbnailId() : photo.imageId())))))
                .flatMap(gridFs::getResource)
                .map(resource -> resource.getDownloadStream());
    }

    private Mono<ObjectId> store(ObjectId id, String filename, String eventId, byte[] bytes) {
        return gridFs.store(ReactiveGridFsUpload.fromPublisher(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)))
                .id(id).filename(filename).metadata(new Document("eventId", eventId).append("album", true)).build());
    }

    private static ProblemException tooLarge() {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Photo too large",
                "A photo may have at most 15 MB").with("maxBytes", MAX_BYTES);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
