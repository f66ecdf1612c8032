package io.hoithao.registrations.bulk;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A unit's contact uploads the unit's delegates as a UTF-8 CSV file; the answer reports every row. */
@RestController
@RequestMapping("/api/registrations")
class BulkImportHandler {

    private final BulkImport bulk;

    BulkImportHandler(BulkImport bulk) {
        this.bulk = bulk;
    }

    /**
     * {@code unit} is used for rows without a unit column or value. With an Idempotency-Key, uploading the
     * same file again answers the same rows instead of registering anyone twice.
     */
    @PostMapping(path = "/events/{eventId}/imports", consumes = {"text/csv", "text/plain"})
    Mono<BulkImport.Result> upload(@PathVariable String eventId, @RequestBody String csv,
                                   @RequestParam(required = false) String unit,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return Mono.defer(() -> bulk.importCsv(eventId, csv, unit, key));
    }
}
