package io.hoithao.platform.units;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.testing.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The units projection keeps the names and the parent of the highest revisions, whatever order the messages come in. */
@IntegrationTest
class KnownUnitsIT {

    @Autowired
    ReactiveMongoTemplate mongo;

    private static final String NO_EVENT = UnitsMessage.NO_EVENT;

    @Test
    void namesAndParentFollowTheHighestRevisionsInAnyOrder() {
        KnownUnits units = new KnownUnits(mongo);
        String department = UUID.randomUUID().toString();
        String office = UUID.randomUUID().toString();
        String otherOffice = UUID.randomUUID().toString();
        String school = UUID.randomUUID().toString();
        units.apply(created(department, "Sở GD&ĐT Bắc Kạn", null)).block();
        units.apply(created(office, "Phòng GD&ĐT Chợ Mới", department)).block();
        units.apply(created(otherOffice, "Phòng GD&ĐT Na Rì", department)).block();
        // the rename (revision 2) and the move (revision 1) arrive before the creation, then the rename again
        units.apply(new UnitRenamed(UUID.randomUUID(), Instant.now(), NO_EVENT, school, "Trường Mầm non Tân Hóa",
                "MN Tân Hóa", "Trường Mầm non Tân Hòa", 2)).block();
        units.apply(new UnitMoved(UUID.randomUUID(), Instant.now(), NO_EVENT, school, otherOffice, office, 1)).block();
        units.apply(created(school, "Trường Mầm non Tân Hòa", office)).block();
        units.apply(new UnitRenamed(UUID.randomUUID(), Instant.now(), NO_EVENT, school, "Trường Mầm non Tân Hóa",
                "MN Tân Hóa", "Trường Mầm non Tân Hòa", 2)).block();

        KnownUnits.KnownUnit found = units.find(school).block();
        assertThat(found.officialName()).isEqualTo("Trường Mầm non Tân Hóa");
        assertThat(found.parentId()).isEqualTo(otherOffice);
        assertThat(units.ancestors(school).map(KnownUnits.KnownUnit::officialName).collectList().block())
                .containsExactly("Phòng GD&ĐT Na Rì", "Sở GD&ĐT Bắc Kạn");
        assertThat(units.find(List.of(school, office, "unknown")).block()).containsOnlyKeys(school, office);
        assertThat(units.name("unknown", "as recorded").block()).isEqualTo("as recorded");
    }

    @Test
    void aUnitOnlyMovedSoFarHasNoNameYet() {
        KnownUnits units = new KnownUnits(mongo);
        String school = UUID.randomUUID().toString();
        units.apply(new UnitMoved(UUID.randomUUID(), Instant.now(), NO_EVENT, school, "p2", "p1", 3)).block();
        assertThat(units.find(school).blockOptional()).isEmpty();
    }

    private static UnitCreated created(String id, String name, String parentId) {
        return new UnitCreated(UUID.randomUUID(), Instant.now(), NO_EVENT, id, name, name, parentId == null ? "DEPARTMENT" : "SCHOOL",
                parentId == null ? "PROVINCE" : "SCHOOL", parentId, 0);
    }
}
