package io.hoithao.platform.units;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.events.EventCopy;
import io.hoithao.platform.testing.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service's copies of unit names follow the directory ({@link UnitNameCopies}), and a service's copies of events
 * tell who organises them ({@link EventCopy}): by the unit's id, named as the directory now names it.
 */
@IntegrationTest
class UnitNameCopiesIT {

    @Document("copied_events")
    record CopiedEvent(@Id String id, String organiserUnit, String organiserUnitId) implements EventCopy {
    }

    @Document("copied_names")
    record Delegate(@Id String id, String unitId, String unit) {
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aRenameReachesEveryCopyOfThatUnitAndNoOther() {
        String unit = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        mongo.save(new Delegate("d1-" + unit, unit, "Trường Mầm non Tân Hòa")).block();
        mongo.save(new Delegate("d2-" + unit, unit, "Trường Mầm non Tân Hòa")).block();
        mongo.save(new Delegate("d3-" + unit, other, "Trường Mầm non Tân Hòa")).block();
        UnitNameCopies copies = new UnitNameCopies(Delegate.class, "unitId", "unit");

        copies.rename(mongo, unit, "Trường Mầm non Tân Hóa").block();
        copies.rename(mongo, unit, "Trường Mầm non Tân Hóa").block();

        assertThat(mongo.findById("d1-" + unit, Delegate.class).block().unit()).isEqualTo("Trường Mầm non Tân Hóa");
        assertThat(mongo.findById("d2-" + unit, Delegate.class).block().unit()).isEqualTo("Trường Mầm non Tân Hóa");
        assertThat(mongo.findById("d3-" + unit, Delegate.class).block().unit()).isEqualTo("Trường Mầm non Tân Hòa");
    }

    @Test
    void theEventCopiesFollowTheOfficialNameAndNameTheirOrganiserByTheDirectory() {
        KnownUnits units = new KnownUnits(mongo);
        String unit = UUID.randomUUID().toString();
        String event = "e-" + unit;
        String unpublished = "u-" + unit;
        mongo.save(new CopiedEvent(event, "Phòng GD&ĐT Chợ Mới", unit)).block();
        mongo.save(new CopiedEvent(unpublished, null, null)).block();

        assertThat(EventCopy.organiserUnitIds(mongo, CopiedEvent.class).apply(event).block()).isEqualTo(unit);
        assertThat(EventCopy.organiserUnitIds(mongo, CopiedEvent.class).apply(unpublished).blockOptional()).isEmpty();
        assertThat(EventCopy.organiserUnitIds(mongo, CopiedEvent.class).apply("unknown").blockOptional()).isEmpty();
        // the directory does not know the unit yet: the name as recorded
        assertThat(EventCopy.organiserNames(mongo, CopiedEvent.class, units).apply(event).block()).isEqualTo("Phòng GD&ĐT Chợ Mới");

        units.apply(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, unit, "Phòng GD&ĐT Chợ Mới",
                "PGD Chợ Mới", "OFFICE", "DISTRICT", null, 0)).block();
        units.apply(new UnitRenamed(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, unit, "Phòng GD&ĐT huyện Chợ Mới",
                "PGD Chợ Mới", "Phòng GD&ĐT Chợ Mới", 1)).block();
        assertThat(EventCopy.organiserNames(mongo, CopiedEvent.class, units).apply(event).block()).isEqualTo("Phòng GD&ĐT huyện Chợ Mới");

        EventCopy.organiserNameCopies(CopiedEvent.class).follower(mongo).follow(units.find(unit).block()).block();
        assertThat(mongo.findById(event, CopiedEvent.class).block().organiserUnit()).isEqualTo("Phòng GD&ĐT huyện Chợ Mới");
        assertThat(mongo.findById(unpublished, CopiedEvent.class).block().organiserUnit()).isNull();
    }
}
