package io.hoithao.registrations;

import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.units.KnownUnits;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The units the tests name, in this service's copy of the directory before any test runs, each with the id its
 * test people carry ({@link TestIdentity#unitId}): as if the events service had published them. Two schools whose
 * names fold alike (Tân Hòa, Tân Hóa) are among them.
 */
@Component
class TestDirectory implements ApplicationRunner {

    static final List<String> UNITS = List.of("Sở GD&ĐT Bắc Kạn", "Phòng GD&ĐT Chợ Mới", "Phòng GD&ĐT Na Rì",
            "Phòng GD&ĐT thành phố Bắc Kạn", "Phòng GD&ĐT Long Biên", "Phòng GD&ĐT Bạch Thông", "Trường Mầm non Đồng Tâm",
            "Trường Mầm non Long Biên", "Trường Mầm non Tân Hòa", "Trường Mầm non Tân Hóa");

    private final KnownUnits units;

    TestDirectory(KnownUnits units) {
        this.units = units;
    }

    /** The department, its offices below it, the schools below Chợ Mới's office. */
    @Override
    public void run(ApplicationArguments args) {
        String department = add(units, UNITS.get(0));
        UNITS.stream().filter(name -> name.startsWith("Phòng")).forEach(name -> add(units, name, department));
        UNITS.stream().filter(name -> name.startsWith("Trường")).forEach(name -> add(units, name, id("Phòng GD&ĐT Chợ Mới")));
    }

    /** Adds a unit of this name (top level) to the service's copy of the directory; its id. */
    static String add(KnownUnits units, String name) {
        return add(units, name, null);
    }

    static String add(KnownUnits units, String name, String parentId) {
        String id = TestIdentity.unitId(name);
        units.apply(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, id, name, name, "OTHER",
                "PROVINCE", parentId, 0)).block();
        return id;
    }

    /**
     * Many units at once, written straight into the copy of the directory in one insert (as the consumer would leave
     * them after their creation), for tests that need a thousand; their ids.
     */
    static List<String> addAll(org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo, List<String> names) {
        List<org.bson.Document> documents = names.stream().map(name -> new org.bson.Document("_id", id(name))
                .append("officialName", name).append("shortName", name).append("namesRevision", 0L)
                .append("parentId", null).append("parentRevision", 0L)).toList();
        mongo.insert(documents, KnownUnits.COLLECTION).collectList().block();
        return names.stream().map(TestDirectory::id).toList();
    }

    /** The id of a unit the tests name. */
    static String id(String name) {
        return TestIdentity.unitId(name);
    }
}
