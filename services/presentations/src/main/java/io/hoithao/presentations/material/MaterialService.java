package io.hoithao.presentations.material;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.security.Caller;
import io.hoithao.presentations.paper.Paper.Material;
import io.hoithao.presentations.paper.PaperAccess;
import io.hoithao.presentations.paper.PaperDecision;
import io.hoithao.presentations.paper.PaperLifecycle;
import io.hoithao.presentations.paper.PaperProblems;
import io.hoithao.presentations.paper.PaperStore;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsResource;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsUpload;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams materials into GridFS and back. The bytes pass through on their way to GridFS: they are
 * counted (413 as soon as the limit is passed), hashed, and the first {@link MaterialSniffer#WINDOW}
 * bytes decide the type (415 as soon as it is certainly wrong). A refused upload's partial file is
 * deleted; an accepted one is recorded in the paper by a conditional write.
 */
@Service
class MaterialService {

    static final String TOO_LARGE = "material-too-large";
    static final String WRONG_TYPE = "material-type-not-accepted";

    private static final Logger log = LoggerFactory.getLogger(MaterialService.class);

    private final ReactiveGridFsTemplate gridFs;
    private final ReactiveMongoTemplate mongo;
    private final PaperStore papers;
    private final PaperAccess access;
    private final MaterialProperties properties;
    private final Clock clock;

    MaterialService(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate mongo, PaperStore papers, PaperAccess access,
                    MaterialProperties properties, Clock clock) {
        this.gridFs = gridFs;
        this.mongo = mongo;
        this.papers = papers;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
    }

    /** The submitter's access is checked before the body is read: a refused caller's bytes are never stored. */
    Mono<Material> upload(String paperId, Caller caller, String rawFilename, Flux<DataBuffer> content, long declaredLength) {
        long max = properties.maxSize().toBytes();
        return access.own(paperId, caller).flatMap(paper -> {
            String filename = filename(rawFilename);
            Optional<PaperDecision.Refusal> refused = PaperLifecycle.refuseMaterial(paper,
                    PaperAccess.submittedBy(paper, caller), properties.maxPerPaper());
            if (refused.isPresent()) {
                return Mono.error(PaperProblems.problem(refused.get()));
            }
            if (declaredLength > max) {
                // Refuse before reading a byte; bodies without a length are checked while they stream.
                return Mono.error(tooLarge(max));
            }
            ObjectId fileId = new ObjectId();
            Inspection inspection = new Inspection(max);
            Flux<DataBuffer> checked = content.handle((buffer, sink) -> {
                try {
                    inspection.accept(buffer);
                    sink.next(buffer);
                } catch (ProblemException e) {
                    DataBufferUtils.release(buffer);
                    sink.error(e);
                }
            });
            return gridFs.store(ReactiveGridFsUpload.fromPublisher(checked).id(fileId).filename(filename)
                            .metadata(new Document("paperId", paperId)).build())
                    .then(Mono.fromCallable(inspection::finish))
                    .flatMap(type -> {
                        Material material = new Material(fileId.toHexString(), withExtension(filename, type),
                                type.contentType, inspection.size, inspection.sha256(), clock.instant());
                        return papers.apply(paperId, current -> PaperLifecycle.addMaterial(current,
                                        PaperAccess.submittedBy(current, caller), material, properties.maxPerPaper()))
                                .map(PaperProblems::orThrow)
                                .thenReturn(material);
                    })
                    .onErrorResume(e -> discard(fileId).then(Mono.error(e)));
        });
    }

    record Download(Material material, Flux<DataBuffer> content) {
    }

    Mono<Download> download(String paperId, String materialId, Caller caller) {
        return access.readable(paperId, caller)
                .flatMap(paper -> Mono.justOrEmpty(paper.materials().stream().filter(m -> m.id().equals(materialId)).findFirst()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Material", materialId)))
                .flatMap(material -> gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(material.id()))))
                        .flatMap(gridFs::getResource)
                        .map(resource -> new Download(material, resource.getDownloadStream())))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Material", materialId)));
    }


    /** Removes the file and any chunks already written (the files document exists only after a complete upload). */
    private Mono<Void> discard(ObjectId fileId) {
        return mongo.remove(Query.query(Criteria.where("files_id").is(fileId)), "fs.chunks")
                .then(mongo.remove(Query.query(Criteria.where("_id").is(fileId)), "fs.files"))
                .doOnNext(r -> log.debug("Discarded partial material {}", fileId))
                .onErrorResume(e -> {
                    log.warn("Could not discard partial material {}: {}", fileId, e.toString());
                    return Mono.empty();
                })
                .then();
    }

    static String filename(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField("filename", "must be a file name of 1 to 255 characters");
        }
        return name;
    }

    /** Keeps the given name, adding the extension of the detected type if the name lacks it. */
    static String withExtension(String filename, MaterialType type) {
        return filename.toLowerCase(java.util.Locale.ROOT).endsWith("." + type.extension) ? filename : filename + "." + type.extension;
    }

    static ProblemException tooLarge(long max) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Material too large",
                "A material may be at most " + max + " bytes").with("maxBytes", max);
    }

    static ProblemException wrongType() {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, WRONG_TYPE, "Material type not accepted",
                "Materials must be PDF, PPTX or DOCX files (judged by their content, not their name)")
                .with("accepted", List.of("PDF", "PPTX", "DOCX"));
    }

    /** What is learnt of the bytes as they pass: size, SHA-256 and type. Only the sniffing window is copied. */
    private static final class Inspection {

        private final long max;
        private final MessageDigest digest;
        private final MaterialSniffer sniffer = new MaterialSniffer();
        private long size;
        private MaterialType type;

        Inspection(long max) {
            this.max = max;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void accept(DataBuffer buffer) {
            size += buffer.readableByteCount();
            if (size > max) {
                throw tooLarge(max);
            }
            try (DataBuffer.ByteBufferIterator parts = buffer.readableByteBuffers()) {
                while (parts.hasNext()) {
                    ByteBuffer part = parts.next();
                    digest.update(part.duplicate());
                    if (type == null) {
                        type = sniffer.accept(part.duplicate());
                        if (sniffer.refused()) {
                            throw wrongType();
                        }
                    }
                }
            }
        }

        MaterialType finish() {
            if (type == null) {
                type = sniffer.finish();
            }
            if (type == null) {
                throw wrongType();
            }
            return type;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
