package io.hoithao.events.unit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit as a model site (mô hình điểm) of a programme in one phase: {@code level} PROVINCE or DISTRICT, null
 * once withdrawn. One document per unit, programme and phase ({@link #idOf}), changed by writes guarded by
 * its {@code version}; the messages ({@code ModelSiteDesignated}/{@code ModelSiteWithdrawn}) go with
 * the writes ({@code Publishing}).
 */
@Document(ModelSite.COLLECTION)
record ModelSite(@Id String id, String unitId, String programmeId, String phase, String level, long version,
                 Instant updatedAt) {

    static final String COLLECTION = "model_sites";

    static String idOf(String unitId, String programmeId, String phase) {
        return unitId + "|" + programmeId + "|" + phase;
    }
}
