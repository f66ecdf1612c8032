package io.hoithao.events.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A chuyên đề: a multi-year theme ("Xây dựng trường mầm non lấy trẻ làm trung tâm") with its phases
 * (2016–2020, 2021–2025) and the chain of plans (kế hoạch) that drive it; events belong to it.
 * {@code organiserUnitId} is the id in the directory of the unit that keeps it (its organisers add phases and
 * plans), {@code organiserUnit} a copy of that unit's official name (refreshed by renames); both null for a
 * programme kept by the administrators alone (and for programmes recorded before units were kept by id).
 * The document's outbox (the messages of its creation and phases not yet published) is the platform's, never read here.
 */
@Document("programmes")
record Programme(
        @Id String id,
        String name,
        String description,
        String organiserUnitId,
        String organiserUnit,
        List<Phase> phases,
        List<Plan> plans,
        Instant createdAt) {

    static final String COLLECTION = "programmes";

    public Programme {
        phases = phases == null ? List.of() : phases;
        plans = plans == null ? List.of() : plans;
    }

    /** A phase of the programme, in school years' calendar years, e.g. 2021–2025. */
    record Phase(String name, int fromYear, int toYear) {
    }

    /**
     * A plan issued for the programme, e.g. {@code 3357/KH-SGDĐT} of 22/9/2021 by the provincial
     * department; {@code level} says whose plan it is (province, district, school).
     */
    record Plan(String number, String issuer, LocalDate issuedOn, String title, String level) {
    }
}
