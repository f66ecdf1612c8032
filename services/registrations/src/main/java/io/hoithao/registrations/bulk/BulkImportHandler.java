package io.hoithao.registrations.bulk;

import io.hoithao.platform.security.Caller;
import io.hoithao.registrations.event.EventAccess;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The event's organisers (or an administrator) upload delegates as a UTF-8 CSV file, and the contact of a unit
 * with a quota uploads her unit's delegation; the answer reports every row. The rows are registered as the
 * uploader's requests: their Idempotency-Keys are the uploader's.
 */
@RestController
@RequestMapping("/api/registrations")
class BulkImportHandler {

    private final BulkImport bulk;
    private final EventAccess events;

    BulkImportHandler(BulkImport bulk, EventAccess events) {
        this.bulk = bulk;
        this.events = events;
    }

    /**
     * {@code unitId} (a unit of the directory) is used for rows without a unitId column or value. With an Idempotency-Key, uploading the
     * same file again answers the same rows instead of registering anyone twice.
     */
    @PostMapping(path = "/events/{eventId}/imports", consumes = {"text/csv", "text/plain"})
    Mono<BulkImport.Result> upload(@PathVariable String eventId, @RequestBody String csv,
                                   @RequestParam(required = false) String unitId,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                   Caller caller) {
        return events.managerOrContact(eventId, caller).flatMap(delegation -> {
            if (delegation.isEmpty()) {
                return bulk.importCsv(eventId, csv, unitId, key, caller.subject(), null);
            }
            // A unit's contact uploads her unit's delegation: its rows are of her unit, a default naming another is refused.
            EventAccess.Delegation hers = delegation.get();
            if (unitId != null && !unitId.isBlank() && !unitId.strip().equals(hers.unitId())) {
                return Mono.error(EventAccess.notHerDelegation(hers, "unit " + unitId.strip()));
            }
            return bulk.importCsv(eventId, csv, hers.unitId(), key, caller.subject(), hers);
        });
    }
}
