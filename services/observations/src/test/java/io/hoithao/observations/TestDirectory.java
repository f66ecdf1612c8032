package io.hoithao.observations;

import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.units.KnownUnits;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The units the tests name, in this service's copy of the directory before any test runs, each with the id its test
 * people carry ({@link TestIdentity#unitId}), as if the events service had published them: the department, its
 * district offices below it, and schools below Chợ Mới's office.
 */
@Component
class TestDirectory implements ApplicationRunner {

    static final String DEPARTMENT = "Sở GD&ĐT Bắc Kạn";
    static final String OFFICE = "Phòng GD&ĐT Chợ Mới";
    static final String SIBLING_OFFICE = "Phòng GD&ĐT Na Rì";
    static final String SCHOOL = "Trường Mầm non Tân Hòa";

    private final KnownUnits units;

    TestDirectory(KnownUnits units) {
        this.units = units;
    }

    @Override
    public void run(ApplicationArguments args) {
        String department = add(units, DEPARTMENT, null);
        add(units, OFFICE, department);
        add(units, SIBLING_OFFICE, department);
        add(units, SCHOOL, id(OFFICE));
        add(units, "Trường Mầm non Tân Hóa", id(OFFICE));
    }

    /** Adds a unit of this name to the service's copy of the directory, below {@code parentId}; its id. */
    static String add(KnownUnits units, String name, String parentId) {
        String id = id(name);
        units.apply(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, id, name, name, "OTHER",
                "PROVINCE", parentId, 0)).block();
        return id;
    }

    static String id(String name) {
        return TestIdentity.unitId(name);
    }
}
