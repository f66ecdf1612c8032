package io.hoithao.events.unit;

/**
 * What a unit is. The administrative kinds belong to one level each: a department (Sở GD&ĐT) is the
 * province's, a district office (Phòng GD&ĐT) a district's, a school a school's; a centre or another
 * unit (a continuing-education centre, a teachers' college) may be at any level.
 */
enum UnitKind {
    DEPARTMENT(UnitLevel.PROVINCE),
    DISTRICT_OFFICE(UnitLevel.DISTRICT),
    SCHOOL(UnitLevel.SCHOOL),
    CENTRE(null),
    OTHER(null);

    private final UnitLevel only;

    UnitKind(UnitLevel only) {
        this.only = only;
    }

    boolean allows(UnitLevel level) {
        return only == null || only == level;
    }

    /** The level of an administrative kind, null for a centre or another unit. */
    UnitLevel level() {
        return only;
    }

    /** The department and the district offices: what a centre or another unit of their level may sit under. */
    boolean administrative() {
        return this == DEPARTMENT || this == DISTRICT_OFFICE;
    }
}
