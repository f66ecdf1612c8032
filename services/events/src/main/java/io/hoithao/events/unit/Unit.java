package io.hoithao.events.unit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit of the directory as stored. {@code id} is stable: renaming or moving the unit never changes it.
 * {@code siblingKey} (the parent's id and the official name in lower case, diacritics kept) is unique, so
 * two units of one parent never share a name, while "Tân Hòa" and "Tân Hóa" stay two units;
 * {@code searchTerms} are the folded words of both names, for search only. The document's outbox (the messages
 * of its changes not yet published) is the platform's, never read here.
 */
@Document(UnitStore.COLLECTION)
record Unit(
        @Id String id,
        String officialName,
        String shortName,
        UnitKind kind,
        UnitLevel level,
        String parentId,
        String siblingKey,
        List<String> searchTerms,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    Unit {
        searchTerms = searchTerms == null ? List.of() : searchTerms;
    }
}
