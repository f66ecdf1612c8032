package io.hoithao.presentations.material;

import io.hoithao.platform.security.Caller;
import io.hoithao.presentations.paper.Paper.Material;
import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Upload (raw body or multipart) and download of a paper's materials, streamed both ways. Only the
 * paper's submitter uploads (checked before a byte of the body is read); whoever may read the paper
 * downloads.
 */
@RestController
@RequestMapping("/api/presentations/papers/{paperId}/materials")
class MaterialHandler {

    private final MaterialService service;

    MaterialHandler(MaterialService service) {
        this.service = service;
    }

    /** The file is the raw request body; its name is the {@code filename} parameter (URL-encoded UTF-8). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<Material>> uploadRaw(@PathVariable String paperId, @RequestParam String filename,
                                             Caller caller, ServerWebExchange exchange) {
        Flux<DataBuffer> body = exchange.getRequest().getBody();
        long length = exchange.getRequest().getHeaders().getContentLength();
        return created(paperId, service.upload(paperId, caller, filename, body, length));
    }

    /** The file is the {@code file} part of a multipart form; its name is the part's file name. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<Material>> uploadPart(@PathVariable String paperId, @RequestPart("file") FilePart file,
                                              Caller caller) {
        return created(paperId, service.upload(paperId, caller, file.filename(), file.content(), -1));
    }

    /** Whoever may read the paper may download its materials. */
    @GetMapping("/{materialId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String paperId, @PathVariable String materialId,
                                                    Caller caller) {
        return service.download(paperId, materialId, caller).map(download -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.material().contentType()))
                .contentLength(download.material().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(download.material().filename()))
                .body(download.content()));
    }

    private static Mono<ResponseEntity<Material>> created(String paperId, Mono<Material> material) {
        return material.map(m -> ResponseEntity.created(
                URI.create("/api/presentations/papers/" + paperId + "/materials/" + m.id())).body(m));
    }
}
