package io.hoithao.events.unit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hoithao.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit as a model site (mô hình điểm) of a programme in one phase: {@code level} PROVINCE or DISTRICT, null
 * once withdrawn. One document per unit, programme and phase ({@link #idOf}), changed by writes guarded by
 * its {@code version}; the outbox holds {@code ModelSiteDesignated}/{@code ModelSiteWithdrawn} not yet published.
 */
@Document(ModelSite.COLLECTION)
record ModelSite(@Id String id, String unitId, String programmeId, String phase, String level, long version,
                 Instant updatedAt, @JsonIgnore List<OutboxEntry> outbox) {

    static final String COLLECTION = "model_sites";

    static String idOf(String unitId, String programmeId, String phase) {
        return unitId + "|" + programmeId + "|" + phase;
    }
}
