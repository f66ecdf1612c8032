package io.hoithao.presentations;

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
 * district offices below it (the events' Chợ Mới among them), and schools below Chợ Mới's office, two of them
 * with names that fold alike (Tân Hòa, Tân Hóa).
 */
@Component
class TestDirectory implements ApplicationRunner {

    static final String DEPARTMENT = "Sở GD&ĐT Bắc Kạn";
    static final String SIBLING_OFFICE = "Phòng GD&ĐT Na Rì";
    static final String TAN_HOA = "Trường Mầm non Tân Hòa";
    static final String TAN_HOA_ACUTE = "Trường Mầm non Tân Hóa";

    private final KnownUnits units;

    TestDirectory(KnownUnits units) {
        this.units = units;
    }

    @Override
    public void run(ApplicationArguments args) {
        String department = add(units, DEPARTMENT, null);
        for (String office : new String[] {Fixtures.ORGANISER_UNIT, SIBLING_OFFICE, "Phòng GD&ĐT Long Biên"}) {
            add(units, office, department);
        }
        for (String school : new String[] {Fixtures.UNIT, TAN_HOA, TAN_HOA_ACUTE}) {
            add(units, school, id(Fixtures.ORGANISER_UNIT));
        }
    }

    /** Adds a unit of this name to the service's copy of the directory, below {@code parentId}; its id. */
    static String add(KnownUnits units, String name, String parentId) {
        String id = id(name);
        units.apply(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, id, name, name, "OTHER",
                "PROVINCE", parentId, 0)).block();
        return id;
    }

    /** The id of a unit the tests name. */
    static String id(String name) {
        return TestIdentity.unitId(name);
    }
}
