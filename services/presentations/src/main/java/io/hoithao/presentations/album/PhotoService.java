package io.hoithao.presentations.album;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.delegate.Delegates;
import io.hoithao.presentations.event.ConferenceEvent;
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
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsUpload;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The album: a photo is read up to the size limit (413 past it, before more is read), its type decided by its
 * content (415, HEIC told what to do), redrawn without its metadata and thumbnailed, and both images stored in
 * GridFS before the photo is recorded. The event's organisers' photos are approved as uploaded; its confirmed
 * delegates upload when the organisers open the album to them, and their photos wait for approval. The public
 * album lists the approved photos; organisers re-caption and delete.
 */
@Service
class PhotoService {

    static final String TOO_LARGE = "photo-too-large";
    static final long MAX_BYTES = 15L * 1024 * 1024;
    static final String UPLOADS_CLOSED = "photo-uploads-closed";

    private final ReactiveGridFsTemplate gridFs;
    private final ReactiveMongoTemplate mongo;
    private final EventAccess events;
    private final Delegates delegates;
    private final Clock clock;

    PhotoService(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate mongo, EventAccess events, Delegates delegates,
                 Clock clock) {
        this.gridFs = gridFs;
        this.mongo = mongo;
        this.events = events;
        this.delegates = delegates;
        this.clock = clock;
    }

    /**
     * Adds a photo: the event's managers' is in the album at once; a confirmed delegate's, when the organisers
     * opened the album to delegates, waits for their approval. Who may upload is decided before a byte is read.
     */
    Mono<Photo> upload(String eventId, String sessionId, String caption, Caller caller, Flux<DataBuffer> body, long length) {
        return approvedAsUploaded(eventId, caller).flatMap(approved -> {
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
                                thumbnail.toHexString(), cleaned.width(), cleaned.height(), cleaned.image().length, approved,
                                caller.email(), clock.instant(), approved ? Photo.APPROVED : Photo.PENDING);
                        return store(image, id + ".jpg", eventId, cleaned.image())
                                .then(store(thumbnail, id + "-thumbnail.jpg", eventId, cleaned.thumbnail()))
                                .then(mongo.insert(photo));
                    });
        });
    }

    /** True for the event's managers, false for a confirmed delegate of an album open to delegates; else 401/403. */
    private Mono<Boolean> approvedAsUploaded(String eventId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.values());
            if (caller.isAdmin()) {
                return known(eventId).thenReturn(true);
            }
            return events.organiser(eventId).flatMap(unit -> {
                if (EventAccess.manages(unit, caller)) {
                    return Mono.just(true);
                }
                if (unit.isEmpty()) {
                    return Mono.error(EventAccess.notManager(eventId, (String) null));
                }
                return settings(eventId).flatMap(settings -> settings.delegateUploads()
                        ? delegates.confirmed(eventId, caller).thenReturn(false).onErrorMap(ProblemException.class,
                                e -> Delegates.NOT_REGISTERED.equals(typeOf(e)) ? notRegistered(eventId) : e)
                        : Mono.error(uploadsClosed(eventId, unit.get().name())));
            });
        });
    }

    Mono<AlbumSettings> settings(String eventId) {
        return mongo.findById(eventId, AlbumSettings.class).defaultIfEmpty(AlbumSettings.closed(eventId));
    }

    /** The event's managers open the album to its confirmed delegates' photos, or close it again. */
    Mono<AlbumSettings> setDelegateUploads(String eventId, boolean open, Caller caller) {
        return events.requireManager(eventId, caller).then(known(eventId)).then(Mono.defer(() -> mongo.save(
                new AlbumSettings(eventId, open, clock.instant()))));
    }

    /** Completes if this service knows the event (an administrator may name one it has never heard of): else 404. */
    private Mono<Void> known(String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(eventId)), ConferenceEvent.class)
                .flatMap(exists -> exists ? Mono.<Void>empty() : Mono.error(ProblemException.notFound("Event", eventId)));
    }

    Mono<List<Photo>> album(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("approved").is(true))
                .with(Sort.by("createdAt", "_id")), Photo.class).collectList();
    }

    /** What the caller uploaded to the event's album, whatever its status: her pending photos among them. */
    Mono<List<Photo>> mine(String eventId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireSignedIn();
            if (caller.email() == null) {
                return Mono.just(List.<Photo>of());
            }
            return mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("uploadedBy").is(caller.email()))
                    .with(Sort.by("createdAt", "_id")), Photo.class).collectList();
        });
    }

    /** The photos waiting for the organisers' decision, oldest first. */
    Mono<List<Photo>> pending(String eventId, Caller caller) {
        return events.requireManager(eventId, caller).then(Mono.defer(() -> mongo.find(Query.query(Criteria
                .where("eventId").is(eventId).and("status").is(Photo.PENDING)).with(Sort.by("createdAt", "_id")), Photo.class)
                .collectList()));
    }

    /**
     * Decides a pending photo by one conditional write (PENDING to APPROVED or REJECTED), so two organisers
     * deciding at once cannot both win: deciding it again the same way answers the photo, the other way 409.
     */
    Mono<Photo> decide(String photoId, boolean approve, Caller caller) {
        String target = approve ? Photo.APPROVED : Photo.REJECTED;
        return managed(photoId, caller).flatMap(photo -> mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(photoId).and("status").is(Photo.PENDING)),
                        new Update().set("status", target).set("approved", approve),
                        FindAndModifyOptions.options().returnNew(true), Photo.class)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(photoId, Photo.class)
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Photo", photoId)))
                        .map(now -> {
                            if (!target.equals(now.status())) {
                                throw ProblemException.conflict("invalid-transition", "Photo " + photoId + " is "
                                        + now.status() + (approve ? "; it cannot be approved" : "; delete it instead of rejecting it"))
                                        .with("currentState", now.status());
                            }
                            return now;
                        }))));
    }

    /** The organisers change a photo's caption (blank: none). */
    Mono<Photo> caption(String photoId, String caption, Caller caller) {
        return managed(photoId, caller).flatMap(photo -> mongo.findAndModify(Query.query(Criteria.where("_id").is(photoId)),
                        new Update().set("caption", blankToNull(caption)), FindAndModifyOptions.options().returnNew(true), Photo.class))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Photo", photoId)));
    }

    /** The organisers remove a photo: its record first (the album stops showing it), then its two images. */
    Mono<Void> delete(String photoId, Caller caller) {
        return managed(photoId, caller)
                .flatMap(photo -> mongo.remove(Query.query(Criteria.where("_id").is(photoId)), Photo.class)
                        .then(gridFs.delete(Query.query(Criteria.where("_id").in(
                                new ObjectId(photo.imageId()), new ObjectId(photo.thumbnailId()))))));
    }

    /** The photo, if the caller manages its event (else 401/403); 404 if there is none. */
    private Mono<Photo> managed(String photoId, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            return mongo.findById(photoId, Photo.class)
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Photo", photoId)))
                    .flatMap(photo -> events.requireManager(photo.eventId(), caller).thenReturn(photo));
        });
    }

    private static ProblemException notRegistered(String eventId) {
        return new ProblemException(HttpStatus.FORBIDDEN, Delegates.NOT_REGISTERED, "Not a registered delegate",
                "Only the event's organisers and its confirmed delegates add photos to the album of event " + eventId)
                .with("eventId", eventId);
    }

    private static String typeOf(ProblemException e) {
        String type = e.type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    static ProblemException uploadsClosed(String eventId, String unit) {
        return new ProblemException(HttpStatus.FORBIDDEN, UPLOADS_CLOSED, "Photo uploads closed", "Only the organisers of "
                + unit + " add photos to the album of event " + eventId + ": they have not opened it to delegates' photos")
                .with("eventId", eventId);
    }

    /**
     * The cleaned image or its thumbnail: an approved photo's for anyone; one not approved only for its uploader
     * and the event's managers (for anyone else it does not exist).
     */
    Mono<Flux<DataBuffer>> content(String photoId, boolean thumbnail, Caller caller) {
        return mongo.findById(photoId, Photo.class)
                .filterWhen(photo -> photo.approved() || caller.owns(photo.uploadedBy()) ? Mono.just(true)
                        : events.organiser(photo.eventId()).map(unit -> EventAccess.manages(unit, caller)))
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
